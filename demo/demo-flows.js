'use strict';
/**
 * The flows the demo deploys: one tab per example of `node-red/examples/` with its config node
 * pointed at a simulator (or the virtual modem) and its `sms in` also feeding the demo page, and
 * a "Demo page" tab that serves GET /smsbridge-demo with Node-RED's own HTTP nodes.
 */
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { createVendorRegistry } = require('@smsbridge/core');
const { pushPath } = require('./stand-ins');

const EXAMPLES = join(__dirname, '..', 'node-red', 'examples');
const ORDER = ['dinstar', 'diafaan', 'spangw', 'jasmin', 'routesms', 'modem'];
const DEMO_TAB = 'demo-page-tab';
const REPORTS_IN = 'demo-reports-in';
const DEMO_NOTE = 'In this demo the configuration already points at the simulator (or the virtual modem) started by `npm start`, account included: press the buttons and read the Debug sidebar. What `sms in` emits also goes to the demo page (/smsbridge-demo).';

/** What the page needs to know of each gateway, read from the vendor registry. */
function gatewayFacts(withModem = true) {
  const registry = createVendorRegistry();
  return ORDER.filter((key) => withModem || key !== 'modem').map((key) => {
    const entry = registry.get(key);
    const { operations } = entry.capabilities;
    const send = readExample(key).find((node) => node.type === 'sms-send');
    return {
      key,
      name: entry.describe.displayName,
      // As the example asks: gateways that report delivery only when asked to, or only by status query.
      statusReport: send?.statusReport === true,
      queriesStatus: operations.includes('status'),
      receives: operations.includes('inbox') || operations.includes('subscribe') || (entry.push?.carries ?? []).includes('inbound'),
    };
  });
}

function readExample(key) {
  return JSON.parse(readFileSync(join(EXAMPLES, `${key}.json`), 'utf8'));
}

/** One tab per example, pointed at the stand-ins; `sms in` outputs also go to the demo page. */
function exampleTabs(standIns, { nodeRedUrl, secret }) {
  const flows = [];
  const keys = readdirSync(EXAMPLES).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5));
  const ordered = [...ORDER.filter((key) => keys.includes(key)), ...keys.filter((key) => !ORDER.includes(key))].filter((key) => standIns.modem || key !== 'modem');
  for (const key of ordered) {
    const tab = `${key}-tab`;
    const example = readExample(key);
    const config = example.find((node) => node.type === 'smsbridge-gateway' || node.type === 'smsbridge-modem');
    flows.push({ id: tab, type: 'tab', label: config?.name ?? key, info: `${DEMO_NOTE}\n\n${example.find((node) => node.type === 'comment')?.info ?? ''}` });
    const linkOut = `${key}-to-demo-page`;
    for (const node of example) {
      if (node.type === 'smsbridge-modem') {
        flows.push({ ...node, port: standIns.modem.path, credentials: { pin: standIns.modemPin } });
        continue;
      }
      if (node.type === 'smsbridge-gateway') {
        const simulator = standIns.simulators.get(node.gateway);
        const { username, password, ...vendorSettings } = simulator.describe().credentials;
        const settings = { ...node.settings, ...vendorSettings };
        // Jasmin pushes reports to the URL each send carries: the connection's default one.
        if (node.gateway === 'jasmin') Object.assign(settings, { dlrUrl: `${nodeRedUrl}${pushPath('jasmin')}/${secret}`, dlrLevel: 3 });
        flows.push({ ...node, url: simulator.baseUrl, settings, credentials: { username, password } });
        continue;
      }
      const placed = { ...node, z: tab };
      if (node.type === 'comment') placed.info = `${DEMO_NOTE}\n\nOutside the demo: ${placed.info ?? ''}`;
      if (node.type === 'sms-in') {
        Object.assign(placed, { interval: 2, path: pushPath(key), pushBaseUrl: nodeRedUrl, credentials: { secret } });
        placed.wires = [[...(node.wires[0] ?? []), linkOut], [...(node.wires[1] ?? []), linkOut]];
      }
      flows.push(placed);
    }
    const sms = example.find((node) => node.type === 'sms-in');
    if (sms) flows.push({ id: linkOut, type: 'link out', z: tab, name: 'to the demo page', mode: 'link', links: [REPORTS_IN], x: (sms.x ?? 150) + 520, y: sms.y ?? 200 });
  }
  return flows;
}

