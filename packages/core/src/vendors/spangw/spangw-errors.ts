import { GatewayAuthError, GatewayRejectedError, type GatewayError } from '../../errors';
import type { SpangwEnvelope } from './spangw-envelope';

/** Vendor codes are undocumented; a `msg` about the account is the only reliable sign of an auth failure. */
const AUTH_MESSAGE = /auth|password|passwd|user ?name|login|credential|unauthori[sz]ed|permission|forbidden/i;

/** The error for an envelope whose `code` is not a success code. */
export function spangwEnvelopeError(envelope: SpangwEnvelope, uri: string): GatewayError {
  const said = envelope.msg ? `: ${envelope.msg}` : '';
  const details = { gateway: 'spangw', uri, vendorCode: envelope.code };
  if (AUTH_MESSAGE.test(envelope.msg)) {
    return new GatewayAuthError(`spangw refused the account on ${uri}${said}; check the username and password of the gateway's API user`, {
      details,
    });
  }
  // A success-sounding msg with an unexpected code means this gateway uses another success value.
  const advice = /^\s*(ok|success)/i.test(envelope.msg)
    ? `if this gateway reports success with ${envelope.code}, add it to the accepted success codes`
    : 'check the request parameters (spans, number, filters)';
  return new GatewayRejectedError(
    `spangw answered ${uri} with code ${envelope.code}${said}; ${advice}`,
    envelope.code,
    { details },
  );
}
