import type { Gsm7Charset } from '../gsm7/gsm7-charset';
import { GSM7_ESCAPE } from '../gsm7/gsm7-table';

/** A local copy: reading the imported binding inside loops costs a property look-up each time. */
const ESCAPE = GSM7_ESCAPE;

/**
 * Where a text is cut into parts: part n is text[ends[n-1] (0 for the first), ends[n]) and
 * carries units[n] septets (GSM-7) or UTF-16 code units (UCS-2). An empty text is one empty part.
 */
export interface PartLayout {
  ends: number[];
  units: number[];
}

/** A GSM-7 layout with the septet codes of the whole text, escapes included, for the encoder to pack. */
export interface Gsm7PartLayout extends PartLayout {
  /** Septets of the text: part n is septets[sum of units before n, + units[n]). Longer than needed. */
  septets: Uint8Array;
}

/**
 * The GSM-7 parts of a text (given as its UTF-16 code units) in one pass over a flat table, or undefined when a character fits
 * neither table. Parts are filled greedily and an escape pair never straddles two, so the count
 * can exceed ceil(septets / budget). The same pass writes the septet codes, so the encoder never
 * reads the text again.
 */
export function layoutGsm7Parts(codeUnits: Uint16Array, charset: Gsm7Charset, singleBudget: number, multiBudget: number): Gsm7PartLayout | undefined {
  const { codeByUnit } = charset.lookup;
  const tableLength = codeByUnit.length;
  const length = codeUnits.length;
  // Pooled and unzeroed: only the septets written below are ever read.
  const septets = Buffer.allocUnsafe(2 * length);
  let total = 0;
  for (let i = 0; i < length; i++) {
    const unit = codeUnits[i]!;
    const entry = unit < tableLength ? codeByUnit[unit]! : 0;
    if (entry < 0x200) {
      if (entry === 0) return undefined;
      septets[total++] = entry;
    } else {
      septets[total++] = ESCAPE;
      septets[total++] = entry;
    }
  }
  if (total <= singleBudget) return { ends: [length], units: [total], septets };
  return splitSeptets(septets, total, length, multiBudget);
}

/**
 * Greedy parts of `total` septets: full parts, each one septet shorter when it would end between
 * an escape and its code. An escape (0x1B) is never a code of its own nor the code after one, so
 * a 0x1B at the end of a part always starts a pair. Part ends in the text are septet ends less
 * the escapes before them.
 */
function splitSeptets(septets: Uint8Array, total: number, length: number, multiBudget: number): Gsm7PartLayout {
  const ends: number[] = [];
  const units: number[] = [];
  // Without escapes every character is one septet and the text ends are the septet ends.
  const hasEscapes = total !== length;
  let escapes = 0;
  let start = 0;
  while (start < total) {
    let end = Math.min(start + multiBudget, total);
    if (end < total && septets[end - 1] === ESCAPE) end--;
    if (hasEscapes) for (let i = start; i < end; i++) if (septets[i] === ESCAPE) escapes++;
    ends.push(end === total ? length : end - escapes);
    units.push(end - start);
    start = end;
  }
  return { ends, units, septets };
}

/**
 * The UCS-2 parts of a text (given as its UTF-16 code units): full parts, each one unit shorter when it would end between the two
 * halves of a surrogate pair. Only the code units at part ends are read.
 */
export function layoutUcs2Parts(codeUnits: Uint16Array, singleBudget: number, multiBudget: number): PartLayout {
  const length = codeUnits.length;
  if (length <= singleBudget) return { ends: [length], units: [length] };
  const ends: number[] = [];
  const units: number[] = [];
  for (let start = 0; start < length; ) {
    const end = ucs2PartEnd(codeUnits, start, multiBudget, length);
    ends.push(end);
    units.push(end - start);
    start = end;
  }
  return { ends, units };
}

/**
 * Where a UCS-2 part starting at `start` ends among the first `length` code units: `budget` units
 * on, or one fewer when that would fall between the halves of a surrogate pair.
 */
export function ucs2PartEnd(codeUnits: Uint16Array, start: number, budget: number, length: number): number {
  const end = Math.min(start + budget, length);
  // A high surrogate never pairs with what comes before it, so a pair at the boundary starts at end - 1.
  return end < length && isHighSurrogate(codeUnits[end - 1]!) && isLowSurrogate(codeUnits[end]!) ? end - 1 : end;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
