'use strict';
/**
 * Child process that runs the gateway simulators, so the bench process holds only client-side
 * state and the simulator's work is the same whichever contender is talking to it.
 *
 * Protocol: one JSON command per stdin line, one JSON answer per stdout line, matched by `id`.
 *   {id, cmd: 'start', gateway, options}  → {id, ok, simulator: {gateway, baseUrl, credentials}}
 *     (stops the previous simulator of that gateway first: every batch gets a fresh one)
 *   {id, cmd: 'stats', gateway}  → {id, ok, requests, connections, messages, cpuMicros, rss}
 *   {id, cmd: 'stop', gateway}   → {id, ok}
 * Closing stdin stops everything and exits.
 */
const readline = require('node:readline');
const { loadCore } = require('../load-core');

const { distPath } = loadCore();
// Simulators live in the core's testing entry.
const testing = require(require('node:path').join(distPath, 'testing'));
/** @type {Map<string, {simulator: any, requests: number}>} */
const running = new Map();

async function stopGateway(gateway) {
  const entry = running.get(gateway);
  if (!entry) return;
  running.delete(gateway);
  await entry.simulator.stop();
}

async function startGateway(gateway, options = {}) {
  await stopGateway(gateway);
  const simulator = testing.createSimulator(gateway, options);
  await simulator.start();
  const entry = { simulator, requests: 0, connections: 0 };
  // `server` is the simulator's node:http server (private in TypeScript, readable here): count
  // requests and connections so the bench can check both contenders used the wire alike.
  if (simulator.server && typeof simulator.server.on === 'function') {
    simulator.server.on('request', () => (entry.requests += 1));
    simulator.server.on('connection', () => (entry.connections += 1));
  }
  running.set(gateway, entry);
  const description = simulator.describe();
  return { gateway: description.gateway, baseUrl: description.baseUrl, credentials: description.credentials };
}

function stats(gateway) {
  const entry = running.get(gateway);
  const cpu = process.cpuUsage();
  return {
    requests: entry ? entry.requests : 0,
    connections: entry ? entry.connections : 0,
    messages: entry ? entry.simulator.network.messages.size : 0,
    cpuMicros: cpu.user + cpu.system,
    rss: process.memoryUsage().rss,
  };
}

async function handle(command) {
  switch (command.cmd) {
    case 'start':
      return { simulator: await startGateway(command.gateway, command.options) };
    case 'stats':
      return stats(command.gateway);
    case 'stop':
      await stopGateway(command.gateway);
      return {};
    default:
      throw new Error(`unknown command ${command.cmd}`);
  }
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  let command;
  try {
    command = JSON.parse(line);
  } catch {
    return;
  }
  handle(command).then(
    (answer) => process.stdout.write(`${JSON.stringify({ id: command.id, ok: true, ...answer })}\n`),
    (error) => process.stdout.write(`${JSON.stringify({ id: command.id, ok: false, error: String(error && error.message) })}\n`),
  );
});
lines.on('close', async () => {
  await Promise.allSettled([...running.keys()].map(stopGateway));
  process.exit(0);
});
