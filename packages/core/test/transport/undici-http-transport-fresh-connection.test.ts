import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GatewayError, GatewayTimeoutError, GatewayUnreachableError } from '../../src/errors';
import { UndiciHttpTransport } from '../../src/transport';

/** An HTTP server that numbers its sockets and says which one carried each request. */
class SocketCountingServer {
  readonly sockets: Array<{ id: number; closed: boolean }> = [];
  readonly requests: Array<{ path: string; socket: number }> = [];
  private readonly ids = new WeakMap<Socket, number>();
  private readonly server: Server;
  baseUrl = '';

  constructor() {
    this.server = createServer((request, response) => {
      this.requests.push({ path: request.url ?? '', socket: this.ids.get(request.socket) ?? -1 });
      if (request.url?.startsWith('/hang')) return;
      response.setHeader('content-type', 'text/plain');
      response.end(`answer to ${request.url}`);
    });
    this.server.on('connection', (socket: Socket) => {
      const entry = { id: this.sockets.length + 1, closed: false };
      this.sockets.push(entry);
      this.ids.set(socket, entry.id);
      socket.on('close', () => (entry.closed = true));
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  socketOf(path: string): { id: number; closed: boolean } | undefined {
    const id = this.requests.find((request) => request.path === path)?.socket;
    return this.sockets.find((socket) => socket.id === id);
  }
}

async function eventually(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('UndiciHttpTransport freshConnection', () => {
  let server: SocketCountingServer;
  let transport: UndiciHttpTransport;

  beforeEach(async () => {
    server = new SocketCountingServer();
    await server.start();
    transport = new UndiciHttpTransport({ baseUrl: server.baseUrl, gateway: 'box', connections: 1 });
  });
  afterEach(async () => {
    await transport.close();
    await server.stop();
  });

  it('reuses the pooled socket for ordinary requests', async () => {
    await transport.request({ method: 'GET', path: '/a' });
    await transport.request({ method: 'GET', path: '/b' });
    expect(server.requests.map((request) => request.socket)).toEqual([1, 1]);
    expect(server.sockets).toEqual([{ id: 1, closed: false }]);
  });

  it('sends a freshConnection request on a new socket, closes that socket, and leaves the pool alone', async () => {
    await transport.request({ method: 'GET', path: '/pooled' });
    const fresh = await transport.request({ method: 'POST', path: '/fresh', body: 'x', freshConnection: true });
    expect(fresh).toMatchObject({ status: 200, body: 'answer to /fresh' });
    expect(server.socketOf('/fresh')).toMatchObject({ id: 2 });
    await eventually(() => server.socketOf('/fresh')?.closed === true);
    expect(server.socketOf('/pooled')).toEqual({ id: 1, closed: false });

    await transport.request({ method: 'GET', path: '/pooled-again' });
    expect(server.socketOf('/pooled-again')?.id).toBe(1);
    await transport.request({ method: 'GET', path: '/fresh-again', freshConnection: true });
    expect(server.socketOf('/fresh-again')?.id).toBe(3);
    expect(server.sockets).toHaveLength(3);
  });

  it('maps failures on a fresh connection like pooled ones and closes its socket', async () => {
    const timeout = await transport.request({ method: 'GET', path: '/hang', idempotent: true, timeoutMs: 100, freshConnection: true }).catch((error: unknown) => error);
    expect(timeout).toBeInstanceOf(GatewayTimeoutError);
    expect((timeout as GatewayTimeoutError).retryable).toBe(true);
    await eventually(() => server.socketOf('/hang')?.closed === true);

    const port = Number(new URL(server.baseUrl).port);
    await server.stop();
    const refusing = new UndiciHttpTransport({ baseUrl: `http://127.0.0.1:${port}`, gateway: 'box' });
    const refused = await refusing.request({ method: 'POST', path: '/send', freshConnection: true }).catch((error: unknown) => error);
    await refusing.close();
    expect(refused).toBeInstanceOf(GatewayUnreachableError);
    expect((refused as GatewayUnreachableError).details).toMatchObject({ gateway: 'box', phase: 'connecting', networkCode: 'ECONNREFUSED' });
  });

  it('closes a fresh connection still waiting when the transport is closed, and refuses new ones after', async () => {
    const hanging = transport.request({ method: 'GET', path: '/hang', freshConnection: true }).catch((error: unknown) => error);
    await eventually(() => server.socketOf('/hang') !== undefined);
    await transport.close();
    // The same refusal as for a pooled request to a closed transport.
    expect(await hanging).toBeInstanceOf(GatewayError);
    await eventually(() => server.socketOf('/hang')?.closed === true);
    const late = await transport.request({ method: 'GET', path: '/late', freshConnection: true }).catch((error: unknown) => error);
    expect((late as GatewayError).details).toMatchObject({ networkCode: 'UND_ERR_DESTROYED' });
    expect(server.socketOf('/late')).toBeUndefined();
  });
});
