'use strict';
/**
 * What the demo flows talk to instead of real hardware: the five gateway simulators (pushing to
 * the `sms in` endpoints of the demo's Node-RED), a virtual modem on a pseudo-terminal, and a
 * small control endpoint on 127.0.0.1 through which the demo page injects inbound SMS
 * (POST /inbound) and anyone can list what a simulator took (GET /messages?gateway=<key>).
 */
const { createServer } = require('node:http');
const { createSimulator, SIMULATED_GATEWAYS, virtualModem } = require('@smsbridge/core/testing');

const MODEM_PIN = '1234';
const USSD_MENU = { '*100#': 'Balance: 5.00 EUR', '*101#': { reply: '1. Data\n2. Voice', options: { 1: 'Data: 2 GB left', 2: 'Voice: 120 min left' } } };

/** The `sms in` push path of a gateway in the demo flows. */
function pushPath(gateway) {
  return `/smsbridge/in/${gateway}`;
}

/**
 * Starts everything; `pushBaseUrl` is the demo Node-RED, `secret` the push secret of its `sms in`
 * nodes, or `pushUrlFor(gateway)` gives each simulator its URL (n8n's webhook triggers); without
 * either the simulators push nowhere. On failure whatever was started is stopped again.
 */
async function startStandIns({ pushBaseUrl, secret, pushUrlFor, log = () => {} }) {
  const pushTarget = (key) => (pushUrlFor ? pushUrlFor(key) : pushBaseUrl ? `${pushBaseUrl}${pushPath(key)}/${secret}` : undefined);
  const simulators = new Map();
  let modem;
  let control;
  const stop = async () => {
    await Promise.allSettled([...simulators.values()].map((simulator) => simulator.stop()));
    await modem?.close().catch(() => {});
    if (control) await new Promise((resolve) => control.close(resolve)).catch(() => {});
  };
  try {
    for (const key of SIMULATED_GATEWAYS) {
      const target = pushTarget(key);
      const simulator = createSimulator(key, target ? { pushUrl: target } : {});
      simulators.set(key, simulator);
      await simulator.start();
    }
    modem = await startModem(log);
    control = await startControl(simulators, modem);
  } catch (error) {
    await stop();
    throw error;
  }
  const { port } = control.address();
  return { simulators, modem, modemPin: MODEM_PIN, controlUrl: `http://127.0.0.1:${port}`, stop };
}

/** The virtual modem, or undefined (said in one line) where socat, which makes the pseudo-terminal, is missing. */
async function startModem(log) {
  try {
    return await virtualModem.startVirtualModemOnPty({ pin: MODEM_PIN, ussdMenu: USSD_MENU });
  } catch (error) {
    if (!/socat/.test(error instanceof Error ? error.message : '')) throw error;
    log('no socat on this machine, so no virtual modem: the modem tab is left out (sudo apt-get install socat, then start again)');
    return undefined;
  }
}

/** POST /inbound {gateway, from, text}: an SMS arrives at that simulator (or the virtual modem). */
function startControl(simulators, modem) {
  // What each simulator (or the virtual modem's network) took, to see a send arrive.
  const messagesAt = (gateway) => {
    if (gateway === 'modem') return modem ? modem.modem.submitted.map((message) => ({ to: message.destination, messageReference: message.messageReference, pdu: message.pdu })) : [];
    const simulator = simulators.get(gateway);
    return simulator ? [...simulator.network.messages.values()].map(({ id, to, text, parts, state }) => ({ id, to, text, parts, state })) : [];
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const answer = (status, value) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const asked = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET' && asked.pathname === '/messages') return answer(200, messagesAt(asked.searchParams.get('gateway')));
      if (req.method !== 'POST' || asked.pathname !== '/inbound') return answer(404, { error: 'POST /inbound or GET /messages?gateway=<key>' });
      let request;
      try {
        request = JSON.parse(body);
      } catch {
        return answer(400, { error: 'the body is not JSON' });
      }
      const { gateway, from, text } = request ?? {};
      if (typeof from !== 'string' || typeof text !== 'string' || text === '') return answer(400, { error: 'give "from" and a non-empty "text"' });
      try {
        if (gateway === 'modem' && modem) modem.modem.injectSms({ from, text });
        else if (simulators.has(gateway)) simulators.get(gateway).network.injectInbound({ from, text });
        else return answer(400, { error: `no simulator "${gateway}": use modem or ${[...simulators.keys()].join(', ')}` });
      } catch (error) {
        return answer(400, { error: error instanceof Error ? error.message : String(error) });
      }
      answer(200, { injected: true, gateway, from, text });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

module.exports = { startStandIns, pushPath, MODEM_PIN };
