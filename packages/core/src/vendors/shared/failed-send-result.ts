import { GatewayMalformedResponseError, GatewayTimeoutError, type SmsBridgeError } from '../../errors';
import type { SendResult } from '../../model';

/** The part of a destination's `SendResult` that the error its send raised decides. */
export type FailedSendFields = Required<Pick<SendResult, 'accepted' | 'state' | 'errorCode' | 'errorMessage'>>;

/** A destination whose send raised `error`: refused (`failed`), or `unknown` when the message may have gone out all the same. */
export function failedSendFields(error: SmsBridgeError): FailedSendFields {
  const vendorCode = error.details['vendorCode'];
  return {
    accepted: false,
    // A reset or timeout after the request left may still have sent the message.
    state: error instanceof GatewayTimeoutError || error instanceof GatewayMalformedResponseError ? 'unknown' : 'failed',
    errorCode: typeof vendorCode === 'string' || typeof vendorCode === 'number' ? vendorCode : error.code,
    errorMessage: error.message,
  };
}