/** The demo page's tab: routes for the page, its state, preview, send and inbound injection. */
function demoPageTab(standIns, { controlUrl }) {
  const gateways = gatewayFacts(standIns.modem !== undefined);
  const html = readFileSync(join(__dirname, 'demo-page.html'), 'utf8');
  const outputsFor = (list) => list.map((gateway) => [`demo-send-${gateway.key}`]);
  const z = DEMO_TAB;
  const fn = (id, name, func, wires, x, y) => ({ id, type: 'function', z, name, func, outputs: wires.length, timeout: 0, noerr: 0, initialize: '', finalize: '', libs: [], x, y, wires });
  const gatewayKeys = JSON.stringify(gateways.map((gateway) => gateway.key));
  const statusKeys = gateways.filter((gateway) => gateway.queriesStatus).map((gateway) => gateway.key);
  const flows = [
    { id: z, type: 'tab', label: 'Demo page', info: 'Serves /smsbridge-demo: preview, send and follow an SMS through any gateway, inject inbound SMS at a simulator.' },
    { id: 'demo-note', type: 'comment', z, name: 'GET /smsbridge-demo: the page; the routes below are what it calls', info: '', x: 260, y: 40, wires: [] },

    { id: 'demo-page-in', type: 'http in', z, name: '', url: '/smsbridge-demo', method: 'get', upload: false, swaggerDoc: '', x: 140, y: 100, wires: [['demo-page-html']] },
    { id: 'demo-page-html', type: 'template', z, name: 'the page', field: 'payload', fieldType: 'msg', format: 'html', syntax: 'plain', template: html, output: 'str', x: 370, y: 100, wires: [['demo-page-out']] },
    { id: 'demo-page-out', type: 'http response', z, name: '', statusCode: '', headers: { 'content-type': 'text/html; charset=utf-8' }, x: 560, y: 100, wires: [] },

    { id: 'demo-state-in', type: 'http in', z, name: '', url: '/smsbridge-demo/state', method: 'get', upload: false, swaggerDoc: '', x: 160, y: 160, wires: [['demo-state']] },
    fn('demo-state', 'gateways, messages, inbound', `msg.payload = { gateways: ${JSON.stringify(gateways)}, messages: flow.get('messages') || [], inbound: flow.get('inbound') || [] };\nreturn msg;`, [['demo-json-out']], 400, 160),

    { id: 'demo-preview-in', type: 'http in', z, name: '', url: '/smsbridge-demo/preview', method: 'post', upload: false, swaggerDoc: '', x: 160, y: 220, wires: [['demo-preview']] },
    fn(
      'demo-preview',
      'preview: to that gateway\'s sms send',
      `const keys = ${gatewayKeys};
const { gateway, to, text } = msg.payload || {};
const index = keys.indexOf(gateway);
if (index < 0) { msg.statusCode = 400; msg.payload = { error: 'unknown gateway' }; return [msg, ...keys.map(() => null)]; }
msg.payload = text; msg.to = to; msg.preview = true;
const outputs = keys.map(() => null); outputs[index] = msg;
return [null, ...outputs];`,
      [['demo-json-out'], ...outputsFor(gateways)],
      400,
      220,
    ),

    { id: 'demo-send-in', type: 'http in', z, name: '', url: '/smsbridge-demo/send', method: 'post', upload: false, swaggerDoc: '', x: 150, y: 300, wires: [['demo-send']] },
    fn(
      'demo-send',
      'queued: answer the page, then send',
      `const keys = ${gatewayKeys};
const { gateway, to, text } = msg.payload || {};
const index = keys.indexOf(gateway);
if (index < 0 || typeof text !== 'string' || text === '' || typeof to !== 'string' || to.trim() === '') {
  msg.statusCode = 400; msg.payload = { error: 'give a gateway, a number and a text' }; return [msg, ...keys.map(() => null)];
}
const messages = flow.get('messages') || [];
const now = new Date().toISOString();
const record = { id: String(flow.get('nextId') || 1), gateway, to, text, state: 'queued', history: [{ state: 'queued', at: now }] };
flow.set('nextId', Number(record.id) + 1);
messages.unshift(record);
flow.set('messages', messages.slice(0, 50));
msg.payload = record;
const outputs = keys.map(() => null);
outputs[index] = { payload: text, to, statusReport: ${JSON.stringify(Object.fromEntries(gateways.map((gateway) => [gateway.key, gateway.statusReport])))}[gateway], demoId: record.id };
return [msg, ...outputs];`,
      [['demo-json-out'], ...outputsFor(gateways)],
      400,
      300,
    ),
    ...gateways.map((gateway, index) => ({
      id: `demo-send-${gateway.key}`,
      type: 'sms-send',
      z,
      name: gateway.key,
      gateway: `${gateway.key}-config`,
      to: '',
      encoding: 'auto',
      statusReport: gateway.statusReport,
      preview: false,
      allowList: '',
      options: '',
      x: 680,
      y: 220 + index * 40,
      wires: [['demo-after-send']],
    })),
    fn(
      'demo-after-send',
      'sent: record the gateway\'s answer',
      `if (msg.preview) return [msg, null];
const messages = flow.get('messages') || [];
const record = messages.find((m) => m.id === msg.demoId);
const result = Array.isArray(msg.payload) ? msg.payload[0] : undefined;
if (!record || !result) return [null, null];
record.messageId = result.messageId; record.partIds = result.partIds; record.parts = result.parts; record.encoding = result.encoding;
if (!result.accepted) { record.error = result.errorMessage || 'refused by the gateway'; }
const state = result.accepted ? (result.state === 'queued' ? 'sent' : result.state) : 'failed';
record.state = state; record.history.push({ state, at: new Date().toISOString() });
flow.set('messages', messages);
const keys = ${JSON.stringify(statusKeys)};
const index = keys.indexOf(record.gateway);
if (!result.accepted || index < 0) return [null, null];
const outputs = keys.map(() => null);
outputs[index] = { payload: result, demoId: record.id };
return [null, ...outputs];`,
      [['demo-json-out'], ...statusKeys.map((key) => [`demo-status-${key}`])],
      930,
      300,
    ),
    ...statusKeys.map((key, index) => ({ id: `demo-status-${key}`, type: 'sms-status', z, name: `${key} until final`, gateway: `${key}-config`, wait: true, timeout: 120, x: 1000, y: 440 + index * 40, wires: [['demo-report']] })),

    { id: REPORTS_IN, type: 'link in', z, name: 'inbound SMS and reports of every tab', links: gateways.map((gateway) => `${gateway.key}-to-demo-page`), x: 160, y: 560, wires: [['demo-report']] },
    fn(
      'demo-report',
      'inbound list / delivery states',
      `const now = new Date().toISOString();
if (msg.sms) {
  const inbound = flow.get('inbound') || [];
  inbound.unshift({ gateway: msg.sms.gateway, from: msg.sms.from, text: msg.sms.text, at: now });
  flow.set('inbound', inbound.slice(0, 50));
  return null;
}
const status = msg.payload;
if (!status || typeof status !== 'object' || !status.state) return null;
const rank = { queued: 0, unknown: 1, sent: 1, delivered: 2, failed: 2, expired: 2 };
const messages = flow.get('messages') || [];
const id = status.messageId === undefined ? undefined : String(status.messageId);
const record = messages.find((m) => (msg.demoId !== undefined && m.id === msg.demoId) || (id !== undefined && m.gateway === status.gateway && (String(m.messageId) === id || (m.partIds || []).map(String).includes(id))));
if (!record || (rank[status.state] ?? 0) < (rank[record.state] ?? 0) || status.state === record.state) return null;
record.state = status.state; record.history.push({ state: status.state, at: now });
flow.set('messages', messages);
return null;`,
      [],
      420,
      560,
    ),

    { id: 'demo-catch', type: 'catch', z, name: 'a send or status failed', scope: [...gateways.map((gateway) => `demo-send-${gateway.key}`), ...statusKeys.map((key) => `demo-status-${key}`)], uncaught: false, x: 170, y: 640, wires: [['demo-failure']] },
    fn(
      'demo-failure',
      'answer the page / mark failed',
      `const error = String((msg.error && msg.error.message) || 'failed').replace(/^\\w*Error: /, '');
if (msg.res) { msg.statusCode = 400; msg.payload = { error, code: msg.error && msg.error.code }; return msg; }
const messages = flow.get('messages') || [];
const record = messages.find((m) => m.id === msg.demoId);
if (record) { record.error = error; if (record.state === 'queued') { record.state = 'failed'; record.history.push({ state: 'failed', at: new Date().toISOString() }); } flow.set('messages', messages); }
return null;`,
      [['demo-json-out']],
      420,
      640,
    ),

    { id: 'demo-inbound-in', type: 'http in', z, name: '', url: '/smsbridge-demo/inbound', method: 'post', upload: false, swaggerDoc: '', x: 160, y: 720, wires: [['demo-inject']] },
    { id: 'demo-inject', type: 'http request', z, name: 'inject at the simulator', method: 'POST', ret: 'obj', paytoqs: 'ignore', url: `${controlUrl}/inbound`, tls: '', persist: false, proxy: '', insecureHTTPParser: false, authType: '', senderr: false, headers: [], x: 410, y: 720, wires: [['demo-json-out']] },

    { id: 'demo-json-out', type: 'http response', z, name: '', statusCode: '', headers: {}, x: 1250, y: 160, wires: [] },
  ];
  return flows;
}

/** Everything the demo deploys. */
function demoFlows(standIns, options) {
  return [...exampleTabs(standIns, options), ...demoPageTab(standIns, options)];
}

module.exports = { demoFlows, gatewayFacts };
