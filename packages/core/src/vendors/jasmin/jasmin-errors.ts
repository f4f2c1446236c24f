import {
  GatewayAuthError,
  GatewayMalformedResponseError,
  GatewayRateLimitedError,
  GatewayRejectedError,
  GatewayUnreachableError,
  SmsBridgeError,
} from '../../errors';
import type { HttpResponse } from '../../transport/http-transport';
import { looksLikeHtml, previewBody } from '../shared/body-preview';
import { expectHttpOk } from '../shared/http-status-check';

/** The REST operations, named as their paths. */
export type JasminOperation = 'send' | 'sendbatch' | 'balance' | 'rate' | 'ping';

/** Stable codes for Jasmin's refusals (it has no numeric codes of its own): `GatewayRejectedError.vendorCode`. */
export type JasminRefusal =
  | 'unknown-argument'
  | 'invalid-argument'
  | 'no-route'
  | 'json-unparseable'
  | 'schedule-unparseable'
  | 'schedule-in-past'
  | 'insufficient-balance'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'gateway-error';

export interface JasminReadContext {
  operation: JasminOperation;
  secrets: readonly string[];
  /** The Clock's time, to read a `Retry-After` given as an HTTP date. */
  now?: number;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** Jasmin answers `{"message": …}` (proxied HTTP API errors) or falcon's `{"title", "description"}`. */
function errorText(json: unknown): { title: string; description: string } {
  const record = json && typeof json === 'object' ? (json as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { title: text(record.message) || text(record.title), description: text(record.description) };
}

/** `Error "No route found` → `No route found`: Jasmin strips the closing quote. */
function stripErrorPrefix(text: string): string {
  return text.replace(/^\s*Error\s*"?/, '').replace(/"\s*$/, '').trim();
}

function refusal(code: JasminRefusal, message: string, status: number, gatewayText: string): GatewayRejectedError {
  return new GatewayRejectedError(message, code, { httpStatus: status, details: { gateway: 'jasmin', ...(gatewayText ? { gatewayText } : {}) } });
}

/** A 429 read by the shared status check, so its `Retry-After` becomes `retryAfterMs` exactly as given. */
function throttled(response: HttpResponse, context: JasminReadContext): SmsBridgeError {
  try {
    expectHttpOk(response, { gateway: 'jasmin', secrets: context.secrets, ...(context.now === undefined ? {} : { clockNow: context.now }) });
  } catch (error) {
    if (error instanceof SmsBridgeError) return error;
    throw error;
  }
  return new GatewayRateLimitedError('The server throttled the request (HTTP 429): send more slowly', { httpStatus: 429, details: { gateway: 'jasmin' } });
}

/** The typed error for a non-200 answer, from its status and the text Jasmin put in it. */
export function jasminErrorFor(response: HttpResponse, context: JasminReadContext): SmsBridgeError {
  const { status } = response;
  const json = parseJson(response.body);
  const { title, description } = errorText(json);
  const gatewayText = previewBody(stripErrorPrefix([title, description].filter(Boolean).join(': ')), context.secrets);
  const combined = `${title} ${description}`;
  const details = { gateway: 'jasmin', operation: context.operation, ...(gatewayText ? { gatewayText } : {}) };
  const typed = { httpStatus: status, details };
  if (status === 429) return throttled(response, context);

  if (status === 401) {
    return new GatewayAuthError('Jasmin asked for credentials: send a valid Basic Authorization header (username and password of a Jasmin user)', typed);
  }
  if (/authenticat/i.test(combined) && (status === 403 || status === 412)) {
    return new GatewayAuthError('Jasmin refused the username or password: check the credentials of the Jasmin user', typed);
  }
  if (/throughput/i.test(combined)) {
    return new GatewayRateLimitedError('Jasmin throttled this user (throughput exceeded): send more slowly or raise the user’s quota', typed);
  }
  if (status === 403) {
    if (/charge|balance|quota/i.test(combined)) {
      return refusal('insufficient-balance', 'Jasmin could not charge the message: top up the user’s balance or SMS count', status, gatewayText);
    }
    if (json === undefined) return new GatewayAuthError('The server refused access (HTTP 403): check the credentials and the base URL', typed);
    return refusal('forbidden', `Jasmin does not allow this user to do that: ${gatewayText || 'check the user’s permissions'}`, status, gatewayText);
  }
  if (status === 400) {
    const unknown = /is unknown/i.test(combined);
    return refusal(
      unknown ? 'unknown-argument' : 'invalid-argument',
      `Jasmin refused a parameter: ${gatewayText || 'check the destination number and the options'}`,
      status,
      gatewayText,
    );
  }
  if (status === 412) {
    if (/no route/i.test(combined)) {
      return refusal('no-route', 'Jasmin found no route for this destination: add an MT route (or a default route) for it in Jasmin', status, gatewayText);
    }
    if (/parse json/i.test(combined)) {
      return refusal('json-unparseable', 'Jasmin could not parse the JSON body of the request', status, gatewayText);
    }
    if (/past date/i.test(combined)) {
      return refusal('schedule-in-past', 'Jasmin cannot schedule a batch in the past (it compares with its own local time): choose a later time', status, gatewayText);
    }
    if (/schedule/i.test(combined)) {
      return refusal('schedule-unparseable', 'Jasmin could not read schedule_at: use "YYYY-MM-DD hh:mm:ss" (server local time) or "<seconds>s"', status, gatewayText);
    }
  }
  if (status === 404 || status === 405) {
    const code = status === 404 ? 'not-found' : 'method-not-allowed';
    return refusal(code, `The server has no ${context.operation} endpoint here (HTTP ${status}): point the base URL at the Jasmin REST API (by default port 8080)`, status, gatewayText);
  }
  if (status === 415) {
    return refusal('unsupported-media-type', 'Jasmin insists on JSON: the request must accept application/json', status, gatewayText);
  }
  if (status >= 500 && /connection error|could not connect/i.test(combined)) {
    return new GatewayUnreachableError('The Jasmin REST API could not reach Jasmin’s HTTP API: check that jasmind is running', typed);
  }
  if (json === undefined) {
    return new GatewayMalformedResponseError(
      `Jasmin answered HTTP ${status} with ${looksLikeHtml(response.body) ? 'an HTML page' : response.body.trim() === '' ? 'an empty body' : 'a body that is not JSON'}: check the base URL and any proxy in front of Jasmin`,
      { httpStatus: status, details: { ...details, gatewayText: previewBody(response.body, context.secrets, 120) } },
    );
  }
  return refusal('gateway-error', `Jasmin refused the ${context.operation} request (HTTP ${status})${gatewayText ? `: ${gatewayText}` : ''}`, status, gatewayText);
}

