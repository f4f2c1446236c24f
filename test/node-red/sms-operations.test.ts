/**
 * `sms status`, `sms ussd` and `sms admin` in the real Node-RED runtime against every gateway that
 * has the operation, and a clear error from those that do not; the editor's admin endpoints; a
 * redeploy while a modem exchange is in flight.
 */
import type { GatewayKey } from '@smsbridge/core';
import { acceptedAt, configNodeFor, startStandIns, type StandIns } from './helpers/gateway-stand-ins';
import { adminRequest, catchNodeModule, collect, getNode, loadFlow, redeployFlow, unloadFlow, waitFor, type FlowNode, type Msg } from './helpers/node-red-runtime';

let standIns: StandIns;
beforeAll(async () => {
  standIns = await startStandIns({ modem: true });
});
afterAll(async () => {
  await standIns?.stop();
});
afterEach(async () => {
  await unloadFlow();
});

/** A flow: the gateway's config node, `node` wired to `out`, and a Catch node wired to `caught`. */
function flowWith(gateway: GatewayKey, node: Record<string, unknown>, extra: FlowNode[] = []): { flow: FlowNode[]; credentials: Record<string, Record<string, string>> } {
  const { node: config, credentials } = configNodeFor(standIns, gateway);
  return {
    flow: [
      { id: 'tab', type: 'tab', label: 'ops' },
      config,
      { id: 'op', type: 'sms-send', z: 'tab', gateway: config.id, wires: [['out']], ...node },
      { id: 'out', type: 'helper', z: 'tab' },
      { id: 'catcher', type: 'catch', z: 'tab', scope: null, uncaught: false, wires: [['caught']] },
      { id: 'caught', type: 'helper', z: 'tab' },
      ...extra,
    ],
    credentials: { [config.id]: credentials },
  };
}

async function deploy(gateway: GatewayKey, node: Record<string, unknown>, extra: FlowNode[] = []): Promise<{ out: Msg[]; caught: Msg[] }> {
  const { flow, credentials } = flowWith(gateway, node, extra);
  await loadFlow(flow, credentials, [catchNodeModule()]);
  return { out: collect('out'), caught: collect('caught') };
}

async function sendOne(gateway: GatewayKey, to: string): Promise<Msg> {
  const send = getNode('send');
  const sent = collect('sent');
  send.receive({ payload: `status of ${to}`, to });
  await waitFor(() => sent.length === 1, 'the send', 10_000);
  return (sent[0]!['payload'] as Msg[])[0]!;
}

const SEND_NODE = (gateway: GatewayKey): FlowNode[] => [
  { id: 'send', type: 'sms-send', z: 'tab', gateway: `cfg-${gateway}`, wires: [['sent']] },
  { id: 'sent', type: 'helper', z: 'tab' },
];

describe.each(['diafaan', 'spangw', 'dinstar'] as GatewayKey[])('sms status on %s', (gateway) => {
  it('waits until the message is delivered, with the vendor\'s raw status kept', async () => {
    const { out } = await deploy(gateway, { type: 'sms-status', wait: true, timeout: 20 }, SEND_NODE(gateway));
    const result = await sendOne(gateway, '+447700900901');
    getNode('op').receive({ payload: result });
    await waitFor(() => out.length === 1, 'the final status', 20_000);
    expect(out[0]!['final']).toBe(true);
    expect(out[0]!['payload']).toMatchObject({ state: 'delivered', messageId: result['messageId'], gateway, rawStatus: expect.anything() });
  });

  it('reports a failed message as failed, and once without waiting', async () => {
    const { out } = await deploy(gateway, { type: 'sms-status', wait: true, timeout: 20 }, SEND_NODE(gateway));
    const result = await sendOne(gateway, '+447700900666');
    getNode('op').receive({ payload: result['messageId'] });
    await waitFor(() => out.length === 1, 'the final status', 20_000);
    expect(out[0]!['payload']).toMatchObject({ state: 'failed' });
    getNode('op').receive({ payload: result['messageId'], wait: false });
    await waitFor(() => out.length === 2, 'the single status');
    expect(out[1]!['payload']).toMatchObject({ state: 'failed' });
  });
});

