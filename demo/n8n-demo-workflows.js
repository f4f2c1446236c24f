'use strict';
/**
 * What the n8n demo imports: one credential per gateway and the modem, pointed at the simulators
 * and the virtual modem, and one workflow each: a manual trigger, SMS Send, then SMS Status until
 * the message is final where the gateway can be asked, and a USSD request where it has USSD.
 */
const { createVendorRegistry } = require('@smsbridge/core');

const PACKAGE = 'n8n-nodes-smsbridge';
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

function demoCredentials(standIns) {
  return ORDER.filter((key) => key !== 'modem' || standIns.modem).map((key) => {
    const data =
      key === 'modem'
        ? { port: standIns.modem.path, baudRate: 115200, pin: standIns.modemPin }
        : { url: standIns.simulators.get(key).baseUrl, ...standIns.simulators.get(key).describe().credentials };
    return { id: `smsbridge-demo-${key}`, name: `${key} simulator (smsbridge demo)`, type: CREDENTIAL_TYPES[key], data };
  });
}

function demoWorkflows(standIns) {
  const registry = createVendorRegistry();
  return ORDER.filter((key) => key !== 'modem' || standIns.modem).map((key) => {
    const entry = registry.get(key);
    const { operations } = entry.capabilities;
    const credentials = { [CREDENTIAL_TYPES[key]]: { id: `smsbridge-demo-${key}`, name: `${key} simulator (smsbridge demo)` } };
    const nodes = [
      { id: `${key}-trigger`, name: 'Click to send', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      {
        id: `${key}-send`,
        name: 'SMS Send',
        type: `${PACKAGE}.smsSend`,
        typeVersion: 1,
        position: [260, 0],
        parameters: { gateway: key, to: '+447700900123', text: `Hello from n8n via ${entry.describe.displayName}` },
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
}

module.exports = { demoCredentials, demoWorkflows };
