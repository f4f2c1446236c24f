import { DEFAULT_GSM7_CHARSET, gsm7Charset, type Gsm7Charset } from '../gsm7/gsm7-charset';
import { gsm7UnitCost } from '../gsm7/gsm7-cost';
import { transliterateToGsm7 } from '../gsm7/transliterate-to-gsm7';
import type { NationalShift, TextEncoding } from '../types';
import { nationalIeCount, nationalShiftCandidates } from './national-shift-candidates';
import { layoutGsm7Parts, layoutUcs2Parts, type PartLayout } from './part-layout';
import { segmentBudget } from './segment-budget';
import type { ResolvedSegmentOptions } from './segment-options';

/** How a text goes out: encoding, the text as sent, its national tables and where it is cut. */
export interface TextPartPlan {
  encoding: TextEncoding;
  /** The text as it will be sent (transliterated when GSM-7 was forced). */
  text: string;
  /** National tables, only when GSM-7 needs or profits from them. */
  national?: NationalShift;
  /** The GSM-7 tables the text is written with (GSM-7 only). */
  charset?: Gsm7Charset;
  layout: PartLayout;
}

interface Gsm7Candidate {
  shift: NationalShift;
  charset: Gsm7Charset;
  text: string;
  layout: PartLayout;
  /** Code units the tables could not carry as they were (0 when the text fits untouched). */
  loss: number;
}

const NO_SHIFT: NationalShift = Object.freeze({});

/** The rules of segmentText(): GSM-7 when it fits (with the national tables that save the most parts), else UCS-2. */
export function planTextParts(text: string, options: ResolvedSegmentOptions): TextPartPlan {
  if (options.encoding === 'ucs2') return ucs2Plan(text, options);
  // Without national languages there is one candidate, so the layout is made straight away.
  const candidates = options.nationalLanguages.length === 0 ? [NO_SHIFT] : nationalShiftCandidates(options.nationalLanguages);
  let best: Gsm7Candidate | undefined;
  for (const shift of candidates) {
    const candidate = layoutCandidate(text, shift, options);
    if (candidate !== undefined && (best === undefined || isBetter(candidate, best))) best = candidate;
  }
  if (best === undefined) return ucs2Plan(text, options);
  const plan: TextPartPlan = { encoding: 'gsm7', text: best.text, charset: best.charset, layout: best.layout };
  if (nationalIeCount(best.shift) > 0) plan.national = best.shift;
  return plan;
}

function ucs2Plan(text: string, options: ResolvedSegmentOptions): TextPartPlan {
  const single = segmentBudget('ucs2', false, options.referenceBits);
  const multi = segmentBudget('ucs2', true, options.referenceBits);
  return { encoding: 'ucs2', text, layout: layoutUcs2Parts(text, single, multi) };
}

function layoutCandidate(text: string, shift: NationalShift, options: ResolvedSegmentOptions): Gsm7Candidate | undefined {
  const charset = shift === NO_SHIFT ? DEFAULT_GSM7_CHARSET : gsm7Charset(shift);
  const single = segmentBudget('gsm7', false, options.referenceBits, shift);
  const multi = segmentBudget('gsm7', true, options.referenceBits, shift);
  const layout = layoutGsm7Parts(text, charset, single, multi);
  if (layout !== undefined) return { shift, charset, text, layout, loss: 0 };
  if (options.encoding !== 'gsm7') return undefined;
  const transliterated = transliterateToGsm7(text, shift);
  return { shift, charset, text: transliterated, layout: layoutGsm7Parts(transliterated, charset, single, multi)!, loss: countUnencodable(text, charset) };
}

function isBetter(a: Gsm7Candidate, b: Gsm7Candidate): boolean {
  if (a.loss !== b.loss) return a.loss < b.loss;
  return a.layout.ends.length < b.layout.ends.length;
}

function countUnencodable(text: string, charset: Gsm7Charset): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (gsm7UnitCost(charset, text.charCodeAt(i)) === 0) count++;
  return count;
}
