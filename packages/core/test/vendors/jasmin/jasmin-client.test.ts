import { GatewayAuthError, GatewayRejectedError, InvalidRequestError } from '../../../src/errors';
import { ManualClock } from '../../../src/testing/manual-clock';
import { UndiciHttpTransport } from '../../../src/transport/undici-http-transport';
import * as jasmin from '../../../src/vendors/jasmin';
import { JasminSimulator } from '../../../src/vendors/jasmin/jasmin-simulator';
import { expectNoSecretIn, rejectionOf } from '../shared/rejection';
import { eventually, PushReceiverServer } from '../routesms/push-receiver-server';

const { JasminClient, receiveJasminBatchCallback, receiveJasminDlr } = jasmin;
type Client = InstanceType<typeof JasminClient>;
type Simulator = InstanceType<typeof JasminSimulator>;

const PASSWORD = 'pa:ss wörd+/=';
const TOKEN = Buffer.from(`acme:${PASSWORD}`).toString('base64');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let simulator: Simulator;
let client: Client;
const errorsSeen: unknown[] = [];

function newClient(overrides: Partial<ConstructorParameters<typeof JasminClient>[0]> = {}): Client {
  return new JasminClient({
    baseUrl: overrides.baseUrl ?? simulator.baseUrl,
    username: 'acme',
    password: PASSWORD,
    defaultFrom: 'ACME',
    retry: { initialDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  });
}

const failure = (promise: Promise<unknown>) => rejectionOf(promise, errorsSeen);

const lastBody = () => JSON.parse(simulator.requestLog[simulator.requestLog.length - 1]!.body) as Record<string, unknown>;
const lastRequest = () => simulator.requestLog[simulator.requestLog.length - 1]!;

beforeEach(async () => {
  simulator = new JasminSimulator({ accounts: [{ username: 'acme', password: PASSWORD }], noRoutePrefixes: ['4479'], network: { sendDelayMs: 2, deliveryDelayMs: 2 } });
  await simulator.start();
  client = newClient();
});

afterEach(async () => {
  await client.close();
  await simulator.stop();
});

afterAll(() => {
  expect(errorsSeen.length).toBeGreaterThan(10);
  expectNoSecretIn(errorsSeen, [PASSWORD, TOKEN]);
});

describe('JasminClient against the simulator', () => {
  it('sends GSM text as content with Basic auth', async () => {
    const [result] = await client.send({ to: ['+1 901 223 3451'], text: 'Hello' });
    expect(result).toMatchObject({ to: '19012233451', accepted: true, state: 'queued', encoding: 'gsm7', parts: 1, gateway: 'jasmin' });
    expect(result!.messageId).toMatch(UUID);
    expect(lastRequest().headers.authorization).toBe(`Basic ${TOKEN}`);
    expect(lastRequest().headers['content-type']).toBe('application/json');
    expect(lastBody()).toEqual({ to: '19012233451', from: 'ACME', content: 'Hello' });
    expect(simulator.network.get(result!.messageId!)!.text).toBe('Hello');
  });

  it('sends Unicode as coding 8 + hex_content, never as content', async () => {
    const [result] = await client.send({ to: ['971509001000'], text: 'أرنب 👋' });
    expect(lastBody()).toEqual({ to: '971509001000', from: 'ACME', coding: 8, hex_content: '06230631064606280020D83DDC4B' });
    expect(result).toMatchObject({ encoding: 'ucs2', parts: 1 });
    expect(simulator.network.get(result!.messageId!)!.text).toBe('أرنب 👋');
    await client.send({ to: ['971509001000'], text: 'plain', encoding: 'ucs2' });
    expect(lastBody()).toMatchObject({ coding: 8, hex_content: '0070006C00610069006E' });
  });

  it('transliterates when GSM-7 is forced', async () => {
    await client.send({ to: ['971509001000'], text: 'Grüße “quoted”', encoding: 'gsm7' });
    const body = lastBody();
    expect(body).toHaveProperty('content');
    expect(body).not.toHaveProperty('hex_content');
  });

  it('sends binary from vendor options', async () => {
    const [result] = await client.send({ to: ['971509001000'], text: '', vendorOptions: { hex_content: '0b05040b8423f0', coding: 4 } });
    expect(lastBody()).toEqual({ to: '971509001000', from: 'ACME', coding: 4, hex_content: '0B05040B8423F0' });
    expect(result).toMatchObject({ accepted: true, encoding: '8bit' });
  });

  it('one /secure/send per recipient; a destination without route is refused on its own', async () => {
    const results = await client.send({ to: ['447700900001', '447912345678', '447700900003'], text: 'Hi' });
    expect(results.map((r) => [r.to, r.accepted, r.errorCode ?? null])).toEqual([
      ['447700900001', true, null],
      ['447912345678', false, 'no-route'],
      ['447700900003', true, null],
    ]);
    expect(results[1]!.errorMessage).toMatch(/route/);
  });

  it('asks for DLRs with the configured URL, level and method', async () => {
    const withDlr = newClient({ dlr: { url: 'http://127.0.0.1:9/dlr', level: 3, method: 'GET' } });
    try {
      await withDlr.send({ to: ['19012233451'], text: 'x', validityMinutes: 30 });
      expect(lastBody()).toMatchObject({ dlr: 'yes', 'dlr-url': 'http://127.0.0.1:9/dlr', 'dlr-level': 3, 'dlr-method': 'GET', 'validity-period': 30 });
      await withDlr.send({ to: ['19012233451'], text: 'x', statusReport: false });
      expect(lastBody()).not.toHaveProperty('dlr');
    } finally {
      await withDlr.close();
    }
    await client.send({ to: ['19012233451'], text: 'x', vendorOptions: { dlr_url: 'http://127.0.0.1:9/other', dlr_level: 2 } });
    expect(lastBody()).toMatchObject({ dlr: 'yes', 'dlr-url': 'http://127.0.0.1:9/other', 'dlr-level': 2 });
    await expect(client.send({ to: ['19012233451'], text: 'x', statusReport: true })).rejects.toThrow(/dlr_url/);
  });

  it('refuses bad numbers before sending', async () => {
    await expect(client.send({ to: ['call me'], text: 'x' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.send({ to: [], text: 'x' })).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('schedules through sendbatch with schedule_at in seconds', async () => {
    const at = new Date(Date.now() + 86_400_000);
    const results = await client.send({ to: ['447700900001', '447700900002'], text: 'Good morning !', scheduleAt: at });
    expect(lastRequest().path).toBe('/secure/sendbatch');
    const body = lastBody() as { messages: unknown[]; batch_config: { schedule_at: string } };
    expect(body.messages).toEqual([{ to: ['447700900001', '447700900002'], from: 'ACME', content: 'Good morning !' }]);
    expect(body.batch_config.schedule_at).toMatch(/^\d+s$/);
    expect(Math.abs(Number.parseInt(body.batch_config.schedule_at, 10) - 86_400)).toBeLessThanOrEqual(2);
    expect(results.every((r) => r.accepted && r.state === 'queued' && r.messageId === undefined)).toBe(true);
    expect(results[0]!.raw).toMatchObject({ batchId: expect.stringMatching(UUID), messageCount: 2, scheduled: expect.stringMatching(/^\d+s$/) });
    expect(simulator.network.messages.size).toBe(0);
  });

  it('sends a batch with globals and follows it through callbacks', async () => {
    const receiver = new PushReceiverServer((call) => {
      const receipt = receiveJasminBatchCallback({ method: call.method, query: call.query });
      return { status: receipt.answer.status, body: receipt.answer.body };
    });
    const url = await receiver.start('/batch');
    try {
      const accepted = await client.api.sendBatch({
        globals: { from: 'Brand2' },
        messages: [
          { from: 'Brand1', to: ['55555551', '55555552'], text: 'Message 1' },
          { to: '4479000001', text: 'No route' },
        ],
        callbackUrl: `${url}/ok`,
        errbackUrl: `${url}/err`,
      });
      expect(accepted).toEqual({ batchId: expect.stringMatching(UUID), messageCount: 3 });
      await eventually(() => receiver.calls.length === 3);
      const events = receiver.calls.map((call) => receiveJasminBatchCallback({ query: call.query }).event!);
      expect(events.every((event) => event.batchId === accepted.batchId)).toBe(true);
      expect(events.filter((event) => event.succeeded).map((event) => event.to).sort()).toEqual(['55555551', '55555552']);
      expect(events.filter((event) => event.succeeded).every((event) => UUID.test(event.messageId ?? ''))).toBe(true);
      expect(events.find((event) => !event.succeeded)).toMatchObject({ to: '4479000001', statusText: 'HTTPAPI error: Error "No route found' });
    } finally {
      await simulator.pushes.settle();
      await receiver.stop();
    }
  });

  it('DLRs pushed by the simulator arrive as DeliveryStatus and are acknowledged', async () => {
    const receiver = new PushReceiverServer((call) => {
      const receipt = receiveJasminDlr({ method: call.method, query: call.query, body: call.body, contentType: call.contentType });
      return { status: receipt.answer.status, body: receipt.answer.body };
    });
    const url = await receiver.start('/dlr');
    const withDlr = newClient({ dlr: { url, level: 3 } });
    try {
      const [result] = await withDlr.send({ to: ['19012233451'], text: 'x' });
      await eventually(() => simulator.dlrAttempts.length === 2);
      const statuses = receiver.calls.map((call) => receiveJasminDlr({ method: call.method, body: call.body, contentType: call.contentType }).status!);
      expect(statuses.map((s) => [s.messageId, s.state])).toEqual([
        [result!.messageId, 'sent'],
        [result!.messageId, 'delivered'],
      ]);
      expect(simulator.dlrAttempts.every((attempt) => attempt.acknowledged)).toBe(true);
    } finally {
      await withDlr.close();
      await simulator.pushes.settle();
      await receiver.stop();
    }
  });

  it('balance, rate, ping and the admin commands', async () => {
    expect(await client.api.balance()).toEqual({ balance: 1000.23, raw: { balance: 1000.23, sms_count: 'ND' } });
    expect(await client.api.rate({ to: '19012233451', text: 'a'.repeat(200) })).toMatchObject({ submitSmCount: 2, unitRate: 2.8 });
    expect(lastRequest().query).toMatchObject({ to: '19012233451' });
    // Older REST servers read the rate parameters from the GET body: they travel there too.
    expect(JSON.parse(lastRequest().body)).toEqual({ to: '19012233451', content: 'a'.repeat(200) });
    expect((await client.api.rate({ to: '19012233451', text: 'ж'.repeat(71) })).submitSmCount).toBe(2);
    expect(lastRequest().query).toMatchObject({ coding: '8' });
    expect(await client.api.ping()).toBe('Jasmin/PONG');
    expect(lastRequest().headers.authorization).toBeUndefined();
    expect(await client.admin('ping')).toEqual({ command: 'ping', ok: true, gateway: 'jasmin', data: { answer: 'Jasmin/PONG' } });
    expect((await client.admin('balance')).data).toMatchObject({ balance: 1000.23 });
    expect((await client.admin('rate', { to: '19012233451', text: 'x' })).data).toMatchObject({ submitSmCount: 1 });
    await expect(client.admin('reboot')).rejects.toBeInstanceOf(InvalidRequestError);
  });
});

describe('JasminClient and every documented error', () => {
  it('wrong credentials: 403 on send and balance, 412 on sendbatch, all GatewayAuthError', async () => {
    const wrong = newClient({ password: 'wrong' });
    try {
      for (const call of [wrong.send({ to: ['19012233451'], text: 'x' }), wrong.api.balance(), wrong.api.sendBatch({ messages: [{ to: '1', text: 'x' }] }), wrong.api.rate({ to: '19012233451', text: 'x' })]) {
        const error = await failure(call);
        expect(error).toBeInstanceOf(GatewayAuthError);
        expect(error.retryable).toBe(false);
      }
    } finally {
      await wrong.close();
    }
  });

  it('an unknown argument (400)', async () => {
    const error = await failure(client.send({ to: ['19012233451'], text: 'x', vendorOptions: { foo: 1 } }));
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect(error.details).toMatchObject({ vendorCode: 'unknown-argument', httpStatus: 400 });
  });

  it('no route on a single send (412) is a refused result', async () => {
    const [result] = await client.send({ to: ['447912345678'], text: 'x' });
    expect(result).toMatchObject({ accepted: false, state: 'failed', errorCode: 'no-route' });
  });

  it('a schedule Jasmin reads as past (412)', async () => {
    await simulator.stop();
    simulator = new JasminSimulator({ accounts: [{ username: 'acme', password: PASSWORD }], serverTimeZone: 'Asia/Dubai' });
    await simulator.start();
    const mismatched = newClient({ schedule: { form: 'absolute', serverTimeZone: 'UTC' } });
    try {
      const error = await failure(mismatched.api.sendBatch({ messages: [{ to: '1', text: 'x' }], scheduleAt: new Date(Date.now() + 3_600_000) }));
      expect(error.details).toMatchObject({ vendorCode: 'schedule-in-past', httpStatus: 412 });
    } finally {
      await mismatched.close();
    }
    await expect(client.api.sendBatch({ messages: [{ to: '1', text: 'x' }], scheduleAt: new Date(Date.now() - 1000) })).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('insufficient balance (403 charge) is a refusal, not an auth error', async () => {
    simulator.balance = 0;
    const error = await failure(client.send({ to: ['19012233451'], text: 'x' }));
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect(error.details.vendorCode).toBe('insufficient-balance');
  });

  it('a wrong base path (404)', async () => {
    const lost = newClient({ baseUrl: `${simulator.baseUrl}/api` });
    try {
      const error = await failure(lost.api.balance());
      expect(error.details).toMatchObject({ vendorCode: 'not-found', httpStatus: 404 });
    } finally {
      await lost.close();
    }
  });

  it('401 when the Basic header does not reach Jasmin (a proxy stripping it)', async () => {
    const real = new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: 'jasmin', secrets: [PASSWORD, TOKEN] });
    const stripping = {
      request: (request: Parameters<typeof real.request>[0]) => {
        const { authorization: _dropped, ...headers } = request.headers ?? {};
        return real.request({ ...request, headers });
      },
      close: () => real.close(),
    };
    const stripped = newClient({ transport: stripping });
    try {
      const error = await failure(stripped.api.balance());
      expect(error).toBeInstanceOf(GatewayAuthError);
      expect(error.details).toMatchObject({ httpStatus: 401 });
      expect(error.message).toMatch(/Basic/);
    } finally {
      await stripped.close();
      await real.close();
    }
  });

  it('a username that cannot travel in a Basic header is refused', () => {
    expect(() => newClient({ username: 'a:b' })).toThrow(InvalidRequestError);
  });
});

describe('JasminClient and bad answers', () => {
  it.each([
    ['an HTML error page', { kind: 'html-error-page' as const, status: 502 }],
    ['a truncated JSON body', { kind: 'truncated-body' as const }],
    ['an empty body', { kind: 'http-status' as const, status: 200, body: '' }],
    ['a non-JSON body', { kind: 'malformed-body' as const, body: 'Jasmin/PONG' }],
    ['an HTML body with status 200', { kind: 'malformed-body' as const, body: '<html><body>Login</body></html>' }],
    ['a reset in the middle of the body', { kind: 'reset-mid-body' as const }],
    ['a 500 without a body', { kind: 'http-500' as const }],
  ])('%s: Jasmin may have sent it, so the recipient is unknown, never resubmitted', async (_name, fault) => {
    simulator.faults.add(fault);
    const before = simulator.requestLog.length;
    const results = await client.send({ to: ['19012233451'], text: 'x' });
    expect(results).toEqual([expect.objectContaining({ to: '19012233451', accepted: false, state: 'unknown', errorCode: 'SMSB_GATEWAY_MALFORMED_RESPONSE' })]);
    expect(simulator.requestLog.length - before).toBe(1);
    errorsSeen.push({ message: results[0]!.errorMessage, raw: results[0]!.raw });
  });

  it('a reset on a later recipient: reported unknown, earlier sends kept', async () => {
    const real = new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: 'jasmin', secrets: [PASSWORD, TOKEN] });
    let calls = 0;
    const transport = {
      request: (request: Parameters<typeof real.request>[0]) => {
        calls += 1;
        if (calls === 2) simulator.faults.add({ kind: 'reset-mid-body' });
        return real.request(request);
      },
      close: () => real.close(),
    };
    const wrapped = newClient({ transport });
    try {
      const results = await wrapped.send({ to: ['447700900001', '447700900002'], text: 'x' });
      expect(results.map((r) => [r.accepted, r.state])).toEqual([
        [true, 'queued'],
        [false, 'unknown'],
      ]);
      errorsSeen.push({ message: results[1]!.errorMessage });
    } finally {
      await wrapped.close();
      await real.close();
    }
  });

  it('reads are retried after a reset, sends are not', async () => {
    simulator.faults.add({ kind: 'reset-mid-body', path: '/secure/balance' });
    expect((await client.api.balance()).balance).toBe(1000.23);
    expect(simulator.requestLog.filter((entry) => entry.path === '/secure/balance')).toHaveLength(2);
  });

  it('a gateway that is not there', async () => {
    const baseUrl = simulator.baseUrl;
    await simulator.stop();
    const gone = newClient({ baseUrl });
    try {
      expect((await failure(gone.send({ to: ['19012233451'], text: 'x' }))).code).toBe('SMSB_GATEWAY_UNREACHABLE');
    } finally {
      await gone.close();
    }
  });
});

describe('JasminClient: one outcome rule for every recipient (settleSend)', () => {
  function armedAt(at: number, arm: () => void) {
    const real = new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: 'jasmin', secrets: [PASSWORD, TOKEN] });
    let calls = 0;
    let closed = 0;
    return {
      transport: {
        request: (request: Parameters<typeof real.request>[0]) => {
          calls += 1;
          if (calls === at) arm();
          return real.request(request);
        },
        close: async () => {
          closed += 1;
        },
      },
      closedCount: () => closed,
      realClose: () => real.close(),
    };
  }

  it('a refusal of the first recipient throws: nothing was sent', async () => {
    simulator.balance = 0;
    const before = simulator.requestLog.length;
    const error = await failure(client.send({ to: ['447700900001', '447700900002'], text: 'x' }));
    expect(error).toMatchObject({ vendorCode: 'insufficient-balance', outcome: 'refused', httpStatus: 403 });
    expect(simulator.requestLog.length - before).toBe(1);
  });

  it('wrong credentials on a later recipient stop the rest: "Not sent", never tried', async () => {
    const armed = armedAt(2, () => simulator.faults.add({ kind: 'auth-refused' }));
    const wrapped = newClient({ transport: armed.transport });
    try {
      const before = simulator.requestLog.length;
      const results = await wrapped.send({ to: ['447700900001', '447700900002', '447700900003'], text: 'x' });
      expect(results.map((r) => [r.state, r.errorCode ?? null])).toEqual([
        ['queued', null],
        ['failed', 'SMSB_GATEWAY_AUTH'],
        ['failed', 'SMSB_GATEWAY_AUTH'],
      ]);
      expect(results[2]!.errorMessage).toMatch(/^Not sent: /);
      expect(simulator.requestLog.length - before).toBe(2);
    } finally {
      await wrapped.close();
      expect(armed.closedCount()).toBe(0);
      await armed.realClose();
    }
  });

  it('binary content replaces the text: a text beside it, or a coding without it, is refused before sending', async () => {
    const before = simulator.requestLog.length;
    await expect(client.send({ to: ['971509001000'], text: 'ignored?', vendorOptions: { hex_content: '0b05' } })).rejects.toThrow(/either a text or "hex_content"/);
    await expect(client.send({ to: ['971509001000'], text: 'x', vendorOptions: { coding: 8 } })).rejects.toThrow(/"coding" goes with "hex_content"/);
    await expect(client.send({ to: ['971509001000'], text: 'x', statusReport: false, vendorOptions: { dlr_url: 'http://127.0.0.1:9/d' } })).rejects.toThrow(/statusReport is false/);
    expect(simulator.requestLog.length).toBe(before);
  });
});

describe('JasminClient: throttling honours Retry-After as given', () => {
  it('a Retry-After longer than the wait budget is thrown at once with retryAfterMs', async () => {
    const patient = newClient({ retry: {} });
    try {
      simulator.faults.add({ kind: 'http-status', status: 429, headers: { 'retry-after': '3600' } });
      const before = simulator.requestLog.length;
      const error = await failure(patient.send({ to: ['19012233451'], text: 'x' }));
      expect(error).toMatchObject({ code: 'SMSB_GATEWAY_RATE_LIMITED', outcome: 'not-sent', httpStatus: 429, retryAfterMs: 3_600_000 });
      expect(simulator.requestLog.length - before).toBe(1);
    } finally {
      await patient.close();
    }
  });

  it('a short Retry-After is waited for exactly (on the Clock), not 0.5 s or 1 s', async () => {
    const clock = new ManualClock();
    const patient = newClient({ retry: {}, clock });
    try {
      simulator.faults.add({ kind: 'http-status', status: 429, headers: { 'retry-after': '3' } });
      const before = simulator.requestLog.length;
      const sending = patient.send({ to: ['19012233451'], text: 'x' });
      await eventually(() => simulator.requestLog.length - before === 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      clock.advance(2_999);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(simulator.requestLog.length - before).toBe(1);
      clock.advance(1);
      const [result] = await sending;
      expect(result).toMatchObject({ accepted: true, state: 'queued' });
      expect(simulator.requestLog.length - before).toBe(2);
    } finally {
      await patient.close();
    }
  });
});

describe('JasminClient.verify', () => {
  it('verified by the balance call, which sends nothing', async () => {
    const verdict = await client.verify();
    expect(verdict).toEqual({ status: 'verified', message: expect.stringMatching(/Jasmin accepted the user "acme"/) });
    expect(lastRequest().path).toBe('/secure/balance');
    expect(simulator.network.messages.size).toBe(0);
  });

  it('failed with the error for a wrong password or a gateway that is not there', async () => {
    const wrong = newClient({ password: 'wrong' });
    try {
      const verdict = await wrong.verify();
      expect(verdict.status).toBe('failed');
      if (verdict.status === 'failed') {
        expect(verdict.error).toBeInstanceOf(GatewayAuthError);
        errorsSeen.push(verdict.error);
      }
    } finally {
      await wrong.close();
    }
    const baseUrl = simulator.baseUrl;
    await simulator.stop();
    const gone = newClient({ baseUrl, retry: false });
    try {
      const verdict = await gone.verify();
      expect(verdict).toMatchObject({ status: 'failed', error: expect.objectContaining({ code: 'SMSB_GATEWAY_UNREACHABLE' }) });
    } finally {
      await gone.close();
    }
  });
});
