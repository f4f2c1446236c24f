import { SpangwSimulator } from '../../../src/vendors/spangw/spangw-simulator';
import * as spangw from '../../../src/vendors/spangw';
import type { GatewayClient } from '../../../src/vendors/gateway-client';
import { GatewayAuthError, GatewayMalformedResponseError, GatewayRejectedError, InvalidRequestError, SmsBridgeError } from '../../../src/errors';
import { UndiciHttpTransport } from '../../../src/transport/undici-http-transport';
import { createVendorRegistry } from '../../../src/vendors/registry';
import { rejectionOf } from '../shared/rejection';
import { eventually } from './push-collector';

const { SpangwClient } = spangw;
type Simulator = InstanceType<typeof SpangwSimulator>;
type Client = InstanceType<typeof SpangwClient>;

const PASSWORD = 'Sup3r-S3cret-pw!';

async function startSimulator(options: ConstructorParameters<typeof SpangwSimulator>[0] = {}): Promise<Simulator> {
  const simulator = new SpangwSimulator({ accounts: [{ username: 'api', password: PASSWORD }], network: { sendDelayMs: 5, deliveryDelayMs: 5 }, ...options });
  await simulator.start();
  return simulator;
}

/** The vendor's own class (its API included), as `connect` builds it from read settings. */
function clientFor(simulator: Simulator, settings: Record<string, unknown> = {}, password = PASSWORD): Client {
  return createVendorRegistry().get('spangw').connect({ url: simulator.baseUrl, username: 'api', password, ...settings }) as Client;
}

/** A client whose reads are not repeated, so one fault shows as its error. */
function clientWithoutRetries(simulator: Simulator): Client {
  return new SpangwClient({
    transport: new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: 'spangw', secrets: [PASSWORD] }),
    ownsTransport: true,
    username: 'api',
    password: PASSWORD,
    retry: false,
  });
}

function requestBodies(simulator: Simulator, path: string): Record<string, unknown>[] {
  return simulator.requestLog.filter((entry) => entry.path === path).map((entry) => JSON.parse(entry.body) as Record<string, unknown>);
}

