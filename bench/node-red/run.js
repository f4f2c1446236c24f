// sms send against Node-RED's own `http request` node, for two workloads (see WORKLOADS): the
// same 1,000 and 10,000 sends through each node, fed 200 at a time as a busy flow would; the time
// for all results to come back, the ratio, and the peak memory of the Node-RED process. Each
// (node, size) runs in a fresh Node-RED process with the same flow (both nodes deployed and
// warmed up), so its peak memory is its own; the simulator runs in a process of its own too.
// Run after a build: npm run bench:node-red
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const SIZES = (process.env.SMSBRIDGE_BENCH_SIZES ?? '1000,10000').split(',').map(Number);
/** Messages fed ahead of the results that came back. */
const WINDOW = 200;

const number = (index) => `+4477009${String(10_000 + (index % 90_000)).padStart(5, '0')}`;

/**
 * The two shapes bulk SMS takes in a flow: one text to a list of numbers (split into one msg per
 * number; Route Mobile's API takes many destinations in one request, which sms send uses when
 * such msgs wait for the gateway together), and a text of its own per message (Jasmin: one
 * request per message through either node).
 */
const WORKLOADS = [
  {
    name: 'one text to every number (Route Mobile)',
    gateway: 'routesms',
    simulator: 'new testing.RoutesmsSimulator({ network: { maxFinishedMessages: 1000 } })',
    settings: (simulator) => ({ defaultSource: simulator.defaultSource }),
    http: (simulator) => ({ method: 'GET', url: `${simulator.baseUrl}/bulksms/bulksms`, paytoqs: 'query' }),
    httpCredentials: () => ({}),
    smsMessage: (index, label) => ({ payload: `Planned maintenance tonight 22:00-23:00 (${label})`, to: number(index) }),
    httpMessage: (index, label, simulator) => ({
      payload: {
        username: simulator.username,
        password: simulator.password,
        type: 0,
        dlr: 0,
        destination: number(index).slice(1),
        source: simulator.defaultSource,
        message: `Planned maintenance tonight 22:00-23:00 (${label})`,
      },
    }),
  },
  {
    name: 'own text per message (Jasmin)',
    gateway: 'jasmin',
    simulator: "new testing.JasminSimulator({ balance: 'ND', network: { maxFinishedMessages: 1000 } })",
    settings: () => ({}),
    http: (simulator) => ({ method: 'POST', url: `${simulator.baseUrl}/secure/send`, paytoqs: 'ignore', authType: 'basic' }),
    httpCredentials: (simulator) => ({ user: simulator.username, password: simulator.password }),
    smsMessage: (index, label) => ({ payload: `Your code is ${label}-${index}`, to: number(index) }),
    httpMessage: (index, label) => ({ payload: JSON.stringify({ to: number(index), content: `Your code is ${label}-${index}` }), headers: { 'content-type': 'application/json' } }),
  },
];

/** A gateway simulator in a process of its own. */
function startSimulatorProcess(construct) {
  const script = `
    const testing = require('@smsbridge/core/testing');
    const simulator = ${construct};
    simulator.start().then(() => console.log(JSON.stringify({ baseUrl: simulator.baseUrl, ...simulator.describe().credentials })));
    process.on('SIGTERM', () => simulator.stop().then(() => process.exit(0)));`;
  const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (line) => resolve({ child, ...JSON.parse(String(line)) }));
  });
}

/** Feeds `count` messages into node `entry`, at most WINDOW waiting for their result, and resolves when `count` came out of `exit`. */
function pump(helper, entry, exit, count, messageFor) {
  return new Promise((resolve, reject) => {
    let out = 0;
    let fed = 0;
    const failures = [];
    const node = helper.getNode(entry);
    const feed = () => {
      while (fed < count && fed - out < WINDOW) node.receive(messageFor(fed++));
    };
    const timer = setTimeout(() => reject(new Error(`only ${out} of ${count} came back; failures: ${failures.slice(0, 3).join(' | ')}`)), 300_000);
    const error = node.error.bind(node);
    node.error = (reason, msg) => {
      failures.push(String(reason));
      error(reason, msg);
    };
    helper.getNode(exit).on('input', () => {
      out += 1;
      if (out === count) {
        clearTimeout(timer);
        resolve();
      } else feed();
    });
    feed();
  });
}