describe.each(['routesms', 'jasmin', 'modem'] as GatewayKey[])('sms status on %s', (gateway) => {
  it('says clearly that reports arrive by push', async () => {
    const { caught } = await deploy(gateway, { type: 'sms-status' });
    getNode('op').receive({ payload: 'some-id' });
    await waitFor(() => caught.length === 1, 'the error');
    expect((caught[0]!['error'] as Msg)['message']).toMatch(/cannot be asked for a message's status.*sms in/);
  });
});

describe.each(['dinstar', 'modem'] as GatewayKey[])('sms ussd on %s', (gateway) => {
  it('sends a code and returns the reply', async () => {
    const { out } = await deploy(gateway, { type: 'sms-ussd' });
    getNode('op').receive({ payload: '*100#' });
    await waitFor(() => out.length === 1, 'the USSD reply', 15_000);
    expect(out[0]!['payload']).toMatchObject({ gateway, reply: expect.stringMatching(/\S/) });
  });
});

describe('sms ussd on diafaan', () => {
  it('hands the request to the server, which answers later (by push to sms in), so the exchange is pending', async () => {
    const { out } = await deploy('diafaan', { type: 'sms-ussd' });
    getNode('op').receive({ payload: '*100#' });
    await waitFor(() => out.length === 1, 'the USSD request', 15_000);
    expect(out[0]!['payload']).toMatchObject({ gateway: 'diafaan', code: '*100#', state: 'pending', raw: { messageId: expect.any(String) } });
  });
});

describe('sms ussd menus', () => {
  it('walks a modem menu with continue and ends another with cancel', async () => {
    const { out } = await deploy('modem', { type: 'sms-ussd' });
    const ussd = getNode('op');
    ussd.receive({ payload: '*101#' });
    await waitFor(() => out.length === 1, 'the menu');
    expect(out[0]!['payload']).toMatchObject({ reply: '1. Data\n2. Voice', awaitingInput: true });
    ussd.receive({ payload: '1', action: 'continue' });
    await waitFor(() => out.length === 2, 'the answer');
    expect(out[1]!['payload']).toMatchObject({ reply: 'Data: 2 GB left', awaitingInput: false });
    ussd.receive({ payload: '*101#' });
    await waitFor(() => out.length === 3, 'the second menu');
    ussd.receive({ action: 'cancel' });
    await waitFor(() => out.length === 4, 'the cancel');
    expect(out[3]!['payload']).toMatchObject({ state: 'ended' });
  });

  it('refuses USSD on a gateway without it', async () => {
    const { caught } = await deploy('jasmin', { type: 'sms-ussd' });
    getNode('op').receive({ payload: '*100#' });
    await waitFor(() => caught.length === 1, 'the error');
    expect((caught[0]!['error'] as Msg)['message']).toMatch(/has no USSD/);
  });
});

describe('sms admin', () => {
  it.each([
    ['diafaan', 'request-server-status', {}],
    ['jasmin', 'balance', {}],
    ['spangw', 'spans', {}],
    ['dinstar', 'port-info', { ports: '0,2' }],
    ['modem', 'network', {}],
  ] as const)('%s runs %s', async (gateway, command, args) => {
    const { out } = await deploy(gateway, { type: 'sms-admin', command, args: JSON.stringify(args) });
    getNode('op').receive({});
    await waitFor(() => out.length === 1, 'the result', 15_000);
    expect(out[0]!['payload']).toMatchObject({ command, ok: true, gateway });
  });

  it('takes msg.command and refuses one the vendor does not have, naming the ones it has', async () => {
    const { out, caught } = await deploy('jasmin', { type: 'sms-admin', command: 'balance' });
    getNode('op').receive({ command: 'ping' });
    await waitFor(() => out.length === 1, 'the ping');
    expect(out[0]!['payload']).toMatchObject({ command: 'ping' });
    getNode('op').receive({ command: 'reboot' });
    await waitFor(() => caught.length === 1, 'the refusal');
    expect((caught[0]!['error'] as Msg)['message']).toMatch(/"reboot" is not a Jasmin.*balance, rate, ping/);
  });

  it('says that Route Mobile has no admin commands', async () => {
    const { caught } = await deploy('routesms', { type: 'sms-admin', command: 'balance' });
    getNode('op').receive({});
    await waitFor(() => caught.length === 1, 'the error');
    expect((caught[0]!['error'] as Msg)['message']).toMatch(/has no admin commands/);
  });
});

describe('editor endpoints', () => {
  it('serve every vendor\'s descriptors, the serial ports and the Test connection button', async () => {
    await deploy('jasmin', { type: 'sms-admin', command: 'balance' });
    const vendors = await adminRequest().get('/smsbridge/vendors').expect(200);
    expect(vendors.body.map((vendor: Msg) => vendor['key'])).toEqual(['diafaan', 'routesms', 'jasmin', 'spangw', 'dinstar', 'modem', 'modembridge']);
    expect(vendors.body.find((vendor: Msg) => vendor['key'] === 'jasmin').connection.map((field: Msg) => field['name'])).toContain('dlrUrl');
    const ports = await adminRequest().get('/smsbridge/serial-ports').expect(200);
    expect(Array.isArray(ports.body)).toBe(true);

    const simulator = standIns.simulators.jasmin!;
    const good = await adminRequest().post('/smsbridge/verify').send({ type: 'smsbridge-gateway', id: 'new', gateway: 'jasmin', url: simulator.baseUrl, credentials: { username: 'jasmin', password: 'jasmin-secret' } }).expect(200);
    expect(good.body).toMatchObject({ status: 'verified' });
    const bad = await adminRequest().post('/smsbridge/verify').send({ type: 'smsbridge-gateway', id: 'new', gateway: 'jasmin', url: simulator.baseUrl, credentials: { username: 'jasmin', password: 'Not-This-One' } }).expect(200);
    expect(bad.body.status).toBe('failed');
    expect(JSON.stringify(bad.body)).not.toContain('Not-This-One');
    const stored = await adminRequest().post('/smsbridge/verify').send({ type: 'smsbridge-gateway', id: 'cfg-jasmin', gateway: 'jasmin', url: simulator.baseUrl, credentials: { username: 'jasmin', password: '__PWRD__' } }).expect(200);
    expect(stored.body).toMatchObject({ status: 'verified' });
    const modem = await adminRequest().post('/smsbridge/verify').send({ type: 'smsbridge-modem', id: 'cfg-modem', unchanged: true }).expect(200);
    expect(modem.body.status).toBe('failed');
  });
});

describe('redeploy while a modem exchange is in flight', () => {
  it('releases the port, sends nothing twice, and the new flow sends again', async () => {
    const { flow, credentials } = flowWith('modem', { type: 'sms-send' });
    await loadFlow(flow, credentials, [catchNodeModule()]);
    const first = '+447700900951';
    getNode('op').receive({ payload: 'in flight while redeploying '.repeat(8), to: first });
    // The first of its two parts is on the modem: the exchange is under way when the deploy stops the flow.
    await waitFor(() => acceptedAt(standIns, 'modem', first) >= 1, 'the first part', 10_000);
    await redeployFlow(flow, credentials);
    const out = collect('out');
    const second = '+447700900952';
    getNode('op').receive({ payload: 'after the redeploy', to: second });
    await waitFor(() => out.length === 1, 'the send after the redeploy', 15_000);
    expect(out[0]!['payload']).toMatchObject([{ accepted: true }]);
    expect(acceptedAt(standIns, 'modem', first)).toBeLessThanOrEqual(2);
    expect(new Set(standIns.modem!.modem.submitted.filter((message) => message.destination.endsWith('900951')).map((message) => message.pdu)).size).toBe(acceptedAt(standIns, 'modem', first));
    expect(acceptedAt(standIns, 'modem', second)).toBe(1);
  });
});
