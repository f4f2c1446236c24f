import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GatewayMalformedResponseError,
  GatewayTimeoutError,
  GatewayUnreachableError,
  InvalidRequestError,
} from '../../src/errors';
import { UndiciHttpTransport } from '../../src/transport';
import { EchoSimulator } from '../simulator/echo-simulator';

const PASSWORD = 'S3cret-Pa55+word';

describe('UndiciHttpTransport', () => {
  let simulator: EchoSimulator;
  const transports: UndiciHttpTransport[] = [];
  const transport = (baseUrl: string, extra: Partial<ConstructorParameters<typeof UndiciHttpTransport>[0]> = {}) => {
    const created = new UndiciHttpTransport({ baseUrl, gateway: 'test-gateway', secrets: [PASSWORD], ...extra });
    transports.push(created);
    return created;
  };

  beforeEach(async () => {
    simulator = new EchoSimulator();
    await simulator.start();
  });
  afterEach(async () => {
    await Promise.all(transports.splice(0).map((created) => created.close()));
    await simulator.stop();
  });

  it('encodes query values with encodeURIComponent and keeps a base path prefix', async () => {
    const client = transport(`${simulator.baseUrl}/`);
    const response = await client.request({ method: 'GET', path: '/echo', query: { gmt: '+05:30', text: 'a b;c&d', skip: undefined, n: 3 } });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).query).toEqual({ gmt: '+05:30', text: 'a b;c&d', n: '3' });
    expect(simulator.requestLog.at(-1)?.path).toBe('/echo');
  });

  it('puts the base path in front of every request path', async () => {
    const client = transport(`${simulator.baseUrl}/items`);
    const response = await client.request({ method: 'GET', path: '/42' });
    expect(JSON.parse(response.body)).toEqual({ id: '42' });
    const rooted = transport(simulator.baseUrl.replace(/$/, '/'));
    expect(JSON.parse((await rooted.request({ method: 'GET', path: 'items/42' })).body)).toEqual({ id: '42' });
  });

  it('sends bodies and headers and flattens response headers', async () => {
    const client = transport(simulator.baseUrl);
    const response = await client.request({
      method: 'POST',
      path: '/echo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=u&password=p',
    });
    expect(JSON.parse(response.body).form).toEqual({ username: 'u', password: 'p' });
    expect(response.headers['content-type']).toBe('application/json');
  });

  it('maps a refused connection to a retryable GatewayUnreachableError without the query', async () => {
    const port = Number(new URL(simulator.baseUrl).port);
    await simulator.stop();
    const client = transport(`http://127.0.0.1:${port}`);
    const failure = await client.request({ method: 'GET', path: '/echo', query: { password: PASSWORD } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayUnreachableError);
    expect((failure as GatewayUnreachableError).retryable).toBe(true);
    expect((failure as GatewayUnreachableError).details).toMatchObject({ gateway: 'test-gateway', phase: 'connecting', networkCode: 'ECONNREFUSED' });
    expect(JSON.stringify(failure)).not.toContain(PASSWORD);
    expect((failure as Error).message).toMatch(/check the host, the port/);
  });

  it('maps a whole-request timeout to GatewayTimeoutError, retryable only when idempotent', async () => {
    const client = transport(simulator.baseUrl, { requestTimeoutMs: 150 });
    const read = await client.request({ method: 'GET', path: '/hang', idempotent: true }).catch((error: unknown) => error);
    expect(read).toBeInstanceOf(GatewayTimeoutError);
    expect((read as GatewayTimeoutError).retryable).toBe(true);
    const send = await client.request({ method: 'POST', path: '/hang', timeoutMs: 100 }).catch((error: unknown) => error);
    expect(send).toBeInstanceOf(GatewayTimeoutError);
    expect((send as GatewayTimeoutError).retryable).toBe(false);
    expect((send as Error).message).toMatch(/check before repeating/);
  });

  it('fires the whole-request timeout through the injected clock', async () => {
    const pending: (() => void)[] = [];
    const clock = { now: () => 0, setTimeout: (fn: () => void) => pending.push(fn), clearTimeout: () => undefined };
    const client = transport(simulator.baseUrl, { clock, requestTimeoutMs: 60_000 });
    const request = client.request({ method: 'GET', path: '/hang', idempotent: true }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    pending.forEach((fire) => fire());
    expect(await request).toBeInstanceOf(GatewayTimeoutError);
  });

  it('times out a request still queued behind a busy socket without ever sending it', async () => {
    const pending: (() => void)[] = [];
    const clock = { now: () => 0, setTimeout: (fn: () => void) => pending.push(fn), clearTimeout: () => undefined };
    const client = transport(simulator.baseUrl, { clock, connections: 1 });
    const hanging = client.request({ method: 'GET', path: '/hang', idempotent: true }).catch((error: unknown) => error);
    const queued = client.request({ method: 'POST', path: '/echo', query: { marker: 'queued' } }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    pending[1]!();
    const failure = await queued;
    expect(failure).toBeInstanceOf(GatewayTimeoutError);
    // It never left the queue: nothing was written, so it is safe to repeat.
    expect((failure as GatewayTimeoutError).retryable).toBe(true);
    expect((failure as GatewayTimeoutError).outcome).toBe('not-sent');
    pending[0]!();
    expect(await hanging).toBeInstanceOf(GatewayTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(simulator.requestLog.some((entry) => entry.path === '/echo')).toBe(false);
  });

  it('maps a dropped connection to a not-retryable malformed response for a send', async () => {
    simulator.faults.add({ kind: 'drop-connection', afterHandling: true });
    const client = transport(simulator.baseUrl);
    const failure = await client.request({ method: 'POST', path: '/send', query: { to: '+441', text: 'x' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayMalformedResponseError);
    expect((failure as GatewayMalformedResponseError).retryable).toBe(false);
    // The gateway acted before the answer was lost: exactly why a retry is unsafe.
    expect(simulator.network.messages.size).toBe(1);
  });

  it('maps a reset in the middle of the body to a malformed response read while reading the body', async () => {
    simulator.faults.add({ kind: 'reset-mid-body' });
    const client = transport(simulator.baseUrl);
    const failure = await client.request({ method: 'GET', path: '/echo', query: { padding: 'x'.repeat(2000) }, idempotent: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayMalformedResponseError);
    expect((failure as GatewayMalformedResponseError).details['phase']).toBe('reading-body');
    expect((failure as GatewayMalformedResponseError).retryable).toBe(true);
  });

  it('refuses URLs it cannot use with InvalidRequestError', () => {
    expect(() => new UndiciHttpTransport({ baseUrl: 'not a url' })).toThrow(InvalidRequestError);
    expect(() => new UndiciHttpTransport({ baseUrl: 'ftp://host' })).toThrow(InvalidRequestError);
    expect(() => new UndiciHttpTransport({ baseUrl: `http://admin:${PASSWORD}@host` })).toThrow(/credential fields/);
  });

  it('keeps working after a failure (the pool recovers)', async () => {
    simulator.faults.add({ kind: 'drop-connection' });
    const client = transport(simulator.baseUrl);
    await expect(client.request({ method: 'POST', path: '/echo' })).rejects.toBeInstanceOf(GatewayMalformedResponseError);
    const response = await client.request({ method: 'GET', path: '/echo' });
    expect(response.status).toBe(200);
  });
});

describe('UndiciHttpTransport response size limit', () => {
  it('refuses an answer larger than maxResponseBytes as malformed', async () => {
    const simulator = new EchoSimulator();
    await simulator.start();
    const client = new UndiciHttpTransport({ baseUrl: simulator.baseUrl, maxResponseBytes: 1_000 });
    try {
      const failure = await client.request({ method: 'GET', path: '/echo', query: { big: 'x'.repeat(5_000) }, idempotent: true }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(GatewayMalformedResponseError);
      expect((failure as Error).message).toMatch(/too large/);
    } finally {
      await client.close();
      await simulator.stop();
    }
  });
});

describe('UndiciHttpTransport reading chunked answers', () => {
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      // No Content-Length: the size limit can only be enforced while the bytes arrive.
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'x-multi': ['a', 'b'] });
      const chunks = request.url === '/big' ? Array.from({ length: 8 }, () => Buffer.alloc(500, 0x78)) : splitInsideCharacters(Buffer.from('héllo wörld ✓ 😀', 'utf8'));
      let index = 0;
      const next = (): void => {
        if (index === chunks.length) {
          response.end();
          return;
        }
        response.write(chunks[index++]);
        setImmediate(next);
      };
      next();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  /** One-byte chunks, so every multi-byte character is cut between two of them. */
  function splitInsideCharacters(bytes: Buffer): Buffer[] {
    return [...bytes].map((byte) => Buffer.from([byte]));
  }

  it('decodes a body whose characters are split across chunks and joins repeated headers', async () => {
    const client = new UndiciHttpTransport({ baseUrl });
    try {
      const response = await client.request({ method: 'GET', path: '/text' });
      expect(response.body).toBe('héllo wörld ✓ 😀');
      expect(response.headers['x-multi']).toBe('a, b');
      expect(response.headers['transfer-encoding']).toBe('chunked');
    } finally {
      await client.close();
    }
  });

  it('refuses a chunked answer once it grows past maxResponseBytes', async () => {
    const client = new UndiciHttpTransport({ baseUrl, maxResponseBytes: 1_000 });
    try {
      const failure = await client.request({ method: 'GET', path: '/big', idempotent: true }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(GatewayMalformedResponseError);
      expect((failure as Error).message).toMatch(/too large/);
      expect((failure as GatewayMalformedResponseError).details['phase']).toBe('reading-body');
      // The pool is still usable after the refused answer.
      expect((await client.request({ method: 'GET', path: '/text' })).body).toBe('héllo wörld ✓ 😀');
    } finally {
      await client.close();
    }
  });
});
