// sms send against Node-RED's own `http request` node, in one Node-RED runtime and one run: the
// same 10,000 sends to the Jasmin simulator (POST /secure/send with Basic auth) through each, the
// time for all results to come back, the ratio, and the process's peak memory at 1,000 and 10,000.
// Run after a build: npm run bench:node-red
const { join } = require('node:path');
const { JasminSimulator } = require('@smsbridge/core/testing');

const helper = require('node-red-node-test-helper');
helper.init(require.resolve('node-red'));
const nodeModules = ['smsbridge-gateway', 'smsbridge-modem', 'sms-send', 'sms-in', 'sms-status', 'sms-ussd', 'sms-admin'].map((type) =>
  require(join(__dirname, '..', '..', 'node-red', 'dist', 'nodes', `${type}.js`)),
);
const httpRequestNode = require('@node-red/nodes/core/network/21-httprequest.js');

const SIZES = (process.env.SMSBRIDGE_BENCH_SIZES ?? '1000,10000').split(',').map(Number);

/** Resident memory, sampled every 20 ms while `work` runs; the highest value. */
async function measure(work) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  return { seconds, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
}

/** Sends `count` messages into node `entry` and resolves when `count` came out of `exit`. */
function pump(entry, exit, count, messageFor) {
  return new Promise((resolve, reject) => {
    let out = 0;
    const failures = [];
    const timer = setTimeout(() => reject(new Error(`only ${out} of ${count} came back; failures: ${failures.slice(0, 3).join(' | ')}`)), 120_000);
    helper.getNode(entry).on('call:error', (call) => failures.push(String(call.args[0])));
    helper.getNode(exit).on('input', () => {
      out += 1;
      if (out === count) {
        clearTimeout(timer);
        resolve();
      }
    });
    const node = helper.getNode(entry);
    for (let index = 0; index < count; index += 1) node.receive(messageFor(index));
  });
}

async function main() {
  const simulator = new JasminSimulator({ balance: 'ND', network: { maxFinishedMessages: 1_000 } });
  await simulator.start();
  const { username, password } = simulator.describe().credentials;
  const flow = [
    { id: 'tab', type: 'tab' },
    { id: 'gw', type: 'smsbridge-gateway', gateway: 'jasmin', url: simulator.baseUrl, settings: {} },
    { id: 'send', type: 'sms-send', z: 'tab', x: 1, y: 1, gateway: 'gw', wires: [['sent']] },
    { id: 'sent', type: 'helper', z: 'tab', x: 1, y: 1 },
    { id: 'http', type: 'http request', z: 'tab', x: 1, y: 1, method: 'POST', ret: 'txt', paytoqs: 'ignore', url: `${simulator.baseUrl}/secure/send`, authType: 'basic', wires: [['answered']] },
    { id: 'answered', type: 'helper', z: 'tab', x: 1, y: 1 },
  ];
  await helper.load([...nodeModules, httpRequestNode], flow, { gw: { username, password }, http: { user: username, password } });

  const number = (index) => `+4477009${String(10_000 + (index % 90_000)).padStart(5, '0')}`;
  // Warm-up (JIT, connections) for both, not measured.
  await pump('send', 'sent', 200, (index) => ({ payload: `warm-up ${index}`, to: number(index) }));
  await pump('http', 'answered', 200, (index) => ({ payload: JSON.stringify({ to: number(index), content: `warm-up ${index}` }), headers: { 'content-type': 'application/json' } }));
  const rows = [];
  for (const size of SIZES) {
    const viaNode = await measure(() => pump('send', 'sent', size, (index) => ({ payload: `bench ${index}`, to: number(index) })));
    const viaHttp = await measure(() =>
      pump('http', 'answered', size, (index) => ({ payload: JSON.stringify({ to: number(index), content: `bench ${index}` }), headers: { 'content-type': 'application/json' } })),
    );
    rows.push({ size, viaNode, viaHttp });
  }
  await helper.unload();
  await simulator.stop();

  console.log('Node-RED 5, one runtime, Jasmin simulator on 127.0.0.1; msgs/s (peak RSS of the process)');
  console.log('msgs     sms send                 http request             ratio');
  for (const { size, viaNode, viaHttp } of rows) {
    const rate = (run) => `${Math.round(size / run.seconds)}/s (${Math.round(run.peakMb)} MB)`.padEnd(25);
    console.log(`${String(size).padEnd(9)}${rate(viaNode)}${rate(viaHttp)}${(viaHttp.seconds / viaNode.seconds).toFixed(2)}×`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
