/**
 * `sms send` in the real Node-RED runtime against every gateway's stand-in: results per recipient,
 * preview without sending, the allow-list, the rate-limit queue, and failures that reach Catch
 * nodes with their code and without the password.
 */
import type { GatewayKey } from '@smsbridge/core';
import { acceptedAt, configNodeFor, startStandIns, type StandIns } from './helpers/gateway-stand-ins';
import { catchNodeModule, collect, errorsOf, loadFlow, statusOf, unloadFlow, waitFor, type FlowNode, type Msg } from './helpers/node-red-runtime';

const GATEWAYS: GatewayKey[] = ['diafaan', 'routesms', 'spangw', 'jasmin', 'dinstar', 'modem'];
let standIns: StandIns;

beforeAll(async () => {
  standIns = await startStandIns({ modem: true });
});
afterAll(async () => {
  await standIns?.stop();
});
/** Stand-ins of one test, stopped once its flow is gone. */
const afterUnload: (() => Promise<void>)[] = [];
afterEach(async () => {
  await unloadFlow();
  for (const stop of afterUnload.splice(0)) await stop();
});

function sendFlow(gateway: GatewayKey, send: Record<string, unknown> = {}, config: Parameters<typeof configNodeFor>[2] = {}): { flow: FlowNode[]; credentials: Record<string, Record<string, string>> } {
  const { node, credentials } = configNodeFor(standIns, gateway, config);
  return {
    flow: [
      { id: 'tab', type: 'tab', label: 'send' },
      node,
      { id: 'send', type: 'sms-send', z: 'tab', gateway: node.id, wires: [['out']], ...send },
      { id: 'out', type: 'helper', z: 'tab' },
      { id: 'catcher', type: 'catch', z: 'tab', scope: null, uncaught: false, wires: [['caught']] },
      { id: 'caught', type: 'helper', z: 'tab' },
    ],
    credentials: { [node.id]: credentials },
  };
}

async function load(gateway: GatewayKey, send: Record<string, unknown> = {}, config: Parameters<typeof configNodeFor>[2] = {}): Promise<void> {
  const { flow, credentials } = sendFlow(gateway, send, config);
  await loadFlow(flow, credentials, [catchNodeModule()]);
}

describe.each(GATEWAYS)('sms send through %s', (gateway) => {
  it('sends msg.payload to the recipients in msg.to and outputs one SendResult each, sent once', async () => {
    await load(gateway);
    const out = collect('out');
    const send = (await import('./helpers/node-red-runtime')).getNode('send');
    const to = gateway === 'modem' ? ['+447700900201', '+447700900202'] : ['+447700900101', '+447700900102'];
    send.receive({ payload: `hello from node-red via ${gateway}`, to: to.join(', ') });
    await waitFor(() => out.length === 1, 'the send result', 15_000);
    const results = out[0]!['payload'] as Msg[];
    expect(results).toHaveLength(2);
    for (const [index, result] of results.entries()) {
      expect(String(result['to']).replace(/\D/g, '')).toBe(to[index]!.replace(/\D/g, ''));
      expect(result).toMatchObject({ accepted: true, gateway, parts: 1, encoding: 'gsm7' });
      expect(['queued', 'sent', 'delivered']).toContain(result['state']);
      expect(acceptedAt(standIns, gateway, to[index]!)).toBe(1);
    }
    expect(statusOf('send')?.text).toBe('sent 2 of 2');
  });

  it('fails through done(err) with the typed code when the password is wrong, and the password is nowhere', async () => {
    const wrong = gateway === 'modem' ? '9753' : 'Wr0ng-Pa55word';
    // A SIM stays unlocked once its PIN was entered, as on a real modem: the wrong PIN needs a freshly powered one.
    const freshModem = gateway === 'modem' ? await startStandIns({ gateways: [], modem: true }) : undefined;
    const { flow, credentials } = sendFlow(gateway, {}, { password: wrong });
    if (freshModem) flow[1]!['port'] = freshModem.modem!.path;
    await loadFlow(flow, credentials, [catchNodeModule()]);
    const caught = collect('caught');
    const errors = errorsOf('send');
    const send = (await import('./helpers/node-red-runtime')).getNode('send');
    const to = '+447700900303';
    send.receive({ payload: 'must not go', to });
    await waitFor(() => caught.length === 1, 'the Catch node', 15_000);
    const error = caught[0]!['error'] as Record<string, unknown>;
    expect(error['code']).toBe('SMSB_GATEWAY_AUTH');
    expect(error['source']).toMatchObject({ id: 'send', type: 'sms-send' });
    expect(JSON.stringify(caught[0])).not.toContain(wrong);
    expect(JSON.stringify(errors.map((entry) => String(entry.error)))).not.toContain(wrong);
    expect(acceptedAt(freshModem ?? standIns, gateway, to)).toBe(0);
    if (freshModem) afterUnload.push(() => freshModem.stop());
  });
});

