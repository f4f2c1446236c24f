import {
  GatewayAuthError,
  GatewayRateLimitedError,
  GatewayRejectedError,
  GatewayTimeoutError,
} from '../../errors/gateway-errors';
import type { HttpResponse } from '../../transport/http-transport';
import { looksLikeHtml, previewBody } from './body-preview';

export interface HttpStatusCheckOptions {
  /** Gateway key/name for messages and details. */
  gateway: string;
  /** The request cannot cause a second send when repeated (reads, status queries). */
  idempotent?: boolean;
  /** The vendor documents that a 5xx means "not processed", so even a send may be repeated. */
  retryableServerErrors?: boolean;
  /** Statuses the vendor reader handles itself (e.g. Jasmin's 412 with a JSON reason). */
  acceptStatuses?: readonly number[];
  secrets?: readonly string[];
  clockNow?: number;
}

function retryAfterMs(response: HttpResponse, now: number | undefined): number | undefined {
  const value = response.headers['retry-after'];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) || now === undefined ? undefined : Math.max(0, date - now);
}

/**
 * Returns the response when its status is 2xx (or listed in `acceptStatuses`), else throws the
 * matching gateway error: 401/403 → {@link GatewayAuthError}; 429 → {@link GatewayRateLimitedError};
 * 408 → timeout; 5xx → {@link GatewayRejectedError} retryable only for idempotent requests (a send
 * may have gone out before the gateway failed) unless the vendor says otherwise; other 4xx → rejected.
 */
export function expectHttpOk(response: HttpResponse, options: HttpStatusCheckOptions): HttpResponse {
  const { status } = response;
  if ((status >= 200 && status < 300) || options.acceptStatuses?.includes(status)) return response;
  const gateway = options.gateway;
  const secrets = options.secrets ?? [];
  const html = looksLikeHtml(response.body);
  // httpStatus (and retryAfterMs) in details become the error's typed fields.
  const details = { gateway, httpStatus: status, body: previewBody(response.body, secrets) };
  const idempotent = options.idempotent ?? false;

  if (status === 401 || status === 403) {
    return fail(
      new GatewayAuthError(`${gateway} refused the credentials (HTTP ${status}): check the username and password, and that the account may use this API.`, {
        details,
      }),
    );
  }
  if (status === 429) {
    const wait = retryAfterMs(response, options.clockNow);
    return fail(
      new GatewayRateLimitedError(`${gateway} is throttling requests (HTTP 429): send more slowly${wait === undefined ? '' : ` and wait ${Math.ceil(wait / 1000)} s`}.`, {
        details,
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
      }),
    );
  }
  if (status === 408) {
    return fail(
      // The gateway says it never finished reading the request.
      new GatewayTimeoutError(`${gateway} timed out reading the request (HTTP 408).`, { retryable: idempotent, outcome: 'not-sent', details }),
    );
  }
  if (status >= 500) {
    const retryable = idempotent || (options.retryableServerErrors ?? false);
    const page = html ? ' (an HTML error page — a proxy or web server in front of the gateway may be failing)' : '';
    return fail(
      new GatewayRejectedError(
        `${gateway} failed with HTTP ${status}${page}` +
          (retryable ? '; try again later.' : '; the message may or may not have been accepted, so check before sending it again.'),
        `HTTP ${status}`,
        { retryable, outcome: options.retryableServerErrors ? 'not-sent' : 'maybe-sent', details },
      ),
    );
  }
  const hint =
    status === 404 || status === 405
      ? ': check the gateway URL and its path prefix, and that this API is enabled on the gateway'
      : html
        ? ': the gateway answered an HTML page, check the URL'
        : '';
  return fail(new GatewayRejectedError(`${gateway} rejected the request with HTTP ${status}${hint}.`, `HTTP ${status}`, { details }));
}

function fail(error: Error): never {
  throw error;
}
