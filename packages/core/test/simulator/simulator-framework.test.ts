import { createHash } from 'node:crypto';
import {
  DigestAuthenticator,
  FaultInjector,
  SimulatorRouter,
  basicCredentials,
  isKnownAccount,
  parameterCredentials,
  parseDigestHeader,
  type SimulatorRequest,
} from '../../src/simulator';
import { UndiciHttpTransport } from '../../src/transport';
import { EchoSimulator } from './echo-simulator';
import { ManualClock } from '../../src/testing/manual-clock';

const request = (extra: Partial<SimulatorRequest>): SimulatorRequest => ({
  method: 'GET',
  path: '/',
  query: {},
  form: {},
  headers: {},
  body: '',
  params: {},
  rawUrl: '/',
  remoteAddress: '127.0.0.1',
  ...extra,
});

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('simulator building blocks', () => {
  it('routes by method and :name segments, 405 for a known path with another method', () => {
    const router = new SimulatorRouter();
    router.add('GET', '/api/:command', () => ({ status: 200, body: 'get' })).add('*', '/any', () => ({ status: 200, body: 'any' }));
    expect(router.match('GET', '/api/send_sms')?.params).toEqual({ command: 'send_sms' });
    expect(router.match('GET', '/api/send_sms/')).toBeDefined();
    expect(router.match('POST', '/api/send_sms')?.methodAllowed).toBe(false);
    expect(router.match('DELETE', '/any')?.methodAllowed).toBe(true);
    expect(router.match('GET', '/nothing')).toBeUndefined();
  });

  it('reads credentials from form, query and Basic headers', () => {
    expect(parameterCredentials(request({ query: { username: 'q', password: 'qp' }, form: { username: 'f' } }))).toEqual({ username: 'f', password: 'qp' });
    const basic = request({ headers: { authorization: `Basic ${Buffer.from('foo:b:ar').toString('base64')}` } });
    expect(basicCredentials(basic)).toEqual({ username: 'foo', password: 'b:ar' });
    expect(basicCredentials(request({ headers: { authorization: 'Bearer x' } }))).toBeUndefined();
    expect(isKnownAccount([{ username: 'foo', password: 'b:ar' }], basicCredentials(basic))).toBe(true);
    expect(isKnownAccount([{ username: 'foo', password: 'x' }], basicCredentials(basic))).toBe(false);
  });

  it('verifies RFC 7616 Digest answers to its own challenges only', () => {
    const digest = new DigestAuthenticator('Dinstar', () => [{ username: 'admin', password: 'secret' }]);
    const challenge = parseDigestHeader(digest.challenge())!;
    expect(challenge).toMatchObject({ realm: 'Dinstar', qop: 'auth', algorithm: 'MD5' });
    const uri = '/api/send_sms';
    const answer = (password: string, nonce = challenge['nonce']!) => {
      const ha1 = md5(`admin:Dinstar:${password}`);
      const ha2 = md5(`POST:${uri}`);
      const response = md5(`${ha1}:${nonce}:00000001:abcdef:auth:${ha2}`);
      return request({
        method: 'POST',
        headers: { authorization: `Digest username="admin", realm="Dinstar", nonce="${nonce}", uri="${uri}", qop=auth, nc=00000001, cnonce="abcdef", response="${response}"` },
      });
    };
    expect(digest.verify(answer('secret'), uri)).toBe('admin');
    expect(digest.verify(answer('wrong'), uri)).toBeUndefined();
    expect(digest.verify(answer('secret', 'forged'), uri)).toBeUndefined();
  });

  it('consumes faults by count, path and method, latency beside another fault', () => {
    const faults = new FaultInjector();
    faults.add({ kind: 'http-500', path: '/a', count: 2 });
    faults.add({ kind: 'latency', delayMs: 5, method: 'POST' });
    faults.add({ kind: 'drop-connection', path: /^\/b/ });
    expect(faults.take('GET', '/b/c').fault?.kind).toBe('drop-connection');
    const both = faults.take('POST', '/a');
    expect([both.latency?.kind, both.fault?.kind]).toEqual(['latency', 'http-500']);
    expect(faults.take('GET', '/a').fault?.kind).toBe('http-500');
    expect(faults.take('GET', '/a')).toEqual({});
    expect(faults.pending).toHaveLength(0);
    const forever = faults.add({ kind: 'http-503', count: Infinity });
    for (let index = 0; index < 5; index += 1) expect(faults.take('GET', '/x').fault?.kind).toBe('http-503');
    faults.clear(forever);
    expect(faults.fired).toHaveLength(9);
  });

  describe('over HTTP', () => {
    let clock: ManualClock;
    let simulator: EchoSimulator;
    let http: UndiciHttpTransport;

    beforeEach(async () => {
      clock = new ManualClock();
      simulator = new EchoSimulator({ clock });
      await simulator.start();
      http = new UndiciHttpTransport({ baseUrl: simulator.baseUrl });
    });
    afterEach(async () => {
      await http.close();
      await simulator.stop();
    });

    it('serves a status fault, an HTML page and a malformed body, then recovers', async () => {
      simulator.faults.add({ kind: 'http-status', status: 418, body: 'teapot' });
      expect(await http.request({ method: 'GET', path: '/echo' })).toMatchObject({ status: 418, body: 'teapot' });
      simulator.faults.add({ kind: 'html-error-page' });
      const page = await http.request({ method: 'GET', path: '/echo' });
      expect([page.status, page.headers['content-type']]).toEqual([502, 'text/html; charset=utf-8']);
      simulator.faults.add({ kind: 'malformed-body', body: '{"trunc' });
      expect((await http.request({ method: 'GET', path: '/echo' })).body).toBe('{"trunc');
      simulator.faults.add({ kind: 'truncated-body' });
      const truncated = await http.request({ method: 'GET', path: '/echo', query: { a: 'b' } });
      expect(() => JSON.parse(truncated.body)).toThrow();
      simulator.faults.add({ kind: 'auth-refused' });
      expect((await http.request({ method: 'GET', path: '/echo' })).status).toBe(401);
      expect((await http.request({ method: 'GET', path: '/echo' })).status).toBe(200);
      expect((await http.request({ method: 'GET', path: '/nothing' })).status).toBe(404);
      expect((await http.request({ method: 'DELETE', path: '/items/1' })).status).toBe(405);
    });

    it('delays an answer by the latency fault on its clock', async () => {
      simulator.faults.add({ kind: 'latency', delayMs: 1_000 });
      let settled = false;
      const pending = http.request({ method: 'GET', path: '/echo' }).then((response) => {
        settled = true;
        return response;
      });
      for (let attempt = 0; attempt < 100 && simulator.requestLog.length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(settled).toBe(false);
      clock.advance(1_000);
      expect((await pending).status).toBe(200);
    });

    it('holds a latency longer than one Node timer until the clock reaches it', async () => {
      const day = 24 * 60 * 60 * 1000;
      simulator.faults.add({ kind: 'latency', delayMs: 40 * day });
      const pending = http.request({ method: 'GET', path: '/echo' });
      for (let attempt = 0; attempt < 100 && clock.pendingTimers === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(clock.pendingTimers).toBe(1);
      clock.advance(30 * day);
      // Still waiting: the timer re-armed for the rest instead of firing after 24.8 days.
      expect(clock.pendingTimers).toBe(1);
      clock.advance(10 * day);
      expect(clock.pendingTimers).toBe(0);
      expect((await pending).status).toBe(200);
    });

    it('logs requests with their decoded query and form', async () => {
      await http.request({ method: 'POST', path: '/echo?x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=%2B1&b=c' });
      expect(simulator.requestLog.at(-1)).toMatchObject({ method: 'POST', path: '/echo', query: { x: '1' }, form: { a: '+1', b: 'c' } });
    });
  });
});
