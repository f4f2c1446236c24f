import type { EncodingChoice, TextEncoding } from '../../codec/types';
import { segmentText } from '../../codec';
import { CodecError, InvalidRequestError } from '../../errors';
import type { GatewayKey } from '../gateway-client';

/** How a text goes out: its encoding, the text as sent (transliterated when GSM-7 was forced) and its parts. */
export interface GatewayTextPlan {
  encoding: TextEncoding;
  text: string;
  parts: number;
}

/**
 * The codec's decision for a gateway that takes the text itself and splits it like a handset:
 * GSM-7 when every character fits (transliterated when forced), else UCS-2; 160/153 and 70/67 per part.
 */
export function planGatewayText(gateway: GatewayKey, text: string, choice: EncodingChoice = 'auto'): GatewayTextPlan {
  try {
    const plan = segmentText(text, { encoding: choice });
    return { encoding: plan.encoding, text: plan.segments.join(''), parts: plan.count };
  } catch (error) {
    if (!(error instanceof CodecError)) throw error;
    throw new InvalidRequestError(`The text cannot be sent as ${choice}: ${error.message}`, { details: { gateway }, cause: error });
  }
}
