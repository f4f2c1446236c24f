import { GatewayRejectedError, GatewayTimeoutError, GatewayUnreachableError, InvalidRequestError } from '../../errors/gateway-errors';
import type { SmsBridgeError } from '../../errors/smsbridge-error';
import type { SendResult } from '../../model/send-result';

interface PartOutcome {
  state?: unknown;
}

/** Whether any part of the driver's result left the modem (confirmed or maybe). */
function anyPartOut(result: SendResult): boolean {
  const parts = result.raw?.['parts'];
  if (!Array.isArray(parts)) return result.state !== 'failed';
  return (parts as PartOutcome[]).some((part) => part.state === 'sent' || part.state === 'unknown');
}

/**
 * The driver's result for one recipient as the send-outcome rule needs it: a message of which any
 * part went out (or may have) is that recipient's result; one of which nothing went out becomes
 * the typed error of why, for `settleSend` to throw (first recipient) or record — a CMS error is
 * the network's refusal (`vendorCode` = the CMS number), no `>` prompt in time or a closed port
 * mean it was not sent.
 */
export function modemRecipientOutcome(result: SendResult, port: string): SendResult {
  if (result.state !== 'failed' || anyPartOut(result)) return result;
  throw notSentError(result, port);
}

function notSentError(result: SendResult, port: string): SmsBridgeError {
  const details = { gateway: 'modem', port, to: result.to };
  const reason = result.errorMessage ?? 'no reason given';
  const code = result.errorCode;
  if (typeof code === 'number') return new GatewayRejectedError(`The modem on ${port} could not send to ${result.to}: ${reason}.`, code, { details });
  if (code === 'SMSB_MODEM_TIMEOUT') {
    return new GatewayTimeoutError(`The modem on ${port} did not take the message to ${result.to} in time: ${reason}.`, { details, outcome: 'not-sent', retryable: true });
  }
  if (code === 'SMSB_MODEM_UNAVAILABLE') return new GatewayUnreachableError(`The modem on ${port} is not available: ${reason}.`, { details });
  if (result.parts === 0) return new InvalidRequestError(`The message to ${result.to} cannot be encoded: ${reason}.`, { details });
  return new GatewayRejectedError(`The modem on ${port} could not send to ${result.to}: ${reason}.`, code, { details });
}
