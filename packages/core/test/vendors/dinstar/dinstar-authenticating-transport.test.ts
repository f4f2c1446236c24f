import type { HttpRequest, HttpResponse, HttpTransport } from '../../../src/transport/http-transport';
import * as dinstar from '../../../src/vendors/dinstar';

const { DinstarAuthenticatingTransport } = dinstar;

const challenge = (nonce: string, stale = false): HttpResponse => ({
  status: 401,
  headers: { 'www-authenticate': `Digest realm="dinstar", qop="auth", nonce="${nonce}", opaque="o", algorithm=MD5${stale ? ', stale=true' : ''}` },
  body: '',
});
const ok: HttpResponse = { status: 200, headers: {}, body: '{"error_code":200}' };

/** Answers from a script and records what was sent. */
class ScriptedTransport implements HttpTransport {
  readonly sent: HttpRequest[] = [];
  closed = false;
  constructor(private readonly answers: HttpResponse[]) {}
  async request(request: HttpRequest): Promise<HttpResponse> {
    this.sent.push(request);
    const answer = this.answers.shift();
    if (!answer) throw new Error('no scripted answer left');
    return answer;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

const field = (request: HttpRequest, name: string) => {
  const match = new RegExp(`\\b${name}=(?:"([^"]*)"|([^,\\s]+))`).exec(request.headers?.authorization ?? '');
  return match?.[1] ?? match?.[2];
};

describe('DinstarAuthenticatingTransport', () => {
  it('answers the first challenge, then signs directly; the signed uri has the base path and literal commas', async () => {
    const inner = new ScriptedTransport([challenge('n1'), ok, ok]);
    const transport = new DinstarAuthenticatingTransport({ transport: inner, username: 'u', password: 'secret-pw', basePath: '/gw/', newClientNonce: () => 'c' });
    expect(await transport.request({ method: 'GET', path: '/api/get_port_info', query: { port: '1,2', info_type: 'imei,reg' } })).toBe(ok);
    await transport.request({ method: 'POST', path: '/api/send_sms', body: '{}' });
    expect(inner.sent.map((request) => request.path)).toEqual(['/api/get_port_info?port=1,2&info_type=imei,reg', '/api/get_port_info?port=1,2&info_type=imei,reg', '/api/send_sms']);
    expect(inner.sent[0]!.headers?.authorization).toBeUndefined();
    expect(field(inner.sent[1]!, 'uri')).toBe('/gw/api/get_port_info?port=1,2&info_type=imei,reg');
    expect([field(inner.sent[1]!, 'nc'), field(inner.sent[2]!, 'nc')]).toEqual(['00000001', '00000002']);
    // Pooled by default: no Connection header, no fresh connection, the query folded into the path.
    expect(inner.sent.every((request) => request.headers?.connection === undefined && request.query === undefined)).toBe(true);
    expect(inner.sent.some((request) => request.freshConnection)).toBe(false);
    expect(inner.sent[2]!.body).toBe('{}');
    expect(JSON.stringify(inner.sent)).not.toContain('secret-pw');
    await transport.close();
    expect(inner.closed).toBe(true);
  });

  it('retries a sporadic 401 once with its new nonce on a fresh connection, and forgets the nonce after a second one', async () => {
    const inner = new ScriptedTransport([challenge('n1'), ok, challenge('n2', true), ok, challenge('n3'), challenge('n4'), challenge('n5'), ok]);
    const transport = new DinstarAuthenticatingTransport({ transport: inner, username: 'u', password: 'p' });
    await transport.request({ method: 'GET', path: '/api/a' });
    expect((await transport.request({ method: 'GET', path: '/api/b' })).status).toBe(200);
    expect(field(inner.sent[3]!, 'nonce')).toBe('n2');
    expect((await transport.request({ method: 'GET', path: '/api/c' })).status).toBe(401);
    expect(inner.sent).toHaveLength(6);
    // Forgotten: the next request goes out bare and answers the challenge again.
    await transport.request({ method: 'GET', path: '/api/d' });
    expect(inner.sent[6]!.headers?.authorization).toBeUndefined();
    expect(field(inner.sent[7]!, 'nonce')).toBe('n5');
    expect(inner.sent.some((request) => request.headers?.connection !== undefined)).toBe(false);
    // Only the retries after a sporadic 401 leave the pool; answering the first challenge does not.
    expect(inner.sent.map((request) => request.freshConnection === true)).toEqual([false, false, false, true, false, true, false, false]);
  });

  it('sends Connection: close on every request when keepAlive is turned off, and passes a caller\'s freshConnection on', async () => {
    const inner = new ScriptedTransport([challenge('n1'), ok, ok]);
    const transport = new DinstarAuthenticatingTransport({ transport: inner, username: 'u', password: 'p', keepAlive: false });
    await transport.request({ method: 'GET', path: '/api/a' });
    await transport.request({ method: 'GET', path: '/api/b', freshConnection: true });
    expect(inner.sent.map((request) => request.headers?.connection)).toEqual(['close', 'close', 'close']);
    expect(inner.sent.map((request) => request.freshConnection === true)).toEqual([false, false, true]);
  });

  it('returns a 401 without a Digest challenge as it is, and sends Basic at once with one retry', async () => {
    const plain = new ScriptedTransport([{ status: 401, headers: {}, body: '' }]);
    expect((await new DinstarAuthenticatingTransport({ transport: plain, username: 'u', password: 'p' }).request({ method: 'GET', path: '/api/x' })).status).toBe(401);
    expect(plain.sent).toHaveLength(1);
    const basic = new ScriptedTransport([{ status: 401, headers: {}, body: '' }, ok]);
    await new DinstarAuthenticatingTransport({ transport: basic, username: 'u', password: 'p', scheme: 'basic' }).request({ method: 'GET', path: '/api/x' });
    expect(basic.sent.map((request) => request.headers?.authorization)).toEqual([`Basic ${Buffer.from('u:p').toString('base64')}`, `Basic ${Buffer.from('u:p').toString('base64')}`]);
    expect(basic.sent.map((request) => request.freshConnection === true)).toEqual([false, true]);
  });
});
