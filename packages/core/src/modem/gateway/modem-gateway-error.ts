import {
  GatewayAuthError,
  GatewayMalformedResponseError,
  GatewayRejectedError,
  GatewayTimeoutError,
  GatewayUnreachableError,
  InvalidRequestError,
} from '../../errors/gateway-errors';
import {
  ModemCommandError,
  ModemError,
  ModemNotFoundError,
  ModemPinError,
  ModemProtocolError,
  ModemReentrantCallError,
  ModemSimError,
  ModemTimeoutError,
  ModemUnavailableError,
} from '../modem-errors';

/** Where a failed exchange stood, which decides whether a message may have gone out. */
function payloadWritten(error: ModemError): boolean {
  return error.details['payloadWritten'] === true;
}

function isSubmit(error: ModemError): boolean {
  return /^AT\+CMGS/i.test(String(error.details['command'] ?? ''));
}

/**
 * A driver failure as the gateway error every host already knows, with the outcome decided where
 * it happened: the port missing or closed → unreachable (`not-sent`); a PIN refused → auth; a CMS
 * or CME error → rejected with its number as `vendorCode`; a timeout before the PDU went out →
 * `not-sent`, after → `maybe-sent`. The modem's own code stays in `details.modemCode` and the
 * driver error is the `cause` (its messages never hold the PIN).
 */
export function modemGatewayError(error: unknown, port: string): unknown {
  if (!(error instanceof ModemError)) return error;
  const details = { ...error.details, gateway: 'modem', port, modemCode: error.code };
  const options = { cause: error, details };
  if (error instanceof ModemPinError) return new GatewayAuthError(`The modem on ${port}: ${error.message}.`, options);
  if (error instanceof ModemSimError) {
    return new GatewayRejectedError(`The modem on ${port}: ${error.message}.`, undefined, { ...options, outcome: 'not-sent', retryable: false });
  }
  if (error instanceof ModemNotFoundError) return new GatewayUnreachableError(`No modem found for ${port}: ${error.message}.`, options);
  if (error instanceof ModemUnavailableError) {
    return payloadWritten(error)
      ? new GatewayUnreachableError(`The modem on ${port} went away after the message was written: ${error.message}.`, { ...options, outcome: 'maybe-sent', retryable: false })
      : new GatewayUnreachableError(`The modem on ${port} is not available: ${error.message}.`, options);
  }
  if (error instanceof ModemTimeoutError) {
    const notSent = isSubmit(error) && !payloadWritten(error);
    return new GatewayTimeoutError(`The modem on ${port} did not answer in time: ${error.message}.`, {
      ...options,
      outcome: notSent ? 'not-sent' : 'maybe-sent',
      retryable: notSent,
    });
  }
  if (error instanceof ModemCommandError) {
    return new GatewayRejectedError(`The modem on ${port} refused: ${error.message}.`, error.errorCode ?? error.family.toUpperCase(), options);
  }
  if (error instanceof ModemProtocolError) return new GatewayMalformedResponseError(`The modem on ${port} answered something unreadable: ${error.message}.`, options);
  if (error instanceof ModemReentrantCallError) return new InvalidRequestError(error.message, options);
  return error;
}
