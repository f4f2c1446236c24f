import { inspect } from 'node:util';
import {
  GatewayAuthError,
  GatewayMalformedResponseError,
  GatewayRateLimitedError,
  GatewayRejectedError,
  GatewayTimeoutError,
  GatewayUnreachableError,
  SmsBridgeError,
} from '../../../src/errors';
import type { FaultSpec } from '../../../src/simulator';
import { DiafaanClient, type DiafaanClientOptions } from '../../../src/vendors/diafaan';
import { DiafaanSimulator } from '../../../src/vendors/diafaan/diafaan-simulator';
import { ManualClock } from '../../../src/testing/manual-clock';

const PASSWORD = 'Pa$$ w0rd+&=/%é';
const SPELLINGS = [PASSWORD, encodeURIComponent(PASSWORD), encodeURIComponent(PASSWORD).replace(/%20/g, '+'), 'w0rd'];

function expectNoPassword(error: unknown): void {
  const texts = [
    (error as Error).message,
    JSON.stringify(error),
    JSON.stringify((error as SmsBridgeError).details),
    JSON.stringify((error as Error).cause ?? null),
    inspect(error, { depth: 10 }),
    String((error as Error).stack),
  ];
  for (const text of texts) for (const spelling of SPELLINGS) expect(text).not.toContain(spelling);
}

