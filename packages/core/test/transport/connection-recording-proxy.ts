import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A client connection seen by the proxy, numbered from 1 in the order they were opened. */
export interface ProxiedConnection {
  id: number;
  closed: boolean;
}

/** One request and the connection that carried it. */
export interface ProxiedRequest {
  connection: number;
  method: string;
  path: string;
  headers: Record<string, string>;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * A TCP proxy in front of a simulator that says which connection carried each request and whether
 * that connection was closed — what a test of keep-alive and fresh connections needs. Requests are
 * split by `content-length` (what undici sends for text bodies; chunked bodies are not read).
 */
export class ConnectionRecordingProxy {
  readonly connections: ProxiedConnection[] = [];
  readonly requests: ProxiedRequest[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private address = '';

  constructor(private readonly target: string) {}

  get baseUrl(): string {
    return this.address;
  }

  async start(): Promise<string> {
    const target = new URL(this.target);
    const server = createServer((client) => {
      const connection: ProxiedConnection = { id: this.connections.length + 1, closed: false };
      this.connections.push(connection);
      const upstream = connect(Number(target.port), target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.on('close', () => {
        connection.closed = true;
        upstream.destroy();
      });
      upstream.on('close', () => client.destroy());
      client.on('data', this.splitter(connection.id));
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.address;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The connection that carried the `index`-th request (negative counts from the end). */
  connectionOf(index: number): ProxiedConnection | undefined {
    const request = this.requests.at(index);
    return this.connections.find((connection) => connection.id === request?.connection);
  }

  private splitter(connection: number): (chunk: Buffer) => void {
    let pending = Buffer.alloc(0);
    return (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const end = pending.indexOf(HEADER_END);
        if (end < 0) return;
        const [requestLine = '', ...headerLines] = pending.subarray(0, end).toString('latin1').split('\r\n');
        const headers: Record<string, string> = {};
        for (const line of headerLines) {
          const colon = line.indexOf(':');
          if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
        const size = end + HEADER_END.length + Number(headers['content-length'] ?? 0);
        if (pending.length < size) return;
        const [method = '', path = ''] = requestLine.split(' ');
        this.requests.push({ connection, method, path, headers });
        pending = pending.subarray(size);
      }
    };
  }
}
