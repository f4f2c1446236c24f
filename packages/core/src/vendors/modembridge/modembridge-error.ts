import {
  GatewayAuthError,
  GatewayError,
  GatewayMalformedResponseError,
  GatewayRateLimitedError,
  GatewayRejectedError,
  GatewayTimeoutError,
  GatewayUnreachableError,
  InvalidRequestError,
} from '../../errors/gateway-errors';
import type { SmsBridgeError, SmsBridgeErrorOptions } from '../../errors/smsbridge-error';
import type { HttpResponse } from '../../transport/http-transport';
import { expectHttpOk } from '../shared/http-status-check';
import type { BridgeErrorBody } from './modembridge-wire';

/** The error body the bridge answered, when the answer is one. */
function errorBodyOf(response: HttpResponse): BridgeErrorBody['error'] | undefined {
  try {
    const parsed = JSON.parse(response.body) as Partial<BridgeErrorBody>;
    const error = parsed.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') return error;
  } catch {
    // Not the bridge's JSON: a proxy's page or a cut answer, read by the status below.
  }
  return undefined;
}

/**
 * The core error the bridge reported, rebuilt with its class, outcome and retry safety, so a host
 * sees the modem's failure as if the modem were local. A 401 is the bridge refusing the token; an
 * answer that is not the bridge's JSON falls back to the HTTP status rules of every gateway.
 */
export function modembridgeError(response: HttpResponse, secrets: readonly string[], idempotent: boolean): SmsBridgeError {
  if (response.status === 401) {
    return new GatewayAuthError('The modem bridge refused the token (HTTP 401): use the token the bridge was started with (--token, --token-file or SMSBRIDGE_BRIDGE_TOKEN).', {
      details: { gateway: 'modembridge', httpStatus: 401 },
    });
  }
  const body = errorBodyOf(response);
  if (!body) {
    try {
      expectHttpOk(response, { gateway: 'modembridge', idempotent, secrets });
    } catch (error) {
      return error as SmsBridgeError;
    }
    return new GatewayMalformedResponseError(`The modem bridge answered HTTP ${response.status} without a result.`, { details: { gateway: 'modembridge' } });
  }
  const options: SmsBridgeErrorOptions = {
    details: { ...body.details, gateway: 'modembridge', bridgeHttpStatus: response.status },
    ...(body.retryable !== undefined ? { retryable: body.retryable } : {}),
    ...(body.outcome !== undefined ? { outcome: body.outcome } : {}),
    ...(body.retryAfterMs !== undefined ? { retryAfterMs: body.retryAfterMs } : {}),
    ...(body.httpStatus !== undefined ? { httpStatus: body.httpStatus } : {}),
  };
  switch (body.code) {
    case 'SMSB_INVALID_REQUEST':
      return new InvalidRequestError(body.message, options);
    case 'SMSB_GATEWAY_AUTH':
      return new GatewayAuthError(body.message, options);
    case 'SMSB_GATEWAY_REJECTED':
      return new GatewayRejectedError(body.message, body.vendorCode, options);
    case 'SMSB_GATEWAY_RATE_LIMITED':
      return new GatewayRateLimitedError(body.message, options);
    case 'SMSB_GATEWAY_TIMEOUT':
      return new GatewayTimeoutError(body.message, options);
    case 'SMSB_GATEWAY_UNREACHABLE':
      return new GatewayUnreachableError(body.message, options);
    case 'SMSB_GATEWAY_MALFORMED_RESPONSE':
      return new GatewayMalformedResponseError(body.message, options);
    default:
      return new GatewayError(body.code, body.message, { ...options, ...(body.vendorCode !== undefined ? { vendorCode: body.vendorCode } : {}) });
  }
}
