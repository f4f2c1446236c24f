// Writes examples/<gateway>.json, one importable flow per gateway and the modem, from the vendor
// registry (which nodes a gateway gets follows its capabilities). Run after a build:
//   node node-red/scripts/write-examples.js
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { createVendorRegistry } = require('@smsbridge/core');
const { createSimulator, SIMULATED_GATEWAYS } = require('@smsbridge/core/testing');

const examples = join(__dirname, '..', 'examples');
const registry = createVendorRegistry();

/** The account a simulator accepts, as its description names it. */
async function simulatorAccount(key) {
  if (!SIMULATED_GATEWAYS.includes(key)) return undefined;
  const simulator = createSimulator(key);
  await simulator.start();
  const { credentials } = simulator.describe();
  await simulator.stop();
  return credentials;
}

function exampleFor(entry, account) {
  const key = entry.key;
  const id = (name) => `${key}-${name}`;
  const operations = entry.capabilities.operations;
  const config =
    key === 'modem'
      ? { id: id('config'), type: 'smsbridge-modem', name: 'GSM modem', port: '/dev/ttyUSB2', baudRate: 115200, sendsPerMinute: 0, healthInterval: 60 }
      : {
          id: id('config'),
          type: 'smsbridge-gateway',
          name: entry.describe.displayName,
          gateway: key,
          url: `http://127.0.0.1:${entry.describe.defaultPort ?? 8080}`,
          settings: {},
          sendsPerMinute: 0,
        };
  const note =
    key === 'modem'
      ? 'Set the modem configuration\'s port (the list shows the ports present) and the SIM PIN, then deploy. `npx smsbridge modem-sim` runs a virtual modem on a pseudo-terminal to try it without one.'
      : `Points at the simulator: run \`npx smsbridge simulate --default-ports\`, then open the "${entry.describe.displayName}" configuration and enter username "${account?.username}" and password "${account?.password}". For a real gateway, enter its URL and account instead.`;
  const nodes = [
    { id: id('note'), type: 'comment', name: `${entry.describe.displayName}: send, receive, status${operations.includes('ussd') ? ', USSD' : ''}${operations.includes('admin') ? ', admin' : ''}`, info: note, x: 220, y: 40, wires: [] },
    config,
    { id: id('inject-send'), type: 'inject', name: 'send a test SMS', props: [{ p: 'payload' }, { p: 'to', v: '+447700900123', vt: 'str' }], payload: `Hello from Node-RED via ${entry.describe.displayName}`, payloadType: 'str', repeat: '', once: false, x: 150, y: 100, wires: [[id('send')]] },
    { id: id('send'), type: 'sms-send', name: '', gateway: config.id, to: '', encoding: 'auto', statusReport: entry.capabilities.sendFields.includes('statusReport'), preview: false, allowList: '', options: '', x: 370, y: 100, wires: [[id('debug-send')].concat(operations.includes('status') ? [id('status')] : [])] },
    { id: id('debug-send'), type: 'debug', name: 'send results', active: true, tosidebar: true, complete: 'payload', x: 600, y: 80, wires: [] },
  ];
  if (operations.includes('status')) {
    nodes.push({ id: id('status'), type: 'sms-status', name: 'until delivered', gateway: config.id, wait: true, timeout: 120, x: 590, y: 120, wires: [[id('debug-status')]] });
    nodes.push({ id: id('debug-status'), type: 'debug', name: 'delivery', active: true, tosidebar: true, complete: 'payload', x: 790, y: 120, wires: [] });
  }
  if (entry.capabilities.inbound !== 'none' || entry.capabilities.statuses !== 'poll') {
    nodes.push({ id: id('in'), type: 'sms-in', name: '', gateway: config.id, receive: 'auto', interval: 10, path: `/smsbridge/in/${key}`, pushBaseUrl: '', store: '', x: 150, y: 200, wires: [[id('debug-inbound')], [id('debug-reports')]] });
    nodes.push({ id: id('debug-inbound'), type: 'debug', name: 'inbound SMS', active: true, tosidebar: true, complete: 'true', x: 380, y: 180, wires: [] });
    nodes.push({ id: id('debug-reports'), type: 'debug', name: 'delivery reports', active: true, tosidebar: true, complete: 'payload', x: 390, y: 220, wires: [] });
  }
  if (operations.includes('ussd')) {
    nodes.push({ id: id('inject-ussd'), type: 'inject', name: '*100#', props: [{ p: 'payload' }], payload: '*100#', payloadType: 'str', repeat: '', once: false, x: 130, y: 280, wires: [[id('ussd')]] });
    nodes.push({ id: id('ussd'), type: 'sms-ussd', name: '', gateway: config.id, action: 'send', port: '', x: 350, y: 280, wires: [[id('debug-ussd')]] });
    nodes.push({ id: id('debug-ussd'), type: 'debug', name: 'USSD reply', active: true, tosidebar: true, complete: 'payload', x: 560, y: 280, wires: [] });
  }
  const command = entry.adminCommands.find((candidate) => !candidate.changesState && candidate.args.every((arg) => !arg.required));
  if (command) {
    nodes.push({ id: id('inject-admin'), type: 'inject', name: command.displayName, props: [{ p: 'payload' }], payload: '', payloadType: 'date', repeat: '', once: false, x: 150, y: 340, wires: [[id('admin')]] });
    nodes.push({ id: id('admin'), type: 'sms-admin', name: '', gateway: config.id, command: command.name, args: {}, x: 370, y: 340, wires: [[id('debug-admin')]] });
    nodes.push({ id: id('debug-admin'), type: 'debug', name: 'admin result', active: true, tosidebar: true, complete: 'payload', x: 580, y: 340, wires: [] });
  }
  return nodes;
}

async function main() {
  for (const entry of registry.list()) {
    const nodes = exampleFor(entry, await simulatorAccount(entry.key));
    writeFileSync(join(examples, `${entry.key}.json`), `${JSON.stringify(nodes, null, 2)}\n`);
  }
  console.log(`wrote ${registry.list().length} examples to ${examples}`);
}

void main();
