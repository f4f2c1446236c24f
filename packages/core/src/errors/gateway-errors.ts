import { SmsBridgeError, type SmsBridgeErrorOptions } from './smsbridge-error';

/** Failures talking to a gateway. `details.gateway` names it; no detail or message ever holds a secret. */
export class GatewayError extends SmsBridgeError {
  override name = 'GatewayError';
}

/** Credentials refused (HTTP 401/403, vendor auth codes). Not retryable: fix the credentials. Nothing was sent. */
export class GatewayAuthError extends GatewayError {
  override name = 'GatewayAuthError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_AUTH', message, { outcome: 'refused', ...options, retryable: false });
  }
}

/** The gateway understood and refused the request; `vendorCode` is its own code. Outcome `refused` unless told (a 5xx may have acted). */
export class GatewayRejectedError extends GatewayError {
  override name = 'GatewayRejectedError';
  constructor(message: string, vendorCode: string | number | undefined, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_REJECTED', message, { outcome: 'refused', ...options, ...(vendorCode === undefined ? {} : { vendorCode }) });
  }
}

/** Too many requests / throttled: nothing was sent. Retryable after `retryAfterMs` (when the gateway said). */
export class GatewayRateLimitedError extends GatewayError {
  override name = 'GatewayRateLimitedError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_RATE_LIMITED', message, { retryable: true, outcome: 'not-sent', ...options });
  }
}

/** No answer in time. Whether a retry is safe depends on whether the request may have reached the gateway: `retryable` and `outcome` (default `maybe-sent`) say. */
export class GatewayTimeoutError extends GatewayError {
  override name = 'GatewayTimeoutError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_TIMEOUT', message, { outcome: 'maybe-sent', ...options });
  }
}

/** Could not connect (refused, DNS, TLS). The request never reached the gateway, so a retry is safe. */
export class GatewayUnreachableError extends GatewayError {
  override name = 'GatewayUnreachableError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_UNREACHABLE', message, { retryable: true, outcome: 'not-sent', ...options });
  }
}

/** The gateway answered something we cannot read (truncated JSON, HTML error page, empty body, reset mid-body): it may have acted. */
export class GatewayMalformedResponseError extends GatewayError {
  override name = 'GatewayMalformedResponseError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_MALFORMED_RESPONSE', message, { outcome: 'maybe-sent', ...options });
  }
}

/** A bad phone number, option or request built by the caller; nothing was sent. */
export class InvalidRequestError extends SmsBridgeError {
  override name = 'InvalidRequestError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_INVALID_REQUEST', message, { ...options, outcome: 'not-sent', retryable: false });
  }
}

/** The send journal (what a crashed run had sent) could not be read or written; nothing more was sent. */
export class SendJournalError extends SmsBridgeError {
  override name = 'SendJournalError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_SEND_JOURNAL', message, { ...options, outcome: 'not-sent', retryable: true });
  }
}