/** In a fresh Node-RED process: the flow with both nodes, both warmed up, then `size` msgs through `which`. */
async function measureOne({ workload: workloadName, which, size, simulator }) {
  const workload = WORKLOADS.find((each) => each.name === workloadName);
  const helper = require('node-red-node-test-helper');
  helper.init(require.resolve('node-red'));
  const nodeModules = ['smsbridge-gateway', 'smsbridge-modem', 'sms-send', 'sms-in', 'sms-status', 'sms-ussd', 'sms-admin'].map((type) =>
    require(join(ROOT, 'node-red', 'dist', 'nodes', `${type}.js`)),
  );
  const httpRequestNode = require('@node-red/nodes/core/network/21-httprequest.js');
  const flow = [
    { id: 'tab', type: 'tab' },
    { id: 'gw', type: 'smsbridge-gateway', gateway: workload.gateway, url: simulator.baseUrl, settings: workload.settings(simulator) },
    { id: 'send', type: 'sms-send', z: 'tab', x: 1, y: 1, gateway: 'gw', wires: [['sent']] },
    { id: 'sent', type: 'helper', z: 'tab', x: 1, y: 1 },
    { id: 'http', type: 'http request', z: 'tab', x: 1, y: 1, ret: 'txt', ...workload.http(simulator), wires: [['answered']] },
    { id: 'answered', type: 'helper', z: 'tab', x: 1, y: 1 },
  ];
  // The test helper wraps the nodes' send/status/log/… in spies that keep every call (and its
  // stack): not what a user's runtime does, and it would weigh on memory. Put the runtime's own
  // methods back once the flow is loaded.
  const nodePrototype = helper._NodePrototype;
  const ownMethods = Object.fromEntries(['log', 'status', 'warn', 'error', 'debug', 'trace', 'send'].map((name) => [name, nodePrototype[name]]));
  await helper.load([...nodeModules, httpRequestNode], flow, { gw: { username: simulator.username, password: simulator.password }, http: workload.httpCredentials(simulator) });
  helper._sandbox.restore();
  Object.assign(nodePrototype, ownMethods);
  // A node keeps its own reference to `send` from when it was wired.
  for (const { id } of flow) {
    const node = helper.getNode(id);
    if (node && Object.hasOwn(node, 'send')) node.send = ownMethods.send;
  }
  const viaNode = (count, label) => pump(helper, 'send', 'sent', count, (index) => workload.smsMessage(index, label));
  const viaHttp = (count, label) => pump(helper, 'http', 'answered', count, (index) => workload.httpMessage(index, label, simulator));
  // Warm-up (JIT, connections) of both, not measured.
  await viaNode(WINDOW, 'warm-up');
  await viaHttp(WINDOW, 'warm-up');
  const started = process.hrtime.bigint();
  await (which === 'sms send' ? viaNode : viaHttp)(size, `run ${size}`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
  global.gc();
  const retainedMb = process.memoryUsage().heapUsed / 2 ** 20;
  await helper.unload();
  return { seconds, peakMb: peakKb / 1024, retainedMb };
}

function runChild(job) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', __filename, JSON.stringify(job)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`${job.which} × ${job.size} failed (exit ${code})`))));
  });
}

async function main() {
  console.log('Node-RED 5, each simulator in its own process on 127.0.0.1; msgs/s (peak RSS of the Node-RED process)');
  const only = process.env.SMSBRIDGE_BENCH_GATEWAYS?.split(',');
  for (const workload of WORKLOADS.filter((each) => !only || only.includes(each.gateway))) {
    const started = await startSimulatorProcess(workload.simulator);
    const { child, ...simulator } = started;
    const rows = [];
    try {
      for (const size of SIZES) {
        const viaNode = await runChild({ workload: workload.name, which: 'sms send', size, simulator });
        const viaHttp = await runChild({ workload: workload.name, which: 'http request', size, simulator });
        rows.push({ size, viaNode, viaHttp });
      }
    } finally {
      child.kill('SIGTERM');
    }
    console.log(`\n${workload.name}`);
    console.log('msgs     sms send                 http request             ratio');
    for (const { size, viaNode, viaHttp } of rows) {
      const rate = (run) => `${Math.round(size / run.seconds)}/s (${Math.round(run.peakMb)} MB, ${Math.round(run.retainedMb)} MB)`.padEnd(30);
      console.log(`${String(size).padEnd(9)}${rate(viaNode)}${rate(viaHttp)}${(viaHttp.seconds / viaNode.seconds).toFixed(2)}×`);
    }
  }
}

if (process.argv[2]) {
  measureOne(JSON.parse(process.argv[2])).then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
