import { gsm7Charset, type Gsm7Charset } from '../gsm7/gsm7-charset';
import { gsm7UnitCost } from '../gsm7/gsm7-cost';
import { transliterateToGsm7 } from '../gsm7/transliterate-to-gsm7';
import type { NationalShift, SegmentOptions, TextEncoding } from '../types';
import { measureGsm7, type Gsm7Measure } from './gsm7-part-count';
import { nationalIeCount, nationalShiftCandidates } from './national-shift-candidates';
import { segmentBudget } from './segment-budget';
import { resolveSegmentOptions, type ResolvedSegmentOptions } from './segment-options';

export interface EncodingChoiceResult {
  encoding: TextEncoding;
  /** The text as it will be sent (transliterated when GSM-7 was forced). */
  text: string;
  /** National tables, only when GSM-7 needs or profits from them. */
  national?: NationalShift;
}

/** The encoding a text goes out in, with its national tables; see segmentText() for the rules. */
export function chooseEncoding(text: string, options?: SegmentOptions): EncodingChoiceResult {
  const { encoding, text: sent, national } = selectEncoding(text, resolveSegmentOptions(options));
  return national === undefined ? { encoding, text: sent } : { encoding, text: sent, national };
}

export interface SelectedEncoding extends EncodingChoiceResult {
  charset?: Gsm7Charset;
}

interface Gsm7Candidate {
  shift: NationalShift;
  charset: Gsm7Charset;
  text: string;
  measure: Gsm7Measure;
  /** Code units the tables could not carry as they were (0 when the text fits untouched). */
  loss: number;
}

export function selectEncoding(text: string, options: ResolvedSegmentOptions): SelectedEncoding {
  if (options.encoding === 'ucs2') return { encoding: 'ucs2', text };
  let best: Gsm7Candidate | undefined;
  for (const shift of nationalShiftCandidates(options.nationalLanguages)) {
    const candidate = measureCandidate(text, shift, options);
    if (candidate !== undefined && (best === undefined || isBetter(candidate, best))) best = candidate;
  }
  if (best === undefined) return { encoding: 'ucs2', text };
  const national = nationalIeCount(best.shift) === 0 ? undefined : best.shift;
  return { encoding: 'gsm7', text: best.text, national, charset: best.charset };
}

function measureCandidate(text: string, shift: NationalShift, options: ResolvedSegmentOptions): Gsm7Candidate | undefined {
  const charset = gsm7Charset(shift);
  const single = segmentBudget('gsm7', false, options.referenceBits, shift);
  const multi = segmentBudget('gsm7', true, options.referenceBits, shift);
  const measure = measureGsm7(text, charset, single, multi);
  if (measure !== undefined) return { shift, charset, text, measure, loss: 0 };
  if (options.encoding !== 'gsm7') return undefined;
  const transliterated = transliterateToGsm7(text, shift);
  const transliteratedMeasure = measureGsm7(transliterated, charset, single, multi)!;
  return { shift, charset, text: transliterated, measure: transliteratedMeasure, loss: countUnencodable(text, charset) };
}

function isBetter(a: Gsm7Candidate, b: Gsm7Candidate): boolean {
  if (a.loss !== b.loss) return a.loss < b.loss;
  if (a.measure.count !== b.measure.count) return a.measure.count < b.measure.count;
  return false;
}

function countUnencodable(text: string, charset: Gsm7Charset): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (gsm7UnitCost(charset, text.charCodeAt(i)) === 0) count++;
  return count;
}
