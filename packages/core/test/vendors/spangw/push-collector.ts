import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One HTTP call a simulator pushed. */
export interface CollectedPush {
  method: string;
  url: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A receiver on 127.0.0.1 (port 0) that records every call and answers with `answer`. */
export class PushCollector {
  readonly calls: CollectedPush[] = [];
  private server: Server | undefined;

  constructor(private readonly answer: { status: number; body: string } = { status: 200, body: 'OK' }) {}

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = request.url ?? '/';
        this.calls.push({
          method: request.method ?? 'GET',
          url,
          query: url.includes('?') ? url.slice(url.indexOf('?') + 1) : '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(this.answer.status, { 'content-type': 'text/plain' }).end(this.answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

/** Polls `check` up to `attempts` times, `intervalMs` apart, until it returns a value. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, attempts = 100, intervalMs = 10): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`condition not met after ${attempts} attempts`);
}
