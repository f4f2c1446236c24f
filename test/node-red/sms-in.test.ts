/**
 * `sms in` in the real Node-RED runtime: polling (each inbound SMS once, across a full redeploy;
 * the restart of a whole runtime is in the end-to-end test), push to its endpoint on Node-RED's server (the
 * vendor's expected answer, the secret enforced) and the modem's indications over a pty.
 */
import type { GatewayKey } from '@smsbridge/core';
import { configNodeFor, pushPath, PUSH_SECRET, startStandIns, type StandIns } from './helpers/gateway-stand-ins';
import { collect, getNode, loadFlow, redeployFlow, serveHttpNode, unloadFlow, waitFor, type FlowNode, type Msg } from './helpers/node-red-runtime';

let standIns: StandIns;
let server: Awaited<ReturnType<typeof serveHttpNode>>;

beforeAll(async () => {
  server = await serveHttpNode();
  standIns = await startStandIns({ modem: true, pushBaseUrl: server.url });
});
afterAll(async () => {
  await standIns?.stop();
  await server?.close();
});
afterEach(async () => {
  await unloadFlow();
});

function inFlow(gateway: GatewayKey, inNode: Record<string, unknown>, extra: FlowNode[] = []): { flow: FlowNode[]; credentials: Record<string, Record<string, string>> } {
  const { node, credentials } = configNodeFor(standIns, gateway);
  return {
    flow: [
      { id: 'tab', type: 'tab', label: 'in' },
      node,
      { id: 'in', type: 'sms-in', z: 'tab', gateway: node.id, interval: 1, path: pushPath(gateway), wires: [['inbound'], ['reports']], ...inNode },
      { id: 'inbound', type: 'helper', z: 'tab' },
      { id: 'reports', type: 'helper', z: 'tab' },
      ...extra,
    ],
    credentials: { [node.id]: credentials, in: { secret: PUSH_SECRET } },
  };
}

async function deploy(gateway: GatewayKey, inNode: Record<string, unknown> = {}, extra: FlowNode[] = []): Promise<{ inbound: Msg[]; reports: Msg[] }> {
  const { flow, credentials } = inFlow(gateway, inNode, extra);
  await loadFlow(flow, credentials);
  return { inbound: collect('inbound'), reports: collect('reports') };
}