describe('SpangwClient against the simulator', () => {
  let simulator: Simulator;
  let client: Client;

  beforeEach(async () => {
    simulator = await startSimulator({ outboxPageSize: 2 });
    client = clientFor(simulator);
  });
  afterEach(async () => {
    await client.close();
    await simulator.stop();
  });

  it('is registered and offers the GatewayClient operations it supports', () => {
    const generic: GatewayClient = client;
    expect(generic.gateway).toBe('spangw');
    expect('status' in generic && 'admin' in generic).toBe(true);
    expect(createVendorRegistry().get('spangw').describe.document).toMatch(/^POST API for send and receive sms/);
  });

  it('lists spans', async () => {
    const spans = await client.api.getValidSpans();
    expect(spans.filter((span) => span.available).map((span) => span.port)).toEqual([1, 2, 4]);
    expect(spans[2]).toEqual({ port: 3, portName: 'gsm-1.3', available: false });
  });

  it('sends asynchronously through the available spans, one request per recipient, and follows the status to DELIVERD', async () => {
    const results = await client.send({ to: ['+447700900123', '+447700900124'], text: 'Hello €' });
    expect(results).toEqual([
      expect.objectContaining({ to: '+447700900123', accepted: true, state: 'queued', parts: 1, encoding: 'gsm7', gateway: 'spangw' }),
      expect.objectContaining({ to: '+447700900124', accepted: true, state: 'queued' }),
    ]);
    const sends = requestBodies(simulator, '/sms/send');
    expect(sends).toEqual([
      { username: 'api', password: PASSWORD, spans: [1, 2, 4], dest_num: '+447700900123', msg: 'Hello €', mode: 0 },
      { username: 'api', password: PASSWORD, spans: [1, 2, 4], dest_num: '+447700900124', msg: 'Hello €', mode: 0 },
    ]);
    const delivered = await eventually(async () => {
      const status = await client.status(results[0]!.messageId!);
      return status.state === 'delivered' ? status : undefined;
    });
    expect(delivered).toMatchObject({ rawStatus: 'DELIVERD', to: '+447700900123', gateway: 'spangw', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/) });
  });

  it('tells two texts to the same number apart, and says unknown before the outbox lists a message', async () => {
    simulator.network.pause();
    const [held] = await client.send({ to: ['+447700900123'], text: 'first' });
    expect(await client.status(held!.messageId!)).toMatchObject({ state: 'unknown', rawStatus: '' });
    simulator.network.resume();
    const [second] = await client.send({ to: ['+447700900123'], text: 'second', vendorOptions: { spans: [4] } });
    await eventually(async () => ((await client.status(second!.messageId!)).state === 'delivered' ? true : undefined));
    const first = await eventually(async () => {
      const status = await client.status(held!.messageId!);
      return status.state === 'delivered' ? status : undefined;
    });
    expect(first.raw).toMatchObject({ message: 'first' });
  });

  it('reports failed and undelivered messages', async () => {
    const results = await client.send({ to: ['+447700900666', '+447700900999'], text: 'doomed' });
    const states = await eventually(async () => {
      const statuses = await Promise.all(results.map((result) => client.status(result.messageId!)));
      return statuses.every((status) => status.state === 'failed') ? statuses : undefined;
    });
    expect(states.map((status) => status.rawStatus)).toEqual(['FAILED', 'FAILED']);
  });

  it('sends synchronously when asked and reports the module result per recipient', async () => {
    const results = await client.send({ to: ['+447700900123', '+447700900666'], text: 'sync', vendorOptions: { mode: 'sync' } });
    expect(requestBodies(simulator, '/sms/send').map((body) => body.mode)).toEqual([1, 1]);
    expect(results[0]).toMatchObject({ accepted: true, state: 'sent' });
    expect(results[1]).toMatchObject({ accepted: false, state: 'failed', errorCode: 'FAILED' });
  });

  it('counts Unicode parts with the codec', async () => {
    const [result] = await client.send({ to: ['+447700900123'], text: 'Привет, мир! '.repeat(7) });
    expect(result).toMatchObject({ encoding: 'ucs2', parts: 2 });
  });

  it('throws when the first recipient is refused (nothing reached the gateway), and when no span is available at all', async () => {
    const refused = await rejectionOf(() => client.send({ to: ['+447700900123', '+447700900124'], text: 'x', vendorOptions: { spans: [3] } }));
    expect(refused).toBeInstanceOf(GatewayRejectedError);
    expect(refused).toMatchObject({ vendorCode: 503, outcome: 'refused' });
    expect(requestBodies(simulator, '/sms/send')).toHaveLength(1);
    for (const span of simulator.spans) span.available = false;
    const error = await rejectionOf(() => client.send({ to: ['+447700900123'], text: 'x' }));
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect(error).toMatchObject({ vendorCode: 'NO_SPAN', retryable: true, outcome: 'not-sent' });
    expect(requestBodies(simulator, '/sms/send')).toHaveLength(1);
  });

  it('refuses requests it cannot build', async () => {
    await expect(client.send({ to: [], text: 'x' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.send({ to: ['+447700900123'], text: '' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.send({ to: ['+447700900123'], text: 'x', vendorOptions: { spans: ['a'] } })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.send({ to: ['abc'], text: 'x' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.status('not-an-id')).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client.admin('reboot')).rejects.toBeInstanceOf(InvalidRequestError);
    // Not even the span lookup went out.
    expect(simulator.requestLog).toHaveLength(0);
  });

  it('reads the outbox page by page with filters in four-digit-year local time', async () => {
    for (let index = 0; index < 5; index += 1) await client.send({ to: [`+44770090010${index}`], text: `n${index}` });
    await eventually(() => ([...simulator.network.messages.values()].every((message) => message.state === 'delivered') ? true : undefined));
    const page2 = await client.api.getOutbox({ page: 2 });
    expect(page2.entries).toHaveLength(2);
    expect(page2.entries.every((entry) => entry.status === 'DELIVERD' && entry.state === 'delivered')).toBe(true);
    expect(await client.api.listOutbox()).toHaveLength(5);
    expect(await client.api.listOutbox({}, 2)).toHaveLength(4);
    const since = new Date(Date.UTC(2020, 0, 2, 3, 4, 5));
    const filtered = await client.api.getOutbox({ phoneNumber: '+447700900103', from: since, to: new Date(Date.UTC(2999, 0, 1)) });
    expect(filtered.entries.map((entry) => entry.message)).toEqual(['n3']);
    expect(requestBodies(simulator, '/smsoutbox/get').at(-1)).toMatchObject({
      current_page: 1,
      phone_number_filter: '+447700900103',
      start_datetime_filter: '2020-01-02 03:04:05',
      end_datetime_filter: '2999-01-01 00:00:00',
    });
  });

  it('gets and sets the push configuration, also through admin under the document\'s field names', async () => {
    const config = await client.api.getPushConfig();
    expect(config.enabled).toBe(false);
    await client.api.setPushConfig({ ...config, enabled: true, host: 'hooks.example.org', names: { ...config.names, status: 'st' } });
    expect(await client.api.getPushConfig()).toMatchObject({ enabled: true, host: 'hooks.example.org', names: { status: 'st' } });
    const viaAdmin = await client.admin('set-push-config', { reports_enable: true, url_host: 'push.example.org', url_port: '8443', url_from_num: 'src' });
    expect(viaAdmin.data.config).toMatchObject({ enabled: true, reportsEnabled: true, host: 'push.example.org', port: '8443', names: { fromNumber: 'src', status: 'st' } });
    // Every field goes out, the ones given and the ones kept.
    expect(requestBodies(simulator, '/smsoutbox/set_config').at(-1)).toEqual({
      username: 'api',
      password: PASSWORD,
      enable: 1,
      reports_enable: 1,
      results_enable: 0,
      url_http: 'http',
      url_host: 'push.example.org',
      url_port: '8443',
      url_path: '/',
      url_from_num: 'src',
      url_to_num: 'to',
      url_portname: 'portname',
      url_message: 'message',
      url_time: 'time',
      url_imsi: 'imsi',
      url_status: 'st',
      url_user_defined: '',
    });
    expect((await client.admin('get-push-config')).data.config).toMatchObject({ reportsEnabled: true, host: 'push.example.org' });
    expect((await client.admin('spans')).data.spans).toHaveLength(4);
    expect((await client.admin('outbox', { page: '1' })).data).toMatchObject({ page: 1, entries: [] });
    // The camelCase model names are not the document's: refused by name, nothing sent.
    const before = requestBodies(simulator, '/smsoutbox/set_config').length;
    await expect(client.admin('set-push-config', { host: 'x' })).rejects.toThrow(/"host" does not exist: use enable, reports_enable/);
    expect(requestBodies(simulator, '/smsoutbox/set_config')).toHaveLength(before);
  });

  it('puts function parameters under data when configured', async () => {
    const nested = clientFor(simulator, { parameterPlacement: 'data' });
    try {
      await nested.send({ to: ['+447700900123'], text: 'nested' });
      expect(requestBodies(simulator, '/sms/send').at(-1)).toEqual({
        username: 'api',
        password: PASSWORD,
        data: { spans: [1, 2, 4], dest_num: '+447700900123', msg: 'nested', mode: 0 },
      });
    } finally {
      await nested.close();
    }
  });
});

describe('SpangwClient success codes', () => {
  it('accepts 0 by default and any configured code', async () => {
    const simulator = await startSimulator({ successCode: 0 });
    const client = clientFor(simulator);
    try {
      expect(await client.api.getValidSpans()).toHaveLength(4);
      simulator.successCode = 7;
      const error = await rejectionOf(() => client.api.getValidSpans());
      expect(error).toBeInstanceOf(GatewayRejectedError);
      expect(error.message).toMatch(/add it to the accepted success codes/);
      const configured = clientFor(simulator, { successCodes: [7] });
      expect(await configured.api.getValidSpans()).toHaveLength(4);
      await configured.close();
    } finally {
      await client.close();
      await simulator.stop();
    }
  });
});

describe('SpangwClient failures', () => {
  let simulator: Simulator;
  const errors: unknown[] = [];
  const results: unknown[] = [];

  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(async () => {
    await simulator.stop();
  });

  function expectNoPasswordSeen(): void {
    // Nothing a user can see — message, details, cause, JSON, send results — holds the password.
    const seen = JSON.stringify([
      ...errors.map((error) => ({ message: (error as Error).message, json: (error as SmsBridgeError).toJSON(), cause: String((error as Error).cause), stack: (error as Error).stack })),
      ...results,
    ]);
    expect(errors.length).toBeGreaterThan(8);
    expect(seen).not.toContain(PASSWORD);
    expect(seen).not.toContain(encodeURIComponent(PASSWORD));
  }

  async function expectError<T extends SmsBridgeError>(type: new (...args: never[]) => T, run: () => Promise<unknown>): Promise<T> {
    const error = await rejectionOf(run, errors);
    expect(error).toBeInstanceOf(type);
    return error as T;
  }

  it('wrong credentials → auth error, thrown from send when nothing was accepted', async () => {
    const wrong = clientFor(simulator, {}, `${PASSWORD}-wrong`);
    try {
      await expectError(GatewayAuthError, () => wrong.api.getValidSpans());
      await expectError(GatewayAuthError, () => wrong.send({ to: ['+447700900123'], text: 'x', vendorOptions: { spans: [1] } }));
    } finally {
      await wrong.close();
    }
  });

  it.each([
    ['truncated JSON', { kind: 'truncated-body' as const }, /truncated/],
    ['an HTML error page', { kind: 'html-error-page' as const, status: 502 }, /HTTP 502/],
    ['an HTML page with 200', { kind: 'http-status' as const, status: 200, body: '<!DOCTYPE html><html><body>Login</body></html>' }, /HTML/],
    ['an empty body', { kind: 'malformed-body' as const, body: '' }, /empty body/],
    ['plain text', { kind: 'http-status' as const, status: 200, body: 'OK' }, /not JSON/],
    ['a reset mid-body', { kind: 'reset-mid-body' as const }, /middle of its answer|closed the connection/],
    ['a dropped connection', { kind: 'drop-connection' as const }, /closed the connection/],
  ])('a read answered with %s → a typed error', async (_name, fault, message) => {
    const client = clientWithoutRetries(simulator);
    try {
      simulator.faults.add({ ...fault, path: '/sms/get_valid_spans' });
      const error = await rejectionOf(() => client.api.getValidSpans(), errors);
      expect(['SMSB_GATEWAY_MALFORMED_RESPONSE', 'SMSB_GATEWAY_REJECTED']).toContain(error.code);
      expect(error.message).toMatch(message);
    } finally {
      await client.close();
    }
  });

  it('a send whose answer is lost is reported unknown on that recipient, never resent', async () => {
    const client = clientFor(simulator);
    try {
      simulator.faults.add({ kind: 'reset-mid-body', path: '/sms/send' });
      const before = simulator.network.messages.size;
      const sent = await client.send({ to: ['+447700900123', '+447700900124'], text: 'lost answer', vendorOptions: { spans: [1] } });
      results.push(sent);
      expect(sent[0]).toMatchObject({ accepted: false, state: 'unknown', errorCode: 'SMSB_GATEWAY_MALFORMED_RESPONSE', messageId: expect.stringMatching(/^\+447700900123\|/) });
      expect(sent[1]).toMatchObject({ accepted: true, state: 'queued' });
      expect(simulator.network.messages.size - before).toBe(2);
    } finally {
      await client.close();
    }
  });

  it('a refused auth fault and a truncated send answer keep the password out too', async () => {
    const client = clientWithoutRetries(simulator);
    try {
      simulator.faults.add({ kind: 'auth-refused', path: '/sms/get_valid_spans' });
      await expectError(GatewayAuthError, () => client.api.getValidSpans());
      simulator.faults.add({ kind: 'truncated-body', path: '/smsoutbox/get' });
      await expectError(GatewayMalformedResponseError, () => client.api.getOutbox());
    } finally {
      await client.close();
    }
  });

  it('no error, detail, cause or result above holds the password', () => {
    expectNoPasswordSeen();
  });
});
