import type { IncomingHttpHeaders } from 'node:http';

/** A request as a simulator handler sees it: body already read, query and form decoded. */
export interface SimulatorRequest {
  method: string;
  /** Path without the query string, e.g. `/http/send-message`. */
  path: string;
  /** Query parameters (last value wins). */
  query: Record<string, string>;
  /** Decoded `application/x-www-form-urlencoded` body; empty for other bodies. */
  form: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Raw body text. */
  body: string;
  /** Path parameters captured by the route (`:name` segments). */
  params: Record<string, string>;
  /** The request target as sent (path and query), e.g. for Digest `uri`. */
  rawUrl: string;
  remoteAddress: string | undefined;
}

/** What a handler answers; the server writes it with an exact Content-Length. */
export interface SimulatorReply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** `text/plain` reply (Diafaan lines, Route Mobile codes). */
export function textReply(body: string, status = 200, contentType = 'text/plain; charset=utf-8'): SimulatorReply {
  return { status, headers: { 'content-type': contentType }, body };
}

/** JSON reply; `contentType` lets a simulator mimic gateways that label JSON as text/html. */
export function jsonReply(value: unknown, status = 200, contentType = 'application/json'): SimulatorReply {
  return { status, headers: { 'content-type': contentType }, body: JSON.stringify(value) };
}

/** XML reply. */
export function xmlReply(body: string, status = 200): SimulatorReply {
  return { status, headers: { 'content-type': 'text/xml; charset=utf-8' }, body };
}

/** An HTML error page as a reverse proxy or embedded web server would send it. */
export function htmlErrorPage(status: number, title = 'Bad Gateway'): SimulatorReply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!DOCTYPE html>\n<html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1><hr><p>nginx</p></body></html>\n`,
  };
}

/** A form or query value, whichever the request carried (form wins, as the gateways read it). */
export function requestParameter(request: SimulatorRequest, name: string): string | undefined {
  return request.form[name] ?? request.query[name];
}
