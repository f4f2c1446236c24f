import {
  GatewayError,
  GatewayMalformedResponseError,
  GatewayTimeoutError,
  GatewayUnreachableError,
  InvalidRequestError,
} from '../errors/gateway-errors';
import type { SmsBridgeError } from '../errors/smsbridge-error';
import type { SecretRedactor } from './redact-secrets';

/** Where a request was when it failed; decides whether the gateway may have acted on it. */
export type HttpFailurePhase = 'connecting' | 'awaiting-response' | 'reading-body';

export interface HttpFailureContext {
  gateway: string;
  /** `scheme://host:port` only: never a path or query (they may hold a password). */
  origin: string;
  method: string;
  /** Path without the query string. */
  path: string;
  idempotent: boolean;
  phase: HttpFailurePhase;
  /** True when our own whole-request timer fired. */
  timedOut: boolean;
  timeoutMs: number;
  /** The transport's redactor: scrubs its secrets from the cause's message. */
  redactor: SecretRedactor;
}

/** Network errors raised before a single byte reached the gateway. */
const CONNECT_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isTlsFailure(code: string | undefined, message: string): boolean {
  if (!code) return /certificate|SSL|TLS/i.test(message);
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
  );
}

/**
 * Turns whatever undici or the socket threw into the gateway error family, deciding `retryable`
 * from the phase: a request that never left is always safe to repeat; one that may have reached
 * the gateway only when it is idempotent. The result holds no URL query and no secret.
 */
export function toGatewayFailure(error: unknown, context: HttpFailureContext): SmsBridgeError {
  const code = errorCode(error);
  const rawMessage = error instanceof Error ? error.message : String(error);
  const cause = { name: error instanceof Error ? error.name : typeof error, code, message: context.redactor.redact(rawMessage) };
  const where = `${context.gateway} at ${context.origin}`;
  // Once the request may have been written, the gateway may have acted on it.
  const outcome = context.phase === 'connecting' ? 'not-sent' : 'maybe-sent';
  const details = {
    gateway: context.gateway,
    origin: context.origin,
    method: context.method,
    path: context.path,
    phase: context.phase,
    networkCode: code,
  };

  if (context.timedOut) {
    return new GatewayTimeoutError(
      `${where} did not answer ${context.method} ${context.path} within ${context.timeoutMs} ms` +
        (context.idempotent ? '; it is safe to try again.' : '; the gateway may have acted on it, so check before repeating it.'),
      { retryable: context.idempotent || outcome === 'not-sent', outcome, details: { ...details, timeoutMs: context.timeoutMs }, cause },
    );
  }
  if (code === 'SMSB_RESPONSE_TOO_LARGE') {
    return new GatewayMalformedResponseError(`${where} sent an answer too large to be a gateway response to ${context.method} ${context.path} — check the URL.`, {
      retryable: context.idempotent,
      outcome,
      details,
      cause,
    });
  }
  if (code === 'UND_ERR_INVALID_ARG') {
    return new InvalidRequestError(`The request to ${where} could not be built: ${cause.message}`, { details, cause });
  }
  if (code !== undefined && CONNECT_ERROR_CODES.has(code)) {
    return new GatewayUnreachableError(
      `Could not connect to ${where} (${code}): check the host, the port and that the gateway is running and reachable.`,
      { details: { ...details, phase: 'connecting' }, cause },
    );
  }
  if (context.phase !== 'reading-body' && isTlsFailure(code, rawMessage)) {
    return new GatewayUnreachableError(
      `The TLS handshake with ${where} failed (${code ?? 'TLS error'}): trust its certificate with the "ca" option, or turn certificate verification off for a LAN gateway with a self-signed certificate.`,
      { details: { ...details, phase: 'connecting' }, cause },
    );
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new GatewayTimeoutError(
      `${where} stopped answering ${context.method} ${context.path} (${code === 'UND_ERR_HEADERS_TIMEOUT' ? 'no response headers' : 'the body stalled'})` +
        (context.idempotent ? '; it is safe to try again.' : '; the gateway may have acted on it, so check before repeating it.'),
      { retryable: context.idempotent, outcome, details, cause },
    );
  }
  if (
    code === 'UND_ERR_SOCKET' ||
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' ||
    code === 'HPE_INVALID_CONSTANT' ||
    (code?.startsWith('HPE_') ?? false)
  ) {
    const what =
      context.phase === 'reading-body'
        ? 'closed the connection in the middle of its answer'
        : code?.startsWith('HPE_')
          ? 'answered something that is not HTTP'
          : 'closed the connection before answering';
    return new GatewayMalformedResponseError(
      `${where} ${what} to ${context.method} ${context.path}` +
        (context.idempotent ? '; it is safe to try again.' : '; the gateway may have acted on it, so check before repeating it.'),
      { retryable: context.idempotent, outcome, details, cause },
    );
  }
  if (context.phase === 'connecting') {
    return new GatewayUnreachableError(`Could not reach ${where} (${code ?? cause.message}): check the URL and the network.`, {
      details,
      cause,
    });
  }
  return new GatewayError('SMSB_GATEWAY_TRANSPORT', `The exchange with ${where} failed (${code ?? cause.message}).`, {
    retryable: context.idempotent,
    outcome,
    details,
    cause,
  });
}