describe('DiafaanClient failure modes', () => {
  let clock: ManualClock;
  let simulator: DiafaanSimulator;
  const clients: DiafaanClient[] = [];
  const client = (extra: Partial<DiafaanClientOptions> = {}) => {
    const created = new DiafaanClient({ baseUrl: simulator.baseUrl, username: 'admin', password: PASSWORD, ...extra });
    clients.push(created);
    return created;
  };

  beforeEach(async () => {
    clock = new ManualClock();
    simulator = new DiafaanSimulator({ clock, accounts: [{ username: 'admin', password: PASSWORD }], serverCommandsEnabled: true });
    await simulator.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((created) => created.close()));
    await simulator.stop();
  });

  const send = (diafaan: DiafaanClient) => diafaan.send({ to: ['+447700900123'], text: 'x' });
  const sendMessage = (diafaan: DiafaanClient) => diafaan.api.sendMessage({ to: '+447700900123', message: 'x' });
  const failureOf = async (operation: Promise<unknown>) => {
    const outcome = await operation.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(SmsBridgeError);
    return outcome as SmsBridgeError;
  };

  const faultCases: [string, FaultSpec, new (...args: never[]) => SmsBridgeError, RegExp, boolean][] = [
    ['HTTP 500', { kind: 'http-500' }, GatewayRejectedError, /HTTP 500.*may or may not have been accepted/, false],
    ['an HTML error page', { kind: 'html-error-page', status: 502 }, GatewayRejectedError, /HTTP 502 \(an HTML error page/, false],
    ['an HTML page with HTTP 200', { kind: 'http-status', status: 200, body: '<!DOCTYPE html><html><body>Login</body></html>' }, GatewayMalformedResponseError, /HTML page/, false],
    ['an empty body', { kind: 'http-status', status: 200, body: '' }, GatewayMalformedResponseError, /empty body/, false],
    ['a dropped connection', { kind: 'drop-connection' }, GatewayMalformedResponseError, /closed the connection before answering/, false],
    ['a reset in the middle of the body', { kind: 'reset-mid-body' }, GatewayMalformedResponseError, /in the middle of its answer/, false],
    ['a truncated body', { kind: 'truncated-body' }, GatewayMalformedResponseError, /cut off/, false],
    ['a garbage body', { kind: 'malformed-body', body: 'Hello? username=admin&password=' + encodeURIComponent(PASSWORD) }, GatewayMalformedResponseError, /neither OK nor ERROR/, false],
    ['refused credentials', { kind: 'auth-refused' }, GatewayAuthError, /304 Authentication error/, false],
  ];

  describe.each(['GET', 'POST'] as const)('over %s', (method) => {
    it.each(faultCases)('types %s on send-message, never retryable, never showing the password', async (_name, fault, type, message, retryable) => {
      simulator.faults.add({ ...fault, path: '/http/send-message' });
      const error = await failureOf(sendMessage(client({ method })));
      expect(error).toBeInstanceOf(type);
      expect(error.message).toMatch(message);
      expect(error.retryable).toBe(retryable);
      expectNoPassword(error);
    });

    it.each(faultCases)('makes %s of a send the recipient\'s result (unknown when the server may have queued it), or throws when it refused', async (_name, fault, type, message) => {
      simulator.faults.add({ ...fault, path: '/http/send-message' });
      const outcome = await send(client({ method })).then(
        (results) => results,
        (error: unknown) => error,
      );
      if (type === GatewayAuthError) {
        expect(outcome).toBeInstanceOf(GatewayAuthError);
        expect((outcome as SmsBridgeError).outcome).toBe('refused');
        expectNoPassword(outcome);
        return;
      }
      const [result] = outcome as Awaited<ReturnType<typeof send>>;
      expect(result).toMatchObject({ accepted: false, state: 'unknown', raw: { error: { name: type.name, outcome: 'maybe-sent' } } });
      expect(result!.errorMessage).toMatch(message);
      for (const spelling of SPELLINGS) expect(JSON.stringify(result)).not.toContain(spelling);
    });
  });

  it('makes the same faults retryable for idempotent reads', async () => {
    const diafaan = client({ method: 'GET' });
    simulator.faults.add({ kind: 'reset-mid-body', path: '/http/request-server-status' });
    const reset = await failureOf(diafaan.api.requestServerStatus());
    expect(reset).toBeInstanceOf(GatewayMalformedResponseError);
    expect(reset.retryable).toBe(true);
    simulator.faults.add({ kind: 'http-503', path: '/http/request-status-update' });
    const unavailable = await failureOf(diafaan.status('c3b0c20a-b63e-4bbf-919f-3d4251a8b9c0'));
    expect(unavailable).toBeInstanceOf(GatewayRejectedError);
    expect(unavailable.retryable).toBe(true);
    expectNoPassword(reset);
    expectNoPassword(unavailable);
  });

  it('types truncated and HTML XML answers', async () => {
    const diafaan = client({ method: 'GET' });
    simulator.injectReceivedMessage({ from: '+447700900001', text: 'hello' });
    simulator.faults.add({ kind: 'truncated-body', path: '/http/request-received-messages' });
    const truncated = await failureOf(diafaan.inbox());
    expect(truncated).toBeInstanceOf(GatewayMalformedResponseError);
    expect(truncated.message).toMatch(/cannot be read/);
    simulator.faults.add({ kind: 'http-status', status: 200, body: '<html><head><title>Portal</title></head></html>', path: '/http/request-server-status' });
    const html = await failureOf(diafaan.api.requestServerStatus());
    expect(html.message).toMatch(/HTML page .*instead of XML — check the URL/);
    simulator.faults.add({
      kind: 'http-status',
      status: 200,
      body: '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><MessageList Count="1"><Message><MessageText>&b;</MessageText></Message></MessageList>',
      path: '/http/request-received-messages',
    });
    expect((await failureOf(diafaan.inbox())).message).toMatch(/DOCTYPE/);
    for (const error of [truncated, html]) expectNoPassword(error);
  });

  it('times out a hanging server: not retryable for a send, retryable for a read', async () => {
    // The simulator's latency runs on its manual clock, so the request hangs until the client gives up.
    simulator.faults.add({ kind: 'latency', delayMs: 60_000, count: 2 });
    const diafaan = client({ method: 'GET', requestTimeoutMs: 150 });
    const sendTimeout = await failureOf(sendMessage(diafaan));
    expect(sendTimeout).toBeInstanceOf(GatewayTimeoutError);
    expect(sendTimeout.retryable).toBe(false);
    expect(sendTimeout.outcome).toBe('maybe-sent');
    const readTimeout = await failureOf(diafaan.api.requestServerStatus());
    expect(readTimeout.retryable).toBe(true);
    expectNoPassword(sendTimeout);
    expectNoPassword(readTimeout);
    clock.advance(60_000);
  });

  it('reports an unreachable server as retryable, never showing the password', async () => {
    const diafaan = client({ method: 'GET' });
    await simulator.stop();
    const error = await failureOf(send(diafaan));
    expect(error).toBeInstanceOf(GatewayUnreachableError);
    expect(error.retryable).toBe(true);
    expectNoPassword(error);
  });

  it('points to the URL when the path prefix is wrong', async () => {
    const diafaan = new DiafaanClient({ baseUrl: `${simulator.baseUrl}/wrong`, username: 'admin', password: PASSWORD, method: 'GET' });
    clients.push(diafaan);
    const error = await failureOf(diafaan.api.requestServerStatus());
    expect(error.message).toMatch(/HTTP 404: check the gateway URL/);
    expectNoPassword(error);
  });

  it('never shows the password in any Diafaan error code answer', async () => {
    const wrong = client({ method: 'GET', password: `${PASSWORD}x` });
    const errors = [
      await failureOf(send(wrong)),
      await failureOf(client({ method: 'GET' }).status('c3b0c20a-0000-0000-0000-000000000000')),
      await failureOf(client({ method: 'GET' }).api.sendServerCommand('stop-gateway', { gateway: 'nope' })),
    ];
    expect(errors.map((error) => error.constructor.name)).toEqual(['GatewayAuthError', 'GatewayRejectedError', 'GatewayRejectedError']);
    errors.forEach(expectNoPassword);
  });

  it('retries a send only when the request never reached the server', async () => {
    const { SendRetryPolicy } = await import('../../../src/vendors/shared');
    const retry = new SendRetryPolicy({ maxAttempts: 3, initialDelayMs: 1, clock: { now: () => 0, setTimeout: (fn) => setImmediate(fn), clearTimeout: () => undefined } });
    simulator.faults.add({ kind: 'drop-connection', afterHandling: true, path: '/http/send-message' });
    const [result] = await send(client({ retry }));
    expect(result).toMatchObject({ state: 'unknown', errorCode: 'SMSB_GATEWAY_MALFORMED_RESPONSE' });
    // Exactly one attempt: the server queued the message before the answer was lost.
    expect(simulator.requestLog.filter((entry) => entry.path === '/http/send-message')).toHaveLength(1);
    expect(simulator.network.messages.size).toBe(1);
  });

  it('says "try again later" when an inbox read fails with 5xx: reading removes nothing, so it may be repeated', async () => {
    simulator.faults.add({ kind: 'http-503', path: '/http/request-received-messages' });
    const error = await failureOf(client().inbox());
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect(error.message).toMatch(/try again later/);
    expect(error.message).not.toMatch(/may or may not have been accepted/);
    expect(error.retryable).toBe(true);
    expectNoPassword(error);
  });

  it('says what a 5xx during an acknowledgement means for the messages, not for a send', async () => {
    const diafaan = client();
    simulator.injectReceivedMessage({ from: '+447700900001', text: 'hello' });
    const page = await diafaan.inbox();
    simulator.faults.add({ kind: 'http-500', path: '/http/request-received-messages', count: 1 });
    // The first request of acknowledge reads the head; the fault hits the removal after it.
    const originalTake = simulator.faults.take.bind(simulator.faults);
    simulator.faults.take = (method, path) => (simulator.requestLog.at(-1)!.form.remove === '1' ? originalTake(method, path) : {});
    const error = await failureOf(diafaan.acknowledge(page.messages));
    simulator.faults.take = originalTake;
    expect(error.message).toMatch(/HTTP 500 while removing 1 acknowledged message\(s\): they may or may not have been removed/);
    expect(error.retryable).toBe(false);
    expect(error.httpStatus).toBe(500);
    expectNoPassword(error);
  });

  it('reports a Retry-After at once through the shared policy, sending nothing', async () => {
    const { SendRetryPolicy } = await import('../../../src/vendors/shared');
    simulator.faults.add({ kind: 'http-status', status: 429, headers: { 'retry-after': '3600' }, path: '/http/send-message' });
    const error = await failureOf(send(client({ retry: new SendRetryPolicy({ maxAttempts: 3, clock }) })));
    expect(error).toBeInstanceOf(GatewayRateLimitedError);
    expect(error).toMatchObject({ outcome: 'not-sent', retryAfterMs: 3_600_000, httpStatus: 429 });
    expect(simulator.network.messages.size).toBe(0);
    expect(simulator.requestLog.filter((entry) => entry.path === '/http/send-message')).toHaveLength(1);
  });
});
