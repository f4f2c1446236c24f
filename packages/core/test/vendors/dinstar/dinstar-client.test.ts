import { DinstarSimulator } from '../../../src/vendors/dinstar/dinstar-simulator';
import * as dinstar from '../../../src/vendors/dinstar';
import type { GatewayClient } from '../../../src/vendors/gateway-client';
import { GatewayAuthError, GatewayMalformedResponseError, GatewayRejectedError, InvalidRequestError, SmsBridgeError } from '../../../src/errors';
import { UndiciHttpTransport } from '../../../src/transport/undici-http-transport';
import { createVendorRegistry } from '../../../src/vendors/registry';
import { ConnectionRecordingProxy } from '../../transport/connection-recording-proxy';
import { rejectionOf } from '../shared/rejection';
import { eventually } from '../spangw/push-collector';

const { DinstarClient } = dinstar;
type Simulator = InstanceType<typeof DinstarSimulator>;
type Client = InstanceType<typeof DinstarClient>;
type ClientOptions = ConstructorParameters<typeof DinstarClient>[0];

const PASSWORD = 'Dig3st-S3cret-pw!';

async function startSimulator(options: ConstructorParameters<typeof DinstarSimulator>[0] = {}): Promise<Simulator> {
  const simulator = new DinstarSimulator({
    accounts: [{ username: 'api', password: PASSWORD }],
    network: { sendDelayMs: 5, deliveryDelayMs: 5, ussdDelayMs: 5 },
    resetDelayMs: 5,
    ...options,
  });
  await simulator.start();
  return simulator;
}

type TransportOptions = Partial<ConstructorParameters<typeof UndiciHttpTransport>[0]>;

function clientFor(simulator: Simulator, options: Partial<ClientOptions> = {}, transport: TransportOptions = {}): Client {
  return new DinstarClient({
    transport: new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: 'dinstar', secrets: [options.password ?? PASSWORD], ...transport }),
    ownsTransport: true,
    username: 'api',
    password: PASSWORD,
    ussdPollIntervalMs: 5,
    ussdTimeoutMs: 2_000,
    retry: { initialDelayMs: 1 },
    ...options,
  });
}

const apiRequests = (simulator: Simulator, operation: string) => simulator.requestLog.filter((entry) => entry.path === `/api/${operation}`);
const sendBodies = (simulator: Simulator) =>
  apiRequests(simulator, 'send_sms')
    .filter((entry) => entry.headers.authorization)
    .map((entry) => JSON.parse(entry.body) as { text: string; param: Array<{ number: string; user_id: number; text_param?: string[] }>; encoding?: string; port?: number[] });

