import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One HTTP call a gateway pushed, in the shape the vendors' push receivers take. */
export interface PushedCall {
  method: string;
  /** The path called, without the query. */
  path: string;
  query: string;
  body: string;
  contentType: string;
}

/** What the route answers the gateway. */
export interface PushReply {
  status: number;
  contentType: string;
  body: string;
}

export type PushRoute = (call: PushedCall) => PushReply;

const NOT_FOUND: PushRoute = () => ({ status: 404, contentType: 'text/plain', body: 'no such receiver' });

/**
 * The stand-in for an n8n webhook or a Node-RED `http in` node: an HTTP server on 127.0.0.1 that
 * hands each call on one of its paths to that path's route (any other path to `otherPaths`, by
 * default a 404) and answers with what the route says.
 */
export class LoopbackPushReceiver {
  private server: Server | undefined;
  private origin = '';

  constructor(
    private readonly routes: Readonly<Record<string, PushRoute>>,
    private readonly otherPaths: PushRoute = NOT_FOUND,
  ) {}

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        const route = Object.prototype.hasOwnProperty.call(this.routes, url.pathname) ? this.routes[url.pathname]! : this.otherPaths;
        const reply = route({
          method: request.method ?? 'GET',
          path: url.pathname,
          query: url.search,
          body: Buffer.concat(chunks).toString('utf8'),
          contentType: request.headers['content-type'] ?? '',
        });
        response.writeHead(reply.status, { 'content-type': reply.contentType });
        response.end(reply.body);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** The full URL of one of the routes, to hand to a gateway (after `start()`). */
  url(path: string): string {
    return `${this.origin}${path}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
