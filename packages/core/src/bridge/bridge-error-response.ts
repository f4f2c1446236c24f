import {
  GatewayAuthError,
  GatewayMalformedResponseError,
  GatewayRateLimitedError,
  GatewayRejectedError,
  GatewayTimeoutError,
  GatewayUnreachableError,
  InvalidRequestError,
} from '../errors/gateway-errors';
import { SmsBridgeError } from '../errors/smsbridge-error';
import { redactDeep, redactSecrets } from '../transport/redact-secrets';
import type { BridgeErrorBody } from '../vendors/modembridge/modembridge-wire';

/** A failure as the bridge answers it: an HTTP status and the core's error as JSON. */
export interface BridgeErrorResponse {
  status: number;
  body: BridgeErrorBody;
}

/**
 * The HTTP status for a core error. A modem's refusal of its PIN is 502, not 401: 401 means only
 * that the bridge refused the caller's token, and the client reads the typed body either way.
 */
function statusOf(error: SmsBridgeError): number {
  if (error instanceof InvalidRequestError) return 400;
  if (error instanceof GatewayRateLimitedError) return 429;
  if (error instanceof GatewayUnreachableError) return 503;
  if (error instanceof GatewayTimeoutError) return 504;
  if (error instanceof GatewayRejectedError) return error.httpStatus === 404 ? 404 : 422;
  if (error instanceof GatewayAuthError || error instanceof GatewayMalformedResponseError) return 502;
  return 502;
}

/** What the bridge answers for `error`; anything that is not a core error is a 500 without its text. Secrets are scrubbed. */
export function bridgeErrorResponse(error: unknown, secrets: readonly string[]): BridgeErrorResponse {
  if (!(error instanceof SmsBridgeError)) {
    return { status: 500, body: { error: { code: 'SMSB_BRIDGE_INTERNAL', message: 'The bridge failed internally; its log says more.', retryable: false } } };
  }
  const json = error.toJSON() as unknown as BridgeErrorBody['error'];
  return {
    status: statusOf(error),
    body: { error: { ...json, message: redactSecrets(json.message, secrets), details: redactDeep(json.details ?? {}, secrets) } },
  };
}

/** The answer to a request without the right token: nothing about why. */
export const UNAUTHORIZED_BODY: BridgeErrorBody = { error: { code: 'SMSB_GATEWAY_AUTH', message: 'Unauthorized', retryable: false, outcome: 'refused' } };
