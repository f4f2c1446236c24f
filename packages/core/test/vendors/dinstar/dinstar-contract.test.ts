import { DinstarSimulator } from '../../../src/vendors/dinstar/dinstar-simulator';
import { GatewayAuthError, GatewayRateLimitedError, InvalidRequestError } from '../../../src/errors';
import { UndiciHttpTransport } from '../../../src/transport/undici-http-transport';
import { dinstarVendor } from '../../../src/vendors/dinstar';
import { createVendorRegistry } from '../../../src/vendors/registry';
import { CountingTransport } from '../shared/counting-transport';
import { expectNoSecretIn, rejectionOf } from '../shared/rejection';
import { useVendorFixture } from '../shared/vendor-fixture';

const registry = createVendorRegistry();

describe('dinstar through registry.open: the contract', () => {
  const fixture = useVendorFixture('dinstar', { simulator: () => new DinstarSimulator({ network: { sendDelayMs: 5, deliveryDelayMs: 5, ussdDelayMs: 5 } }), clientsOnManualClock: false });
  let simulator: DinstarSimulator;
  beforeEach(() => {
    simulator = fixture.simulator;
  });
  const values = (extra: Record<string, unknown> = {}) => fixture.values(extra);
  const open = (extra: Record<string, unknown> = {}) => fixture.client(extra);
  const sendRequests = () => simulator.requestLog.filter((logged) => logged.path === '/api/send_sms');

  it('names its document, its honoured fields and limits, and has no acknowledge (the cursor is the mark)', () => {
    expect(dinstarVendor.describe.document).toMatch(/^Dinstar GSM Gateway HTTP API/);
    expect(dinstarVendor.capabilities).toMatchObject({ sendFields: ['statusReport'], limits: { maxTextBytes: 1500 }, inbound: 'both', statuses: 'both' });
    expect(dinstarVendor.capabilities.operations).not.toContain('acknowledge');
    expect(open().acknowledge).toBeUndefined();
    expect(dinstarVendor.sendOptions.map((field) => field.name)).toEqual(['ports', 'textParams']);
    expect(dinstarVendor.adminCommands.map((command) => [command.name, command.changesState])).toEqual([
      ['port-info', false],
      ['queue', false],
      ['stop-sms', true],
      ['reset-port', true],
      ['power-port', true],
      ['switch-slot', true],
      ['status', false],
      ['cdr', false],
      ['cancel-ussd', true],
    ]);
  });

  it('refuses a schedule time instead of sending at once, unless best effort drops it', async () => {
    const error = await rejectionOf(() => open().send({ to: ['10086'], text: 'later', scheduleAt: new Date(Date.UTC(2030, 0, 1)) }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toMatch(/cannot honour scheduled sending/);
    expect(simulator.requestLog).toHaveLength(0);
    const [sent] = await open().send({ to: ['10086'], text: 'now', scheduleAt: new Date(Date.UTC(2030, 0, 1)), bestEffort: true });
    expect(sent).toMatchObject({ accepted: true });
  });

  it('refuses a text over 1500 bytes and unknown per-send options before any request', async () => {
    await expect(open().send({ to: ['10086'], text: 'x'.repeat(1501) })).rejects.toThrow(/1501 bytes; Dinstar GSM gateway \(HTTP API\) takes at most 1500/);
    await expect(open().send({ to: ['10086'], text: 'x', vendorOptions: { priority: 1 } })).rejects.toThrow(/"priority" does not exist: use ports, textParams/);
    await expect(open().send({ to: ['10086'], text: 'x', vendorOptions: { textParams: '{"a":1}' } })).rejects.toThrow(/"textParams" takes one list of texts per recipient/);
    expect(simulator.requestLog).toHaveLength(0);
  });

  it('sends ports and #param# values given as form text; accepted sends land in the simulated network', async () => {
    const results = await open().send({ to: ['10086', '10087'], text: 'Hi #param#', vendorOptions: { ports: '2', textParams: '[["Ann"],["Bob"]]' } });
    expect(results.map((result) => result.accepted)).toEqual([true, true]);
    expect(JSON.parse(sendRequests().at(-1)!.body)).toMatchObject({ port: [2], param: [{ text_param: ['Ann'] }, { text_param: ['Bob'] }] });
    expect([...simulator.network.messages.values()].map((message) => [message.to, message.text])).toEqual([
      ['10086', 'Hi Ann'],
      ['10087', 'Hi Bob'],
    ]);
  });

  it('the first send of a client goes out signed, once: the challenge comes from a bare harmless read', async () => {
    const [sent] = await open().send({ to: ['10086'], text: 'first' });
    expect(sent).toMatchObject({ accepted: true });
    expect(simulator.requestLog.map((logged) => [logged.method, logged.path, /^Digest /.test(String(logged.headers.authorization ?? ''))])).toEqual([
      ['GET', '/api/query_sms_in_queue', false],
      ['POST', '/api/send_sms', true],
    ]);
  });

  it('honours Retry-After as given: 3600 s is thrown at once with retryAfterMs, not cut to 10 s and retried', async () => {
    const client = open();
    expect((await client.verify()).status).toBe('verified');
    simulator.faults.add({ kind: 'http-status', status: 429, headers: { 'retry-after': '3600' }, path: '/api/send_sms', count: 3 });
    const before = sendRequests().length;
    const error = await rejectionOf(() => client.send({ to: ['10086'], text: 'x' }));
    expect(error).toBeInstanceOf(GatewayRateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 3_600_000, outcome: 'not-sent' });
    expect(sendRequests().length - before).toBe(1);
    expect(simulator.network.messages.size).toBe(0);
  });

  it('verify: verified by get_port_info, failed for a wrong password or an unreachable gateway', async () => {
    expect(await open().verify()).toEqual({ status: 'verified', message: 'The Dinstar gateway accepted the account: 4 ports, 3 registered to the network.' });
    expect(simulator.requestLog.at(-1)!.path).toBe('/api/get_port_info');
    const wrong = open({ password: 'not-the-password' });
    const failed = await wrong.verify();
    expect(failed.status === 'failed' && failed.error).toBeInstanceOf(GatewayAuthError);
    const working = values();
    await simulator.stop();
    const down = fixture.clientFor({ ...working, timeoutMs: 500 });
    const unreachable = await down.verify();
    expect(unreachable).toMatchObject({ status: 'failed', error: { outcome: 'not-sent' } });
    expectNoSecretIn([failed.status === 'failed' ? failed.error : undefined, unreachable.status === 'failed' ? unreachable.error : undefined], ['dinstar-secret']);
    await simulator.start();
  });

  it('close() leaves a transport it was given open', async () => {
    const given = new CountingTransport(new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: 'dinstar' }));
    const client = registry.open('dinstar', values(), { transport: given });
    expect((await client.verify()).status).toBe('verified');
    await client.close();
    expect(given.closed).toBe(false);
  });

  it('inbox hands out what network.injectInbound delivers, above a small cursor, and never marks it read', async () => {
    const client = open();
    simulator.network.injectInbound({ from: '6717', text: 'one' });
    simulator.injectInbound({ from: '6718', text: 'two', port: 3 });
    const page = await client.inbox!();
    expect(page.messages.map((message) => [message.from, message.text])).toEqual([
      ['6717', 'one'],
      ['6718', 'two'],
    ]);
    expect(page.cursor).toBe('2');
    expect((await client.inbox!(page.cursor)).messages).toEqual([]);
    expect(simulator.network.inbox.every((message) => !message.read)).toBe(true);
  });

  it('USSD: a menu answer goes on the same port, and cancel ends the session there', async () => {
    const client = open();
    const menu = await client.ussd!({ code: '*123#', port: 2 });
    expect(menu).toMatchObject({ state: 'replied', port: 2, reply: expect.stringContaining('1. Balance') });
    const answered = await client.ussdContinue!({ answer: '1' });
    expect(answered).toMatchObject({ port: 2, code: '1', state: 'replied' });
    const sent = simulator.requestLog.filter((logged) => logged.path === '/api/send_ussd' && logged.headers.authorization).map((logged) => JSON.parse(logged.body) as unknown);
    expect(sent.at(-1)).toEqual({ text: '1', port: [2], command: 'send' });
    await client.ussdCancel!();
    expect(JSON.parse(simulator.requestLog.filter((logged) => logged.path === '/api/send_ussd').at(-1)!.body)).toEqual({ text: '', port: [2], command: 'cancel' });
    await expect(client.ussdContinue!({ answer: '2' })).rejects.toThrow(/Name the port of the USSD session/);
  });

  it('admin commands read their arguments by the descriptors: text becomes numbers and booleans, a missing port is refused', async () => {
    const client = open();
    await client.admin!('power-port', { port: '2', on: 'false' });
    expect(simulator.ports[2]!.reg).toBe('POWER_OFF');
    await client.admin!('power-port', { port: 2 });
    expect(simulator.ports[2]!.reg).toBe('REGISTER_OK');
    expect((await client.admin!('port-info', { ports: '0,2', infoTypes: 'imei,reg' })).data.ports).toHaveLength(2);
    await expect(client.admin!('port-info', { infoTypes: 'imei,shoe' })).rejects.toThrow(/"shoe" is not a port information type/);
    await expect(client.admin!('reset-port', {})).rejects.toThrow(/"port" \(Port\) is required/);
    await expect(client.admin!('switch-slot', { port: 3, slot: 9 })).rejects.toThrow(/"slot" takes an integer from 0 to 3/);
    expect((await client.admin!('cdr', { filter: '{"port":[0]}' })).data).toMatchObject({ cdr: [] });
  });

  it('push: receive turns each JSON event into the model and answers as the gateway expects', () => {
    const receipt = dinstarVendor.push!.receive(
      {
        method: 'POST',
        contentType: 'application/json',
        body: JSON.stringify({
          sn: 'x',
          sms: [{ incoming_sms_id: 7, port: 1, number: '6717', smsc: '+1', timestamp: '2016-07-12 15:46:18', text: 'test' }],
          sms_deliver_status: [{ port: 1, number: '10086', time: '2016-07-12 15:46:53', ref_id: 215, status_code: 0 }],
          ussd: [{ port: 2, text: 'Balance 1.00' }],
        }),
      },
      { gatewayUtcOffsetMinutes: 480 },
    );
    expect(receipt.inbound).toEqual([expect.objectContaining({ id: '7', from: '6717', text: 'test', receivedAt: '2016-07-12T15:46:18+08:00' })]);
    expect(receipt.statuses).toEqual([expect.objectContaining({ state: 'delivered', messageId: '10086#1:215' })]);
    expect(receipt.ussd).toEqual([expect.objectContaining({ port: 2, reply: 'Balance 1.00' })]);
    expect(receipt.answer).toEqual({ status: 200, contentType: 'application/json', body: '{"error_code":200}' });
    const broken = dinstarVendor.push!.receive({ method: 'POST', body: '{"sms":[' });
    expect(broken).toMatchObject({ inbound: [], statuses: [], ussd: [], answer: { status: 400 } });
    expect(broken.error).toBeInstanceOf(InvalidRequestError);
    expect(dinstarVendor.push!.setup.how).toBe('gateway-ui');
  });
});
