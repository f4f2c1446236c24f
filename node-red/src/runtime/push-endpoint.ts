import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PushCall } from '@smsbridge/core';
import type { HttpRequest, HttpResponse, HttpRouter } from './node-red-api';

/** Largest push body read; gateways send a few hundred bytes. */
const MAX_BODY_BYTES = 1_000_000;

export interface PushAnswerToSend {
  status: number;
  contentType: string;
  body: string;
}

/**
 * An HTTP endpoint on Node-RED's own server for one `sms in` node: `<path>/<secret>` (for
 * gateways that only take a URL) or `<path>` with the secret in an `X-Smsbridge-Secret` header;
 * any other call gets 401 and reaches nothing. `handle` reads the call and says what to answer.
 */
export class PushEndpoint {
  private readonly routes: string[];

  constructor(
    private readonly router: HttpRouter,
    readonly path: string,
    private readonly secret: string,
    private readonly handle: (call: PushCall) => PushAnswerToSend,
  ) {
    const base = path.startsWith('/') ? path.replace(/\/+$/, '') : `/${path.replace(/\/+$/, '')}`;
    this.routes = [base, `${base}/:secret`];
    for (const route of this.routes) {
      router.get(route, (req, res) => this.serve(req, res));
      router.post(route, (req, res) => this.serve(req, res));
    }
  }

  /** Takes the routes off Node-RED's server (a redeploy registers them anew). */
  remove(): void {
    const stack = (this.router as { _router?: { stack: { route?: { path: string } }[] } })._router?.stack ?? this.router.router?.stack;
    if (!stack) return;
    for (let index = stack.length - 1; index >= 0; index -= 1) {
      const path = stack[index]?.route?.path;
      if (path !== undefined && this.routes.includes(path)) stack.splice(index, 1);
    }
  }

  private serve(req: HttpRequest, res: HttpResponse): void {
    const given = req.params['secret'] ?? headerValue(req.headers['x-smsbridge-secret']);
    if (!this.secretMatches(given)) {
      res.status(401).set('Content-Type', 'text/plain; charset=utf-8').send('Unauthorized');
      return;
    }
    readBody(req as unknown as IncomingMessage & HttpRequest)
      .then((body) => {
        const url = req.originalUrl ?? '';
        const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
        const contentType = headerValue(req.headers['content-type']) ?? '';
        const answer = this.handle({ method: req.method, query, body, contentType });
        res.status(answer.status).set('Content-Type', answer.contentType).send(answer.body);
      })
      .catch((error: unknown) => {
        res.status(400).set('Content-Type', 'text/plain; charset=utf-8').send(error instanceof Error ? error.message : 'Unreadable request');
      });
  }

  private secretMatches(given: string | undefined): boolean {
    if (given === undefined || this.secret === '') return false;
    const expected = Buffer.from(this.secret);
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The raw body (Node-RED's own body parsers may have read it already: then as they left it). */
function readBody(req: IncomingMessage & HttpRequest): Promise<string | Record<string, unknown>> {
  if (req.body !== undefined && req.body !== null && typeof req.body === 'object' && Object.keys(req.body as object).length > 0) {
    return Promise.resolve(req.body as Record<string, unknown>);
  }
  if (typeof req.body === 'string') return Promise.resolve(req.body);
  if (req.readableEnded) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('The push body is larger than 1 MB.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