describe('sms send options', () => {
  it('previews encoding, parts and cost per recipient without sending', async () => {
    await load('jasmin', { preview: true, pricePerPart: '0.05' });
    const out = collect('out');
    const send = (await import('./helpers/node-red-runtime')).getNode('send');
    send.receive({ payload: 'Привет! '.repeat(10), to: ['+447700900401', '+447700900402'] });
    await waitFor(() => out.length === 1, 'the preview');
    expect(out[0]!['preview']).toBe(true);
    expect(out[0]!['payload']).toEqual([
      expect.objectContaining({ to: '+447700900401', encoding: 'ucs2', parts: 2, cost: 0.1 }),
      expect.objectContaining({ to: '+447700900402', encoding: 'ucs2', parts: 2 }),
    ]);
    expect(acceptedAt(standIns, 'jasmin', '+447700900401')).toBe(0);
  });

  it('refuses every recipient outside the allow-list before anything is sent', async () => {
    await load('diafaan', { allowList: '+4477009005*' });
    const caught = collect('caught');
    const send = (await import('./helpers/node-red-runtime')).getNode('send');
    send.receive({ payload: 'limited', to: '+447700900501, +19005550100' });
    await waitFor(() => caught.length === 1, 'the refusal');
    expect((caught[0]!['error'] as Msg)['message']).toMatch(/\+19005550100.*not on the recipient allow-list/);
    expect((caught[0]!['error'] as Msg)['code']).toBe('SMSB_INVALID_REQUEST');
    expect(acceptedAt(standIns, 'diafaan', '+447700900501')).toBe(0);
  });

  it('reports a bad number and a vendor field it cannot honour as invalid requests, nothing sent', async () => {
    await load('dinstar');
    const caught = collect('caught');
    const send = (await import('./helpers/node-red-runtime')).getNode('send');
    send.receive({ payload: 'x', to: 'abc' });
    send.receive({ payload: 'x', to: '+447700900601', scheduleAt: '2030-01-01T10:00:00+01:00' });
    send.receive({ payload: 'x', to: '+447700900602', options: { nonsense: 1 } });
    await waitFor(() => caught.length === 3, 'three refusals');
    const messages = caught.map((msg) => (msg['error'] as Msg)['message']).join('\n');
    expect(messages).toMatch(/"abc" is not a phone number/);
    expect(messages).toMatch(/cannot honour scheduled sending/);
    expect(messages).toMatch(/"nonsense"/);
    expect(caught.every((msg) => (msg['error'] as Msg)['code'] === 'SMSB_INVALID_REQUEST')).toBe(true);
    expect(acceptedAt(standIns, 'dinstar', '+447700900601') + acceptedAt(standIns, 'dinstar', '+447700900602')).toBe(0);
  });

  it('a msg sent again with the same msg.idempotencyKey reaches only recipients that never got it; the others get their first results back', async () => {
    await load('routesms');
    const out = collect('out');
    const send = (await import('./helpers/node-red-runtime')).getNode('send');
    const [first, second, third] = ['+447700900951', '+447700900952', '+447700900953'];
    send.receive({ payload: 'Server down', to: [first, second], idempotencyKey: 'incident-88' });
    await waitFor(() => out.length === 1, 'the first send');
    // The caller sends the incident again, now with a third on-call number.
    send.receive({ payload: 'Server down', to: [first, second, third], idempotencyKey: 'incident-88' });
    await waitFor(() => out.length === 2, 'the repeated send');
    const [firstResults, againResults] = out.map((msg) => msg['payload'] as Msg[]);
    expect(againResults!.map((result) => [String(result['to']).replace(/\D/g, ''), result['accepted'], result['replayed'] ?? false])).toEqual([
      [first!.replace(/\D/g, ''), true, true],
      [second!.replace(/\D/g, ''), true, true],
      [third!.replace(/\D/g, ''), true, false],
    ]);
    expect(againResults!.slice(0, 2).map((result) => result['messageId'])).toEqual(firstResults!.map((result) => result['messageId']));
    for (const to of [first!, second!, third!]) expect(acceptedAt(standIns, 'routesms', to)).toBe(1);
    // Without the key, or with another one, it is another message.
    send.receive({ payload: 'Server down', to: first, idempotencyKey: 'incident-89' });
    send.receive({ payload: 'Server down', to: first });
    await waitFor(() => out.length === 4, 'two more sends');
    expect(acceptedAt(standIns, 'routesms', first!)).toBe(3);
    const caught = collect('caught');
    send.receive({ payload: 'x', to: first, idempotencyKey: { not: 'a text' } });
    await waitFor(() => caught.length === 1, 'the refusal');
    expect((caught[0]!['error'] as Msg)['message']).toMatch(/msg.idempotencyKey names the message/);
  });

  it('sends msgs that wait for the gateway with the same text as one multi-destination request, each msg getting its own results', async () => {
    await load('routesms');
    const out = collect('out');
    const send = (await import('./helpers/node-red-runtime')).getNode('send');
    const simulator = standIns.simulators.routesms!;
    const requestsBefore = simulator.requestsReceived;
    const numbers = Array.from({ length: 60 }, (_, index) => `+4477009008${String(index).padStart(2, '0')}`);
    for (const to of numbers) send.receive({ payload: 'Planned maintenance tonight', to, topic: to });
    await waitFor(() => out.length === numbers.length, 'a result per msg', 15_000);
    for (const msg of out) {
      const results = msg['payload'] as Msg[];
      expect(results).toHaveLength(1);
      expect(String(results[0]!['to']).replace(/\D/g, '')).toBe(String(msg['topic']).replace(/\D/g, ''));
      expect(results[0]).toMatchObject({ accepted: true });
      expect(results[0]!['messageId']).toEqual(expect.any(String));
    }
    for (const to of numbers) expect(acceptedAt(standIns, 'routesms', to)).toBe(1);
    // At most 16 requests go out while the rest wait; what waited left together.
    expect(simulator.requestsReceived - requestsBefore).toBeLessThan(numbers.length);
  });

  it('queues sends in order under the config node\'s rate limit and shows the queue', async () => {
    await load('spangw', {}, { sendsPerMinute: 600 });
    const out = collect('out');
    const send = (await import('./helpers/node-red-runtime')).getNode('send');
    const numbers = ['+447700900701', '+447700900702', '+447700900703', '+447700900704'];
    for (const to of numbers) send.receive({ payload: `in order ${to}`, to });
    await waitFor(() => statusOf('send')?.text?.startsWith('queued') === true, 'a queued status');
    await waitFor(() => out.length === 4, 'four results', 10_000);
    expect(out.map((msg) => ((msg['payload'] as Msg[])[0]!)['to'])).toEqual(numbers);
  });
});
