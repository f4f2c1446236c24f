import { GatewayMalformedResponseError } from '../../errors/gateway-errors';
import type { HttpResponse } from '../../transport/http-transport';
import { looksLikeHtml, mediaType, previewBody } from './body-preview';

export interface JsonBodyOptions {
  /** Refuse a body not labelled `application/json` / `+json` (default false: most gateways mislabel JSON). */
  strictContentType?: boolean;
  /** Whether the request may be repeated; becomes `retryable` of the error. */
  idempotent?: boolean;
  secrets?: readonly string[];
}

/**
 * Parses a JSON answer, telling an empty body, an HTML error page, a truncated document and a
 * non-JSON answer apart so the user learns what went wrong. Whatever the Content-Type, unless
 * `strictContentType` is set.
 */
export function parseJsonBody<T = unknown>(response: HttpResponse, gateway: string, options: JsonBodyOptions = {}): T {
  const body = response.body.charCodeAt(0) === 0xfeff ? response.body.slice(1) : response.body;
  // Built only on the way to an error: scrubbing the preview costs more than the parse itself.
  const details = (): Record<string, unknown> => ({
    gateway,
    httpStatus: response.status,
    contentType: mediaType(response) || undefined,
    body: previewBody(body, options.secrets),
  });
  const retryable = options.idempotent ?? false;
  if (body.trim() === '') {
    throw new GatewayMalformedResponseError(`${gateway} answered HTTP ${response.status} with an empty body where JSON was expected.`, { retryable, details: details() });
  }
  if (looksLikeHtml(body)) {
    throw new GatewayMalformedResponseError(
      `The gateway answered an HTML page (HTTP ${response.status}) instead of JSON — check the URL (${gateway}: host, port and path prefix).`,
      { retryable, details: details() },
    );
  }
  const type = options.strictContentType ? mediaType(response) : '';
  if (type && !/json/.test(type)) {
    throw new GatewayMalformedResponseError(`${gateway} answered ${type} where JSON was expected — check the URL.`, { retryable, details: details() });
  }
  try {
    return JSON.parse(body) as T;
  } catch (error) {
    const trimmed = body.trim();
    const truncated = /^[[{]/.test(trimmed) && !/[\]}]$/.test(trimmed);
    throw new GatewayMalformedResponseError(
      truncated
        ? `${gateway} sent a truncated JSON answer (HTTP ${response.status}): the connection may have been cut.`
        : `${gateway} sent an answer that is not JSON (HTTP ${response.status}): ${previewBody(body, options.secrets, 80)}`,
      { retryable, details: { ...details(), truncated }, cause: error instanceof Error ? { name: error.name, message: error.message } : undefined },
    );
  }
}