function inject(gateway: GatewayKey, from: string, text: string): void {
  if (gateway === 'modem') standIns.modem!.modem.injectSms({ from, text });
  else standIns.simulators[gateway]!.network.injectInbound({ from, text });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(['diafaan', 'dinstar', 'modem'] as GatewayKey[])('sms in polling %s', (gateway) => {
  it('emits each inbound SMS once, whole, and never again after a full redeploy', async () => {
    const mode = { receive: 'poll' };
    let seen = await deploy(gateway, mode);
    const long = `${`A long inbound message from ${gateway}, `.repeat(6)}the end.`;
    inject(gateway, '+447700900801', long);
    await waitFor(() => seen.inbound.length === 1, 'the first inbound SMS', 15_000);
    expect(seen.inbound[0]).toMatchObject({ payload: long, from: expect.stringContaining('447700900801'), sms: { text: long, gateway } });

    // Redeploy: the same flow again; the cursor outlives the node.
    const { flow, credentials } = inFlow(gateway, mode);
    await redeployFlow(flow, credentials);
    seen = { inbound: collect('inbound'), reports: collect('reports') };
    await pause(2_500);
    expect(seen.inbound).toHaveLength(0);

    inject(gateway, '+447700900802', 'after the redeploy');
    await waitFor(() => seen.inbound.length === 1, 'the second inbound SMS', 15_000);
    expect(seen.inbound[0]!['payload']).toBe('after the redeploy');

    await pause(2_500);
    expect(seen.inbound).toHaveLength(1);
    // Whatever a redeploy cut short is acknowledged by a later poll: nothing stays on the SIM.
    if (gateway === 'modem') await waitFor(() => standIns.modem!.modem.storage('SM').indexes().length === 0, 'the SIM to be emptied', 15_000);
  });
});

describe('sms in by push', () => {
  it.each([
    ['routesms', 'status'],
    ['dinstar', 'inbound'],
    ['diafaan', 'inbound'],
  ] as const)('%s pushes to the endpoint with the secret; the %s comes out and the gateway gets its answer', async (gateway, what) => {
    const seen = await deploy(gateway, { receive: 'push' });
    const simulator = standIns.simulators[gateway]!;
    const before = simulator.pushes.deliveries.length;
    if (what === 'inbound') {
      inject(gateway, '+447700900811', `pushed by ${gateway}`);
      await waitFor(() => seen.inbound.length === 1, 'the pushed SMS', 10_000);
      expect(seen.inbound[0]).toMatchObject({ payload: `pushed by ${gateway}`, sms: { gateway } });
    } else {
      const { node, credentials } = configNodeFor(standIns, gateway);
      void node;
      void credentials;
      const client = (await import('@smsbridge/core')).createVendorRegistry().open(gateway, { url: simulator.baseUrl, ...simulator.describe().credentials });
      const [result] = await client.send({ to: ['+447700900812'], text: 'report me', statusReport: true });
      await client.close();
      await waitFor(() => seen.reports.length >= 1, 'the pushed report', 10_000);
      expect(seen.reports.at(-1)!['payload']).toMatchObject({ messageId: result!.messageId, gateway });
    }
    const answered = simulator.pushes.deliveries.slice(before).filter((delivery) => delivery.status !== undefined);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((delivery) => delivery.status === 200)).toBe(true);
  });

  it('answers Jasmin\'s DLR with ACK/Jasmin when the send carries the node\'s URL', async () => {
    const gateway = 'jasmin';
    const { node: config } = configNodeFor(standIns, gateway);
    const seen = await deploy(gateway, { receive: 'push' }, [
      { id: 'send', type: 'sms-send', z: 'tab', gateway: config.id, options: JSON.stringify({ dlr_url: `${server.url}${pushPath(gateway)}/${PUSH_SECRET}`, dlr_level: 3 }), wires: [['sent']] },
      { id: 'sent', type: 'helper', z: 'tab' },
    ]);
    const sent = collect('sent');
    getNode('send').receive({ payload: 'tell me when it arrives', to: '+447700900821' });
    await waitFor(() => sent.length === 1, 'the send');
    const messageId = ((sent[0]!['payload'] as Msg[])[0]!)['messageId'];
    await waitFor(() => seen.reports.some((msg) => (msg['payload'] as Msg)['state'] === 'delivered'), 'the delivered DLR', 10_000);
    expect(seen.reports.map((msg) => (msg['payload'] as Msg)['messageId'])).toContain(messageId);
    const answers = standIns.simulators.jasmin!.pushes.deliveries.filter((delivery) => delivery.url.includes(pushPath(gateway)));
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((delivery) => delivery.answer === 'ACK/Jasmin')).toBe(true);
  });

  it('configures the span gateway\'s push through its API on deploy and takes what it pushes', async () => {
    const seen = await deploy('spangw', { receive: 'push', pushBaseUrl: server.url });
    await waitFor(() => standIns.simulators.spangw!.requestLog.some((entry) => entry.path.includes('set_config')), 'the push configuration', 10_000);
    inject('spangw', '+447700900831', 'pushed by the span gateway');
    await waitFor(() => seen.inbound.length === 1, 'the pushed SMS', 10_000);
    expect(seen.inbound[0]!['payload']).toBe('pushed by the span gateway');
  });

  it('refuses a call without the secret and emits nothing', async () => {
    const seen = await deploy('dinstar', { receive: 'push' });
    const wrong = await fetch(`${server.url}${pushPath('dinstar')}/not-the-secret`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sn":"x","sms":[]}' });
    const none = await fetch(`${server.url}${pushPath('dinstar')}`, { method: 'POST', body: '{}' });
    expect([wrong.status, none.status]).toEqual([401, 401]);
    await pause(200);
    expect(seen.inbound).toHaveLength(0);
  });
});

describe('sms in from the modem\'s indications', () => {
  it('emits indicated SMS on the first output and status reports on the second', async () => {
    const { node: config } = configNodeFor(standIns, 'modem');
    const seen = await deploy('modem', { receive: 'subscribe' }, [
      { id: 'send', type: 'sms-send', z: 'tab', gateway: config.id, statusReport: true, wires: [['sent']] },
      { id: 'sent', type: 'helper', z: 'tab' },
    ]);
    inject('modem', '+447700900841', 'indicated');
    await waitFor(() => seen.inbound.length === 1, 'the indicated SMS', 10_000);
    expect(seen.inbound[0]).toMatchObject({ payload: 'indicated', sms: { gateway: 'modem' } });

    const sent = collect('sent');
    getNode('send').receive({ payload: 'report back', to: '+447700900842' });
    await waitFor(() => sent.length === 1, 'the send');
    await waitFor(() => seen.reports.length >= 1, 'the status report', 15_000);
    expect(seen.reports[0]!['payload']).toMatchObject({ gateway: 'modem' });
  });
});
