// sms send against Node-RED's own `http request` node, in one Node-RED runtime and one run: the
// same 10,000 sends to the Jasmin simulator (POST /secure/send with Basic auth) through each, fed
// 200 at a time as a busy flow would, the time for all results to come back, the ratio, and the
// process's peak memory at 1,000 and 10,000.
// Run after a build: npm run bench:node-red
const { spawn } = require('node:child_process');
const { join } = require('node:path');

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

/** Feeds `count` messages into node `entry`, at most WINDOW waiting for their result at a time, and resolves when `count` came out of `exit`. */
const WINDOW = 200;
function pump(entry, exit, count, messageFor) {
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

/** The Jasmin simulator in a process of its own, so the memory measured is Node-RED's alone. */
function startSimulatorProcess() {
  const script = `
    const { JasminSimulator } = require('@smsbridge/core/testing');
    const simulator = new JasminSimulator({ balance: 'ND', network: { maxFinishedMessages: 1000 } });
    simulator.start().then(() => console.log(JSON.stringify({ baseUrl: simulator.baseUrl, ...simulator.describe().credentials })));
    process.on('SIGTERM', () => simulator.stop().then(() => process.exit(0)));`;
  const child = spawn(process.execPath, ['-e', script], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (line) => resolve({ child, ...JSON.parse(String(line)) }));
  });
}

async function main() {
  const simulator = await startSimulatorProcess();
  const { username, password } = simulator;
  const flow = [
    { id: 'tab', type: 'tab' },
    { id: 'gw', type: 'smsbridge-gateway', gateway: 'jasmin', url: simulator.baseUrl, settings: {} },
    { id: 'send', type: 'sms-send', z: 'tab', x: 1, y: 1, gateway: 'gw', wires: [['sent']] },
    { id: 'sent', type: 'helper', z: 'tab', x: 1, y: 1 },
    { id: 'http', type: 'http request', z: 'tab', x: 1, y: 1, method: 'POST', ret: 'txt', paytoqs: 'ignore', url: `${simulator.baseUrl}/secure/send`, authType: 'basic', wires: [['answered']] },
    { id: 'answered', type: 'helper', z: 'tab', x: 1, y: 1 },
  ];
  await helper.load([...nodeModules, httpRequestNode], flow, { gw: { username, password }, http: { user: username, password } });
  // The test helper spies on every node's send/status/log and keeps each call: not what a user's runtime does, and it would weigh on memory.
  helper._sandbox.restore();

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
  simulator.child.kill('SIGTERM');

  console.log('Node-RED 5, one runtime, Jasmin simulator in its own process on 127.0.0.1; msgs/s (peak RSS of the Node-RED process)');
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
