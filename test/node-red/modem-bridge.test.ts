/**
 * The GSM Modem Bridge from Node-RED: a gateway config node pointing at `smsbridge modem serve`'s
 * server (the virtual modem on a pseudo-terminal behind it), its token and push secret kept as
 * credentials. `sms send` goes out through the bridge once; an SMS the modem receives is pushed
 * by the bridge, signed, to `sms in`'s endpoint and comes out once; a push without the right
 * signature is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { virtualModem } from '@smsbridge/core/testing';
import { BridgeServer } from '../../packages/core/src/bridge/bridge-server';
import { MODEM_PIN, PUSH_SECRET, pushPath } from './helpers/gateway-stand-ins';
import { collect, getNode, loadFlow, serveHttpNode, unloadFlow, waitFor, type FlowNode } from './helpers/node-red-runtime';

const TOKEN = 'node-red-bridge-token-8642';
const BRIDGE_PUSH_SECRET = 'bridge-push-secret-1975';

let server: Awaited<ReturnType<typeof serveHttpNode>>;
let modem: Awaited<ReturnType<typeof virtualModem.startVirtualModemOnPty>>;
let bridge: BridgeServer;
let journal: string;

beforeAll(async () => {
  server = await serveHttpNode();
  modem = await virtualModem.startVirtualModemOnPty({ pin: MODEM_PIN });
  journal = mkdtempSync(join(tmpdir(), 'smsbridge-node-red-bridge-'));
  bridge = await BridgeServer.start({
    modems: [{ port: modem.path, baudRate: 115200, pin: MODEM_PIN }],
    token: TOKEN,
    journal,
    port: 0,
    push: [{ url: `${server.url}${pushPath('modembridge')}/${PUSH_SECRET}`, secret: BRIDGE_PUSH_SECRET }],
    pushRetry: { initialDelayMs: 200, maxDelayMs: 1_000 },
  });
});
afterAll(async () => {
  await unloadFlow();
  await bridge?.stop();
  await modem?.close();
  if (journal) rmSync(journal, { recursive: true, force: true });
  await server?.close();
});

function bridgeFlow(pushSecret: string): { flow: FlowNode[]; credentials: Record<string, Record<string, string>> } {
  return {
    flow: [
      { id: 'tab', type: 'tab', label: 'bridge' },
      { id: 'cfg-bridge', type: 'smsbridge-gateway', name: 'modem bridge', gateway: 'modembridge', url: bridge.url, settings: {}, sendsPerMinute: 0 },
      { id: 'send', type: 'sms-send', z: 'tab', gateway: 'cfg-bridge', wires: [['sent']] },
      { id: 'sent', type: 'helper', z: 'tab' },
      { id: 'in', type: 'sms-in', z: 'tab', gateway: 'cfg-bridge', receive: 'push', path: pushPath('modembridge'), wires: [['inbound'], ['reports']] },
      { id: 'inbound', type: 'helper', z: 'tab' },
      { id: 'reports', type: 'helper', z: 'tab' },
    ],
    credentials: { 'cfg-bridge': { password: TOKEN, secretSettings: JSON.stringify({ pushSecret }) }, in: { secret: PUSH_SECRET } },
  };
}

it('sends through the bridge once and takes the SMS it pushes, signed, out of sms in once', async () => {
  const { flow, credentials } = bridgeFlow(BRIDGE_PUSH_SECRET);
  await loadFlow(flow, credentials);
  const sent = collect('sent');
  const inbound = collect('inbound');
  getNode('send').receive({ payload: 'through the bridge from Node-RED', to: '+447700900871' });
  await waitFor(() => sent.length === 1, 'the send result', 20_000);
  expect((sent[0]!['payload'] as Record<string, unknown>[])[0]).toMatchObject({ accepted: true, gateway: 'modembridge' });
  expect(modem.modem.submitted.filter((message) => message.destination.replace(/\D/g, '') === '447700900871')).toHaveLength(1);

  modem.modem.injectSms({ from: '+447700900872', text: 'pushed by the bridge' });
  await waitFor(() => inbound.length === 1, 'the pushed SMS', 20_000);
  expect(inbound[0]).toMatchObject({ payload: 'pushed by the bridge', sms: { gateway: 'modembridge' } });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(inbound).toHaveLength(1);
  await unloadFlow();
});

it('refuses a push whose signature does not match the configured push secret, so the bridge keeps it', async () => {
  const { flow, credentials } = bridgeFlow('not-the-push-secret-2024');
  await loadFlow(flow, credentials);
  const inbound = collect('inbound');
  modem.modem.injectSms({ from: '+447700900873', text: 'signed with another secret' });
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  expect(inbound).toHaveLength(0);
  // With the right secret again, the bridge's next try gets through: nothing was lost.
  await unloadFlow();
  const right = bridgeFlow(BRIDGE_PUSH_SECRET);
  await loadFlow(right.flow, right.credentials);
  const retried = collect('inbound');
  await waitFor(() => retried.some((msg) => msg['payload'] === 'signed with another secret'), 'the kept push', 20_000);
  expect(retried.filter((msg) => msg['payload'] === 'signed with another secret')).toHaveLength(1);
});
