import { SmsBridgeError, type SmsBridgeErrorOptions } from './smsbridge-error';

/** Failures talking to a gateway. `details.gateway` names it; no detail or message ever holds a secret. */
export class GatewayError extends SmsBridgeError {
  override name = 'GatewayError';
}

/** Credentials refused (HTTP 401/403, vendor auth codes). Not retryable: fix the credentials. */
export class GatewayAuthError extends GatewayError {
  override name = 'GatewayAuthError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_AUTH', message, { ...options, retryable: false });
  }
}

/** The gateway understood and refused the request; `vendorCode` is its own code. */
export class GatewayRejectedError extends GatewayError {
  override name = 'GatewayRejectedError';
  readonly vendorCode: string | number | undefined;
  constructor(message: string, vendorCode: string | number | undefined, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_REJECTED', message, { ...options, details: { ...options.details, vendorCode } });
    this.vendorCode = vendorCode;
  }
}

/** Too many requests / throttled. Retryable after a pause. */
export class GatewayRateLimitedError extends GatewayError {
  override name = 'GatewayRateLimitedError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_RATE_LIMITED', message, { retryable: true, ...options });
  }
}

/** No answer in time. Whether a retry is safe depends on whether the request may have reached the gateway: `retryable` says. */
export class GatewayTimeoutError extends GatewayError {
  override name = 'GatewayTimeoutError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_TIMEOUT', message, options);
  }
}

/** Could not connect (refused, DNS, TLS). The request never reached the gateway, so a retry is safe. */
export class GatewayUnreachableError extends GatewayError {
  override name = 'GatewayUnreachableError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_UNREACHABLE', message, { retryable: true, ...options });
  }
}

/** The gateway answered something we cannot read (truncated JSON, HTML error page, empty body, reset mid-body). */
export class GatewayMalformedResponseError extends GatewayError {
  override name = 'GatewayMalformedResponseError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_GATEWAY_MALFORMED_RESPONSE', message, options);
  }
}

/** A bad phone number, option or request built by the caller; nothing was sent. */
export class InvalidRequestError extends SmsBridgeError {
  override name = 'InvalidRequestError';
  constructor(message: string, options: SmsBridgeErrorOptions = {}) {
    super('SMSB_INVALID_REQUEST', message, { ...options, retryable: false });
  }
}
