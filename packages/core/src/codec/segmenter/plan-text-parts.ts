import { DEFAULT_GSM7_CHARSET, gsm7Charset, type Gsm7Charset } from '../gsm7/gsm7-charset';
import { gsm7UnitCost } from '../gsm7/gsm7-cost';
import { transliterateToGsm7 } from '../gsm7/transliterate-to-gsm7';
import type { NationalShift } from '../types';
import { nationalIeCount, nationalShiftCandidates } from './national-shift-candidates';
import { layoutGsm7Parts, layoutUcs2Parts, type Gsm7PartLayout, type PartLayout } from './part-layout';
import { segmentBudget } from './segment-budget';
import type { ResolvedSegmentOptions } from './segment-options';
import { utf16CodeUnits } from '../utf16-code-units';

/** How a text goes out: encoding, the text as sent, its national tables and where it is cut. */
export type TextPartPlan = Gsm7PartPlan | Ucs2PartPlan;

export interface Gsm7PartPlan {
  encoding: 'gsm7';
  /** The text as it will be sent (transliterated when GSM-7 was forced). */
  text: string;
  /** National tables, only when GSM-7 needs or profits from them. */
  national?: NationalShift;
  /** The tables the text is written with. */
  charset: Gsm7Charset;
  layout: Gsm7PartLayout;
}

export interface Ucs2PartPlan {
  encoding: 'ucs2';
  text: string;
  /** The text's UTF-16 code units, what the parts carry. */
  codeUnits: Uint16Array;
  national?: undefined;
  layout: PartLayout;
}

interface Gsm7Candidate {
  shift: NationalShift;
  charset: Gsm7Charset;
  text: string;
  layout: Gsm7PartLayout;
  /** Code units the tables could not carry as they were (0 when the text fits untouched). */
  loss: number;
}

const NO_SHIFT: NationalShift = Object.freeze({});
const GSM7_SINGLE_BUDGET = segmentBudget('gsm7', false, 8);

/** The rules of segmentText(): GSM-7 when it fits (with the national tables that save the most parts), else UCS-2. */
export function planTextParts(text: string, options: ResolvedSegmentOptions): TextPartPlan {
  // Read once: the GSM-7 layouts and the UCS-2 parts all work on these.
  const codeUnits = utf16CodeUnits(text);
  if (options.encoding === 'ucs2') return ucs2Plan(text, codeUnits, options);
  if (options.nationalLanguages.length === 0) {
    // One candidate: the default tables, laid out straight away (the common case).
    const layout = layoutGsm7Parts(codeUnits, DEFAULT_GSM7_CHARSET, GSM7_SINGLE_BUDGET, segmentBudget('gsm7', true, options.referenceBits));
    if (layout !== undefined) return { encoding: 'gsm7', text, charset: DEFAULT_GSM7_CHARSET, layout };
    if (options.encoding === 'auto') return ucs2Plan(text, codeUnits, options);
  }
  const candidates = options.nationalLanguages.length === 0 ? [NO_SHIFT] : nationalShiftCandidates(options.nationalLanguages);
  let best: Gsm7Candidate | undefined;
  for (const shift of candidates) {
    const candidate = layoutCandidate(text, codeUnits, shift, options);
    if (candidate !== undefined && (best === undefined || isBetter(candidate, best))) best = candidate;
  }
  if (best === undefined) return ucs2Plan(text, codeUnits, options);
  const plan: Gsm7PartPlan = { encoding: 'gsm7', text: best.text, charset: best.charset, layout: best.layout };
  if (nationalIeCount(best.shift) > 0) plan.national = best.shift;
  return plan;
}

function ucs2Plan(text: string, codeUnits: Uint16Array, options: ResolvedSegmentOptions): Ucs2PartPlan {
  const single = segmentBudget('ucs2', false, options.referenceBits);
  const multi = segmentBudget('ucs2', true, options.referenceBits);
  return { encoding: 'ucs2', text, codeUnits, layout: layoutUcs2Parts(codeUnits, single, multi) };
}

function layoutCandidate(text: string, codeUnits: Uint16Array, shift: NationalShift, options: ResolvedSegmentOptions): Gsm7Candidate | undefined {
  const charset = shift === NO_SHIFT ? DEFAULT_GSM7_CHARSET : gsm7Charset(shift);
  const single = segmentBudget('gsm7', false, options.referenceBits, shift);
  const multi = segmentBudget('gsm7', true, options.referenceBits, shift);
  const layout = layoutGsm7Parts(codeUnits, charset, single, multi);
  if (layout !== undefined) return { shift, charset, text, layout, loss: 0 };
  if (options.encoding !== 'gsm7') return undefined;
  const transliterated = transliterateToGsm7(text, shift);
  return { shift, charset, text: transliterated, layout: layoutGsm7Parts(utf16CodeUnits(transliterated), charset, single, multi)!, loss: countUnencodable(text, charset) };
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