describe('DinstarClient against the simulator', () => {
  let simulator: Simulator;
  let client: Client;

  beforeEach(async () => {
    simulator = await startSimulator();
    client = clientFor(simulator);
  });
  afterEach(async () => {
    await client.close();
    await simulator.stop();
  });

  it('is registered, and the registry client talks Digest to the simulator', async () => {
    const entry = createVendorRegistry().get('dinstar');
    expect(entry.capabilities.operations).toEqual(['send', 'status', 'inbox', 'ussd', 'ussdContinue', 'ussdCancel', 'admin', 'verify']);
    const generic: GatewayClient = createVendorRegistry().open('dinstar', { url: simulator.baseUrl, username: 'api', password: PASSWORD });
    try {
      expect(generic.gateway).toBe('dinstar');
      expect(await generic.inbox!()).toEqual({ messages: [], cursor: '0' });
      expect(simulator.requestLog.at(-1)!.headers.authorization).toMatch(/^Digest /);
    } finally {
      await generic.close();
    }
  });

  describe('connections (seen through a proxy)', () => {
    let proxy: ConnectionRecordingProxy;
    let proxied: Client;

    beforeEach(async () => {
      proxy = new ConnectionRecordingProxy(simulator.baseUrl);
      // One pooled socket, so "reused" is exact: a larger pool may spread back-to-back requests.
      proxied = clientFor(simulator, {}, { baseUrl: await proxy.start(), connections: 1 });
    });
    afterEach(async () => {
      await proxied.close();
      await proxy.stop();
    });

    it('sends Digest directly once a nonce is known: one challenge round-trip in all, on one pooled connection', async () => {
      await proxied.api.querySmsInQueue();
      await proxied.api.getPortInfo(['reg']);
      await proxied.send({ to: ['10086'], text: 'hi' });
      const unauthenticated = simulator.requestLog.filter((entry) => !entry.headers.authorization);
      expect(unauthenticated).toHaveLength(1);
      expect(simulator.requestLog.filter((entry) => entry.headers.authorization)).toHaveLength(3);
      expect(simulator.requestLog.some((entry) => entry.headers.connection === 'close')).toBe(false);
      expect(proxy.requests.map((request) => request.connection)).toEqual([1, 1, 1, 1]);
      expect(proxy.connections).toEqual([{ id: 1, closed: false }]);
      const ncs = simulator.requestLog.map((entry) => /nc=(\w+)/.exec(String(entry.headers.authorization ?? ''))?.[1]).filter(Boolean);
      expect(ncs).toEqual(['00000001', '00000002', '00000003']);
    });

    it('retries a sporadic 401 once with the fresh challenge, on a new connection closed afterwards', async () => {
      await proxied.api.querySmsInQueue();
      simulator.expireNonces();
      expect(await proxied.api.querySmsInQueue()).toBe(0);
      const last = simulator.requestLog.slice(-2);
      expect(last.map((entry) => Boolean(entry.headers.authorization))).toEqual([true, true]);
      expect(proxy.requests.slice(-2).map((request) => request.connection)).toEqual([1, 2]);
      await eventually(() => (proxy.connectionOf(-1)?.closed ? true : undefined));
      // A send is repeated too: the 401 proves the gateway did not act on it.
      simulator.expireNonces();
      const [result] = await proxied.send({ to: ['10086'], text: 'after 401' });
      expect(result).toMatchObject({ accepted: true });
      expect(simulator.network.messages.size).toBe(1);
      expect(proxy.requests.slice(-2).map((request) => request.connection)).toEqual([1, 3]);
      await eventually(() => (proxy.connectionOf(-1)?.closed ? true : undefined));
      // Back on the pool: the retries left the kept-alive connection alone.
      await proxied.api.querySmsInQueue();
      expect(proxy.connectionOf(-1)).toEqual({ id: 1, closed: false });
    });

    it('sends Connection: close on every request when keepAlive is turned off', async () => {
      const closing = clientFor(simulator, { keepAlive: false }, { baseUrl: proxy.baseUrl, connections: 1 });
      try {
        await closing.api.querySmsInQueue();
        await closing.api.querySmsInQueue();
        expect(simulator.requestLog.every((entry) => entry.headers.connection === 'close')).toBe(true);
        expect(proxy.requests.map((request) => request.connection)).toEqual([1, 2, 3]);
      } finally {
        await closing.close();
      }
    });
  });

  it('sends in chunks of at most 128 numbers with one user_id per recipient, GSM or unicode as the codec chooses', async () => {
    const numbers = Array.from({ length: 300 }, (_, index) => `1380013${String(index).padStart(4, '0')}`);
    const results = await client.send({ to: numbers, text: 'Hello' });
    const bodies = sendBodies(simulator);
    expect(bodies.map((body) => body.param.length)).toEqual([128, 128, 44]);
    expect(bodies.every((body) => body.encoding === 'gsm-7bit')).toBe(true);
    expect(results).toHaveLength(300);
    expect(results.every((result) => result.accepted && result.state === 'queued' && result.encoding === 'gsm7')).toBe(true);
    const userIds = bodies.flatMap((body) => body.param.map((param) => param.user_id));
    expect(new Set(userIds).size).toBe(300);
    expect(results[0]!.messageId).toBe(`${userIds[0]}|${numbers[0]}`);
    expect(results[200]!.raw).toMatchObject({ chunk: 1, taskId: 2 });
    expect(simulator.network.messages.size).toBe(300);

    const [unicode] = await client.send({ to: ['10086'], text: 'Привет' });
    expect(unicode).toMatchObject({ encoding: 'ucs2', parts: 1 });
    expect(sendBodies(simulator).at(-1)!.encoding).toBe('unicode');
  });

  it('fills #param# per recipient and asks for status reports when told to', async () => {
    await client.send({ to: ['10086', '10087'], text: 'Hi #param#, code #param#', statusReport: true, vendorOptions: { textParams: [['Ann', '1'], ['Bob', '2']], ports: [2] } });
    const [body] = sendBodies(simulator);
    expect(body).toMatchObject({ text: 'Hi #param#, code #param#', port: [2], request_status_report: true, param: [{ number: '10086', text_param: ['Ann', '1'] }, { number: '10087', text_param: ['Bob', '2'] }] });
    expect([...simulator.network.messages.values()].map((message) => message.text)).toEqual(['Hi Ann, code 1', 'Hi Bob, code 2']);
  });

  it('a failed chunk is reported on its recipients without sending it again, and the other chunks still go', async () => {
    const chunked = clientFor(simulator, { sendLimits: { maxNumbers: 2 } });
    try {
      await chunked.api.querySmsInQueue();
      // Second chunk: the gateway fails (500) and may have acted; the third chunk still goes.
      const results = await chunked.send({ to: ['2001', '2002', '2003', '2004', '2005'], text: 'b' });
      expect(results.every((result) => result.accepted)).toBe(true);
      simulator.faults.add({ kind: 'http-500', path: '/api/send_sms', count: 1 });
      const before = apiRequests(simulator, 'send_sms').length;
      const mixed = await chunked.send({ to: ['1001', '1002', '1003'], text: 'a' });
      expect(apiRequests(simulator, 'send_sms').length - before).toBe(2);
      // A 5xx may hide an accepted chunk: unknown, never resent, and its ids stay for status().
      expect(mixed.slice(0, 2)).toEqual([
        expect.objectContaining({ to: '1001', accepted: false, state: 'unknown', errorCode: 'HTTP 500', messageId: expect.stringMatching(/\|1001$/) }),
        expect.objectContaining({ to: '1002', accepted: false, state: 'unknown', errorCode: 'HTTP 500', messageId: expect.stringMatching(/\|1002$/) }),
      ]);
      expect(mixed[2]).toMatchObject({ to: '1003', accepted: true });
    } finally {
      await chunked.close();
    }
  });

  it('a chunk whose answer is lost is unknown (never resent); a first chunk refused with 550 throws', async () => {
    const chunked = clientFor(simulator, { sendLimits: { maxNumbers: 2 } });
    try {
      await chunked.api.querySmsInQueue();
      simulator.faults.add({ kind: 'reset-mid-body', path: '/api/send_sms' });
      const results = await chunked.send({ to: ['3001', '3002', '3003'], text: 'c' });
      expect(results.slice(0, 2).every((result) => result.state === 'unknown' && !result.accepted && result.messageId)).toBe(true);
      expect(results[2]).toMatchObject({ accepted: true });
      expect(simulator.network.messages.size).toBe(3);
      expect(sendBodies(simulator)).toHaveLength(2);

      const noPort = await rejectionOf(() => chunked.send({ to: ['4001', '4002', '4003'], text: 'd', vendorOptions: { ports: [1] } }));
      expect(noPort).toBeInstanceOf(GatewayRejectedError);
      expect(noPort).toMatchObject({ vendorCode: 550, outcome: 'refused' });
      expect(sendBodies(simulator)).toHaveLength(3);
    } finally {
      await chunked.close();
    }
  });

  it('follows a message from SENDING through SENT_OK to delivered, failed or expired by its reports', async () => {
    const results = await client.send({ to: ['10086', '10999', '10888', '10666'], text: 'x'.repeat(200), statusReport: true, vendorOptions: { ports: [0] } });
    expect(results[0]!.parts).toBe(2);
    const states = await eventually(async () => {
      const statuses = await Promise.all(results.map((result) => client.status(result.messageId!)));
      return statuses.map((status) => status.state).join() === 'delivered,failed,expired,failed' ? statuses : undefined;
    });
    // Either the result already says DELIVERED, or it still says SENT_OK and both parts' reports say 0.
    expect(states[0]).toMatchObject({ to: '10086' });
    expect(['DELIVERED', 0]).toContain(states[0]!.rawStatus);
    expect(states[1]).toMatchObject({ rawStatus: 65, errorCode: 65 });
    expect(states[2]).toMatchObject({ rawStatus: 70 });
    expect(states[3]).toMatchObject({ rawStatus: 'FAILED' });
    expect(await client.status('999999|nobody')).toMatchObject({ state: 'unknown' });
    await expect(client.status('garbage')).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('queries results and reports with filters, splitting numbers into groups of 32', async () => {
    const numbers = Array.from({ length: 40 }, (_, index) => `5000${index}`);
    await client.send({ to: numbers, text: 'q', statusReport: true });
    await eventually(() => (simulator.reports.length === 40 ? true : undefined));
    const results = await client.api.querySmsResult({ numbers, after: new Date(Date.UTC(2000, 0, 1)) });
    expect(results).toHaveLength(40);
    const queries = apiRequests(simulator, 'query_sms_result').filter((entry) => entry.headers.authorization).map((entry) => JSON.parse(entry.body) as { number: string[]; time_after: string });
    expect(queries.map((query) => query.number.length)).toEqual([32, 8]);
    expect(queries[0]!.time_after).toBe('2000-01-01 00:00:00');
    expect(await client.api.queryDeliverStatus({ numbers: numbers.slice(0, 3), ports: [0, 2, 3] })).toHaveLength(3);
  });

  it('polls the inbox with flag=all above a cursor, never marking messages read', async () => {
    simulator.injectInbound({ from: '6717', text: 'one', port: 2 });
    simulator.injectInbound({ from: '6718', text: 'two', port: 3 });
    const first = await client.inbox();
    expect(first.messages.map((message) => [message.id, message.from, message.text, message.port])).toEqual([
      ['1', '6717', 'one', 2],
      ['2', '6718', 'two', 3],
    ]);
    expect(first.messages[0]).toMatchObject({ smsc: '+8613010868500', receivedAt: expect.stringMatching(/\+00:00$/), gateway: 'dinstar' });
    expect(first.cursor).toBe('2');
    expect(await client.inbox(first.cursor)).toEqual({ messages: [], cursor: '2' });
    simulator.injectInbound({ from: '6719', text: 'three' });
    expect((await client.inbox(first.cursor)).messages.map((message) => message.text)).toEqual(['three']);
    expect(simulator.network.inbox.every((message) => !message.read)).toBe(true);
    expect(apiRequests(simulator, 'query_incoming_sms').every((entry) => entry.query.flag === 'all')).toBe(true);
    expect(await client.api.queryIncomingSms({ flag: 'unread' })).toMatchObject({ read: 3, unread: 0 });
  });

  it('sends USSD and matches the reply by port and time', async () => {
    const exchange = await client.ussd({ code: '*100#', port: 2 });
    expect(exchange).toMatchObject({ code: '*100#', port: 2, state: 'replied', reply: 'Your balance is 10.00 EUR. Valid until 31-12-2030.', gateway: 'dinstar' });
    // The same text again is the new answer; the client says it equals what the port showed before.
    expect(await client.ussd({ code: '*100#', port: 2 })).toMatchObject({ state: 'replied', raw: { sameAsBefore: true } });
    expect(await client.ussd({ code: '*123#' })).toMatchObject({ port: 0, reply: expect.stringContaining('1. Balance') });
    simulator.network.ussdDelayMs = 60_000;
    const quick = clientFor(simulator, { ussdTimeoutMs: 30, ussdPollIntervalMs: 10 });
    try {
      const pending = await quick.ussd({ code: '*100#', port: 3 });
      expect(pending.state).toBe('pending');
      expect(pending.reply).toBeUndefined();
    } finally {
      await quick.close();
    }
    expect((await client.admin('cancel-ussd', { ports: [3] })).data).toEqual({ result: [{ port: 3, status: 200 }] });
  });

  it('refuses USSD on a busy or unusable port and codes that are too long', async () => {
    simulator.network.pause('port-3');
    await client.send({ to: ['1'], text: 'hold', vendorOptions: { ports: [3] } });
    const busy = await rejectionOf(() => client.ussd({ code: '*100#', port: 3 }));
    expect(busy).toMatchObject({ vendorCode: 486, retryable: true });
    expect(await rejectionOf(() => client.ussd({ code: '*100#', port: 1 }))).toMatchObject({ vendorCode: 503, retryable: false });
    await expect(client.ussd({ code: '*'.repeat(61), port: 2 })).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('stops a task, reads the queue, and runs the port admin commands', async () => {
    simulator.network.pause();
    const [queued] = await client.send({ to: ['10086', '10087'], text: 'stop me' });
    expect((await client.admin('queue')).data).toEqual({ inQueue: 2 });
    await client.admin('stop-sms', { taskId: (queued!.raw as { taskId: number }).taskId });
    expect(await client.api.querySmsInQueue()).toBe(0);
    expect(await client.status(queued!.messageId!)).toMatchObject({ state: 'failed', rawStatus: 'FAILED' });
    const unknownTask = await rejectionOf(() => client.api.stopSms(4242));
    expect(unknownTask).toMatchObject({ vendorCode: 404 });

    const info = await client.api.getPortInfo(['imei', 'reg'], [1, 2]);
    expect(info.map((port) => [port.port, port.reg])).toEqual([
      [1, 'NO_SIM'],
      [2, 'REGISTER_OK'],
    ]);
    expect(apiRequests(simulator, 'get_port_info').at(-1)!.query).toEqual({ port: '1,2', info_type: 'imei,reg' });
    await client.admin('power-port', { port: 2, on: false });
    expect(simulator.ports[2]!.reg).toBe('POWER_OFF');
    await client.admin('power-port', { port: 2 });
    expect(simulator.ports[2]!.reg).toBe('REGISTER_OK');
    await client.admin('reset-port', { port: 3 });
    await eventually(async () => ((await client.api.getPortInfo(['reg'], [3]))[0]!.reg === 'REGISTER_OK' ? true : undefined));
    await client.admin('switch-slot', { port: 3, slot: 1 });
    expect(simulator.ports[3]!.slot).toBe(1);
    expect((await client.admin('status')).data).toMatchObject({ performance: expect.any(Object), sn: 'dc42-0b30-7a1e-5f21' });
    expect((await client.admin('cdr')).data).toMatchObject({ cdr: [] });
    expect((await client.admin('port-info', { ports: [0] })).data.ports).toHaveLength(1);
    await expect(client.admin('self-destruct')).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.admin('reset-port')).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('turns every documented error_code into a typed error through the client', async () => {
    const invalid = await rejectionOf(() => client.api.queryUssdReply([40]));
    expect(invalid).toMatchObject({ vendorCode: 400, retryable: false });
    expect(await rejectionOf(() => client.api.stopSms(31337))).toMatchObject({ vendorCode: 404 });
    simulator.faults.add({ kind: 'http-status', status: 200, body: '{"error_code":500,"sn":"x"}', path: '/api/get_port_info', count: 3 });
    const other = await rejectionOf(() => client.api.getPortInfo());
    expect(other).toBeInstanceOf(GatewayRejectedError);
    expect(other).toMatchObject({ vendorCode: 500, details: { sn: 'x' } });
    // The gateway's own limits are checked by the gateway too: a client told wrong limits gets 413 per recipient.
    const unbounded = clientFor(simulator, { sendLimits: { maxNumbers: 500 } });
    try {
      const tooMany = await rejectionOf(() => unbounded.send({ to: Array.from({ length: 129 }, (_, index) => `7000${index}`), text: 'big' }));
      expect(tooMany).toMatchObject({ vendorCode: 413, outcome: 'refused' });
      expect(await rejectionOf(() => unbounded.send({ to: ['1'], text: 'x', vendorOptions: { ports: [1] } }))).toMatchObject({ vendorCode: 550 });
      expect(simulator.network.messages.size).toBe(0);
    } finally {
      await unbounded.close();
    }
  });

  it('refuses sends it cannot build before anything goes out', async () => {
    await expect(client.send({ to: [], text: 'x' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.send({ to: ['1'], text: '' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.send({ to: ['not a number'], text: 'x' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.send({ to: ['1'], text: 'x'.repeat(1501) })).rejects.toThrow(/bytes/);
    await expect(client.send({ to: ['1'], text: 'x', vendorOptions: { textParams: 'nope' } })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(simulator.requestLog).toHaveLength(0);
  });
});

describe('DinstarClient with Basic auth', () => {
  it('sends Basic at once when configured and the box takes it', async () => {
    const simulator = await startSimulator({ authScheme: 'basic' });
    const client = clientFor(simulator, { authScheme: 'basic' });
    try {
      expect(await client.api.querySmsInQueue()).toBe(0);
      expect(simulator.requestLog).toHaveLength(1);
      expect(simulator.requestLog[0]!.headers.authorization).toMatch(/^Basic /);
    } finally {
      await client.close();
      await simulator.stop();
    }
  });
});

describe('DinstarClient failures', () => {
  let simulator: Simulator;
  const errors: SmsBridgeError[] = [];
  const results: unknown[] = [];

  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(async () => {
    await simulator.stop();
  });

  it('wrong password → auth error after one retry, thrown from send', async () => {
    const wrong = clientFor(simulator, { password: `${PASSWORD}-wrong` });
    try {
      const before = simulator.requestLog.length;
      const error = await rejectionOf(() => wrong.api.querySmsInQueue(), errors);
      expect(error).toBeInstanceOf(GatewayAuthError);
      // Bare request, answer, one retry with the new challenge.
      expect(simulator.requestLog.length - before).toBe(3);
      const sendError = await rejectionOf(() => wrong.send({ to: ['10086'], text: 'x' }), errors);
      expect(sendError).toBeInstanceOf(GatewayAuthError);
      expect(simulator.network.messages.size).toBe(0);
    } finally {
      await wrong.close();
    }
  });

  it.each([
    ['truncated JSON', { kind: 'truncated-body' as const }, /truncated/],
    ['an HTML error page', { kind: 'html-error-page' as const, status: 502 }, /HTTP 502/],
    ['an HTML page with 200', { kind: 'http-status' as const, status: 200, body: '<html><body>Login</body></html>' }, /HTML/],
    ['an empty body', { kind: 'malformed-body' as const, body: '' }, /empty body/],
    ['plain text', { kind: 'http-status' as const, status: 200, body: 'OK' }, /not JSON/],
    ['a reset mid-body', { kind: 'reset-mid-body' as const }, /middle of its answer|closed the connection/],
  ])('a read answered with %s → a typed error', async (_name, fault, message) => {
    const client = clientFor(simulator, { retry: { maxAttempts: 1 } });
    try {
      await client.api.querySmsInQueue();
      simulator.faults.add({ ...fault, path: '/api/get_port_info' });
      const error = await rejectionOf(() => client.api.getPortInfo(), errors);
      expect(['SMSB_GATEWAY_MALFORMED_RESPONSE', 'SMSB_GATEWAY_REJECTED']).toContain(error.code);
      expect(error.message).toMatch(message);
    } finally {
      await client.close();
    }
  });

  it('retries a read that failed in a repeatable way, never a refused one', async () => {
    const client = clientFor(simulator);
    try {
      await client.api.querySmsInQueue();
      simulator.faults.add({ kind: 'drop-connection', path: '/api/query_sms_in_queue' });
      expect(await client.api.querySmsInQueue()).toBe(0);
      const before = apiRequests(simulator, 'stop_sms').length;
      const error = await rejectionOf(() => client.api.stopSms(77), errors);
      expect(error).toBeInstanceOf(GatewayRejectedError);
      expect(apiRequests(simulator, 'stop_sms').length - before).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('a send whose answer is cut is unknown, and a malformed answer is typed', async () => {
    const client = clientFor(simulator);
    try {
      await client.api.querySmsInQueue();
      simulator.faults.add({ kind: 'truncated-body', path: '/api/send_sms' });
      const sent = await client.send({ to: ['10086'], text: 'cut' });
      results.push(sent);
      expect(sent[0]).toMatchObject({ accepted: false, state: 'unknown', errorCode: 'SMSB_GATEWAY_MALFORMED_RESPONSE' });
      // Every attempt the retry policy makes gets the same answer.
      simulator.faults.add({ kind: 'http-status', status: 200, body: '{"result":[]}', path: '/api/query_sms_result', count: 3 });
      const error = await rejectionOf(() => client.api.querySmsResult(), errors);
      expect(error).toBeInstanceOf(GatewayMalformedResponseError);
    } finally {
      await client.close();
    }
  });

  it('no error, detail, cause or result above holds the password', () => {
    expect(errors.length).toBeGreaterThan(8);
    const seen = JSON.stringify([...errors.map((error) => ({ message: error.message, json: error.toJSON(), cause: String(error.cause), stack: error.stack })), ...results]);
    expect(seen).not.toContain(PASSWORD);
    expect(seen).not.toContain(encodeURIComponent(PASSWORD));
  });
});
