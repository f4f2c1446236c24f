import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidRequestError } from '../errors/gateway-errors';

/** Largest request body the bridge reads (a send of a long text to many recipients fits easily). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The request's JSON body as an object; empty means `{}`. Too large, not JSON or not an object is refused. */
export async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new InvalidRequestError(`The request body is larger than ${MAX_BODY_BYTES} bytes.`, { details: { gateway: 'modembridge' } });
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InvalidRequestError('The request body is not JSON: send Content-Type application/json with a JSON object.', { details: { gateway: 'modembridge' } });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidRequestError('The request body must be a JSON object.', { details: { gateway: 'modembridge' } });
  }
  return parsed as Record<string, unknown>;
}

/** Reads and drops a body nobody will look at, so the connection can be reused. */
export function discardBody(request: IncomingMessage): void {
  request.resume();
}

export function writeJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  response.end(text);
}
