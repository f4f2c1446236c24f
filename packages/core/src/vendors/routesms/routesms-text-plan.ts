import type { EncodingChoice, TextEncoding } from '../../codec/types';
import { segmentText } from '../../codec';
import { CodecError, InvalidRequestError } from '../../errors';

/** How a text goes out: its encoding, the text as sent (transliterated when GSM-7 was forced) and its parts. */
export interface RoutesmsTextPlan {
  encoding: TextEncoding;
  text: string;
  parts: number;
}

/** The codec's decision: GSM-7 when every character fits (transliterated when forced), else UCS-2; 160/153 and 70/67 per part. */
export function planRoutesmsText(text: string, choice: EncodingChoice = 'auto'): RoutesmsTextPlan {
  try {
    const plan = segmentText(text, { encoding: choice });
    return { encoding: plan.encoding, text: plan.segments.join(''), parts: plan.count };
  } catch (error) {
    if (!(error instanceof CodecError)) throw error;
    throw new InvalidRequestError(`The text cannot be sent as ${choice}: ${error.message}`, { details: { gateway: 'routesms' }, cause: error });
  }
}
