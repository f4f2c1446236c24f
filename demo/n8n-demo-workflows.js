'use strict';
/**
 * What the n8n demo imports: one credential per gateway and the modem, pointed at the simulators
 * and the virtual modem, and one workflow each: a manual trigger, SMS Send, then SMS Status until
 * the message is final where the gateway can be asked, and a USSD request where it has USSD. One
 * more workflow, published, receives: an SMS Webhook Trigger per gateway that pushes (received
 * SMS and delivery reports; the simulators call its URL) and an SMS Trigger polling the modem.
 */
const { createVendorRegistry } = require('@smsbridge/core');

const PACKAGE = 'n8n-nodes-smsbridge';
/** The receiving workflow, and the secret its webhook URLs carry (the demo's, like its other passwords). */
const RECEIVE_WORKFLOW_ID = 'smsbdemoreceive0';
const PUSH_SECRET = 'demo-push-secret';
const ORDER = ['dinstar', 'diafaan', 'spangw', 'jasmin', 'routesms', 'modem'];
/** The credential type of each gateway, as the package names them. */
const CREDENTIAL_TYPES = {
  diafaan: 'smsbridgeDiafaanApi',
  routesms: 'smsbridgeRouteMobileApi',
  spangw: 'smsbridgeSpanGatewayApi',
  jasmin: 'smsbridgeJasminApi',
  dinstar: 'smsbridgeDinstarApi',
  modem: 'smsbridgeGsmModem',
};

/** The gateways the demo has: all simulators, and the modem where socat made its pseudo-terminal. */
function presentGateways(standIns) {
  return ORDER.filter((key) => key !== 'modem' || standIns.modem);
}

function demoCredentials(standIns) {
  return presentGateways(standIns).map((key) => {
    const data =
      key === 'modem'
        ? { port: standIns.modem.path, baudRate: 115200, pin: standIns.modemPin }
        : { url: standIns.simulators.get(key).baseUrl, ...standIns.simulators.get(key).describe().credentials };
    return { id: `smsbridge-demo-${key}`, name: `${key} simulator (smsbridge demo)`, type: CREDENTIAL_TYPES[key], data };
  });
}

const credentialsOf = (key) => ({ [CREDENTIAL_TYPES[key]]: { id: `smsbridge-demo-${key}`, name: `${key} simulator (smsbridge demo)` } });
/** The webhook id of the receiving workflow's trigger for `key`: n8n serves it at /webhook/<id>/smsbridge/<secret>. */
const pushWebhookId = (key) => `5e1d2c3b-0000-4000-8000-0000000000${String(ORDER.indexOf(key)).padStart(2, '0')}`;

/** Where a gateway's simulator (or a send's per-message option) sends what it pushes to n8n. */
function pushUrl(baseUrl, key) {
  return `${baseUrl}/webhook/${pushWebhookId(key)}/smsbridge/${PUSH_SECRET}`;
}

/** `baseUrl` is n8n's own (http://127.0.0.1:<port>): Jasmin's sends carry their report URL. */
function demoWorkflows(standIns, baseUrl) {
  const registry = createVendorRegistry();
  const sending = presentGateways(standIns).map((key) => {
    const entry = registry.get(key);
    const { operations } = entry.capabilities;
    const credentials = credentialsOf(key);
    const setup = entry.push?.setup;
    // A gateway told the report URL with each send (Jasmin's dlr_url) gets the receiving workflow's.
    const vendorOptions = setup?.how === 'per-send' ? { [setup.sendOption]: pushUrl(baseUrl, key), ...(setup.companionSendOptions ?? {}) } : undefined;
    const nodes = [
      { id: `${key}-trigger`, name: 'Click to send', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      {
        id: `${key}-send`,
        name: 'SMS Send',
        type: `${PACKAGE}.smsSend`,
        typeVersion: 1,
        position: [260, 0],
        parameters: { gateway: key, to: '+447700900123', text: `Hello from n8n via ${entry.describe.displayName}`, ...(vendorOptions ? { vendorOptions } : {}) },
        credentials,
      },
    ];
    const connections = { 'Click to send': { main: [[{ node: 'SMS Send', type: 'main', index: 0 }]] } };
    if (operations.includes('status')) {
      nodes.push({
        id: `${key}-status`,
        name: 'SMS Status until delivered',
        type: `${PACKAGE}.smsStatus`,
        typeVersion: 1,
        position: [520, 0],
        parameters: { gateway: key, messageId: '={{ $json.messageId }}', waitUntilFinal: true, timeoutSeconds: 60, intervalSeconds: 1 },
        credentials,
      });
      connections['SMS Send'] = { main: [[{ node: 'SMS Status until delivered', type: 'main', index: 0 }]] };
    }
    if (operations.includes('ussd')) {
      nodes.push({ id: `${key}-ussd`, name: 'USSD *100#', type: `${PACKAGE}.smsUssd`, typeVersion: 1, position: [260, 200], parameters: { gateway: key, operation: 'ussd', code: '*100#' }, credentials });
      connections['Click to send'].main[0].push({ node: 'USSD *100#', type: 'main', index: 0 });
    }
    return { id: `smsbdemo${key}`.padEnd(16, '0').slice(0, 16), name: `smsbridge demo: ${entry.describe.displayName}`, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
  });
  return [...sending, receiveWorkflow(standIns, registry)];
}

/**
 * One trigger per gateway that pushes, and an SMS Trigger polling the modem every minute for its
 * SMS and delivery reports; each hands its item to a "Received …" step so the executions list
 * shows what came in. Published by the launcher, so it runs while n8n runs.
 */
function receiveWorkflow(standIns, registry) {
  const nodes = [];
  const connections = {};
  const add = (trigger, key) => {
    const row = nodes.length / 2;
    nodes.push({ ...trigger, id: `receive-${key}`, typeVersion: 1, position: [0, row * 160], credentials: credentialsOf(key) });
    const step = `Received via ${key}`;
    nodes.push({ id: `received-${key}`, name: step, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [300, row * 160], parameters: {} });
    connections[trigger.name] = { main: [[{ node: step, type: 'main', index: 0 }]] };
  };
  for (const key of presentGateways(standIns)) {
    const entry = registry.get(key);
    if (entry.push) {
      add({ name: `Pushed by ${key}`, type: `${PACKAGE}.smsWebhookTrigger`, webhookId: pushWebhookId(key), parameters: { gateway: key, secret: PUSH_SECRET } }, key);
    } else if (entry.capabilities.operations.includes('inbox')) {
      add({ name: `Polled from ${key}`, type: `${PACKAGE}.smsTrigger`, parameters: { gateway: key, events: 'both', pollTimes: { item: [{ mode: 'everyMinute' }] } } }, key);
    }
  }
  return { id: RECEIVE_WORKFLOW_ID, name: 'smsbridge demo: receive SMS and delivery reports', active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

module.exports = { demoCredentials, demoWorkflows, pushUrl, RECEIVE_WORKFLOW_ID };
