'use strict';
/**
 * The client layer alone: our GatewayClient with an injected HttpTransport that answers every
 * request with the simulator's recorded answer, so no socket, no undici and no scheduler noise is
 * left in the loop. What remains per send is the vendor client's own work (phone number
 * normalisation, encoding choice and segment count, request building, answer parsing, result
 * objects). Compare with the end-to-end client CPU per send in run.js to see how much of our
 * overhead sits in the client and how much in UndiciHttpTransport.
 *
 *   node bench/gateways/client-layer.js [--sends=20000] [--only=routesms,jasmin]
 * Add node's --cpu-prof to see the functions (no network in the profile).
 */
const { loadCore } = require('../load-core');
const { formatTable } = require('../format-table');
const { GATEWAY_CASES } = require('./gateway-cases');
const { SimulatorProcess } = require('./simulator-process');

/**
 * A transport that asks the real one once per (method, path, authenticated?) and then replays that
 * answer: the first Dinstar request still gets its 401 challenge, later ones the accepted answer.
 */
function replayingTransport(real) {
  const answers = new Map();
  return {
    async request(request) {
      const key = `${request.method} ${request.path.split('?')[0]} ${request.headers?.authorization ? 'auth' : 'bare'}`;
      let answer = answers.get(key);
      if (!answer) {
        answer = await real.request(request);
        answers.set(key, answer);
      }
      return { status: answer.status, headers: answer.headers, body: answer.body };
    },
    close: () => real.close(),
  };
}

async function measure(core, testCase, simulator, sends) {
  const { UndiciHttpTransport } = core;
  const transport = replayingTransport(new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: testCase.gateway }));
  const client = core.createVendorRegistry().open(
    testCase.gateway,
    { url: simulator.baseUrl, username: simulator.credentials.username, password: simulator.credentials.password, ...testCase.vendorOptions },
    { transport },
  );
  try {
    const warmup = Math.min(2_000, sends);
    for (let index = 0; index < warmup; index += 1) await client.send(testCase.request());
    const before = process.cpuUsage();
    let accepted = 0;
    for (let index = 0; index < sends; index += 1) {
      const [result] = await client.send(testCase.request());
      if (result.accepted) accepted += 1;
    }
    const cpu = process.cpuUsage(before);
    return { microsPerSend: (cpu.user + cpu.system) / sends, accepted };
  } finally {
    await client.close();
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const sends = Number(argv.find((argument) => argument.startsWith('--sends='))?.split('=')[1] ?? 20_000);
  const only = argv.find((argument) => argument.startsWith('--only='))?.split('=')[1].split(',');
  const { core } = loadCore();
  const simulators = new SimulatorProcess();
  const rows = [];
  try {
    for (const testCase of GATEWAY_CASES.filter((candidate) => !only || only.includes(candidate.name))) {
      const simulator = await simulators.start(testCase.gateway, testCase.simulatorOptions);
      try {
        const result = await measure(core, testCase, simulator, sends);
        rows.push([testCase.name, `${result.microsPerSend.toFixed(1)} µs`, `${(1e6 / result.microsPerSend / 1000).toFixed(1)} k/s`, `${result.accepted}/${sends}`]);
      } finally {
        await simulators.stop(testCase.gateway);
      }
    }
  } finally {
    await simulators.close();
  }
  console.log(formatTable(['gateway', 'client CPU per send (no network)', 'sends/s on one core', 'accepted'], rows));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
