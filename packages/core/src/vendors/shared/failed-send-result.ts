import { GatewayMalformedResponseError, GatewayTimeoutError, type SmsBridgeError } from '../../errors';
import type { SendResult } from '../../model';

/** The part of a destination's `SendResult` that the error its send raised decides. */
export type FailedSendFields = Required<Pick<SendResult, 'accepted' | 'state' | 'errorCode' | 'errorMessage'>>;

/** The error's outcome; errors from before outcomes were typed are read by their class. */
export function sendOutcomeOf(error: SmsBridgeError): NonNullable<SmsBridgeError['outcome']> {
  if (error.outcome) return error.outcome;
  return error instanceof GatewayTimeoutError || error instanceof GatewayMalformedResponseError || error.code === 'SMSB_GATEWAY_TRANSPORT' ? 'maybe-sent' : 'refused';
}

/** A destination whose send raised `error`: `unknown` when the message may have gone out all the same, else `failed`. */
export function failedSendFields(error: SmsBridgeError): FailedSendFields {
  return {
    accepted: false,
    state: sendOutcomeOf(error) === 'maybe-sent' ? 'unknown' : 'failed',
    errorCode: error.vendorCode ?? error.code,
    errorMessage: error.message,
  };
}
