import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the test receiver got. */
export interface ReceivedCall {
  method: string;
  url: string;
  query: string;
  body: string;
  contentType: string;
}

export interface Answer {
  status: number;
  contentType?: string;
  body: string;
}

/** A loopback HTTP receiver for simulator pushes; `answer` decides each reply. */
export class PushReceiverServer {
  readonly calls: ReceivedCall[] = [];
  private server: Server | undefined;
  url = '';

  constructor(private readonly answer: (call: ReceivedCall) => Answer) {}

  async start(path = '/dlr'): Promise<string> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://receiver.invalid');
        const call: ReceivedCall = {
          method: request.method ?? 'GET',
          url: request.url ?? '/',
          query: url.search,
          body: Buffer.concat(chunks).toString('utf8'),
          contentType: request.headers['content-type'] ?? '',
        };
        this.calls.push(call);
        const reply = this.answer(call);
        response.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/plain' });
        response.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
    return this.url;
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

/** Polls `check` until it is true, at most `tries` times, yielding to the event loop between tries. */
export async function eventually(check: () => boolean, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not reached');
}
