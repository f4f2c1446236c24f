import type { NationalShift, SegmentOptions, TextEncoding } from '../types';
import { planTextParts } from './plan-text-parts';
import { resolveSegmentOptions } from './segment-options';

export interface EncodingChoiceResult {
  encoding: TextEncoding;
  /** The text as it will be sent (transliterated when GSM-7 was forced). */
  text: string;
  /** National tables, only when GSM-7 needs or profits from them. */
  national?: NationalShift;
}

/** The encoding a text goes out in, with its national tables; see segmentText() for the rules. */
export function chooseEncoding(text: string, options?: SegmentOptions): EncodingChoiceResult {
  const { encoding, text: sent, national } = planTextParts(text, resolveSegmentOptions(options));
  return national === undefined ? { encoding, text: sent } : { encoding, text: sent, national };
}
