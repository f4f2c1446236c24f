import type { Gsm7Charset } from '../gsm7/gsm7-charset';
import { GSM7_ESCAPE } from '../gsm7/gsm7-table';

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
 * The GSM-7 parts of `text` in one pass over a flat table, or undefined when a character fits
 * neither table. Parts are filled greedily and an escape pair never straddles two, so the count
 * can exceed ceil(septets / budget). The same pass writes the septet codes, so the encoder never
 * reads the text again.
 */
export function layoutGsm7Parts(text: string, charset: Gsm7Charset, singleBudget: number, multiBudget: number): Gsm7PartLayout | undefined {
  const { codeByUnit } = charset.lookup;
  const tableLength = codeByUnit.length;
  const length = text.length;
  // Pooled and unzeroed: only the septets written below are ever read.
  const septets = Buffer.allocUnsafe(2 * length);
  const ends: number[] = [];
  const units: number[] = [];
  let total = 0;
  let used = 0;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    const entry = unit < tableLength ? codeByUnit[unit]! : 0;
    const cost = entry >> 8;
    if (cost === 1) {
      septets[total] = entry & 0x7f;
    } else if (cost === 2) {
      septets[total] = GSM7_ESCAPE;
      septets[total + 1] = entry & 0x7f;
    } else {
      return undefined;
    }
    total += cost;
    if (used + cost > multiBudget) {
      ends.push(i);
      units.push(used);
      used = 0;
    }
    used += cost;
  }
  if (total <= singleBudget) return { ends: [length], units: [total], septets };
  ends.push(length);
  units.push(used);
  return { ends, units, septets };
}

/**
 * The UCS-2 parts of `text`: full parts, each one unit shorter when it would end between the two
 * halves of a surrogate pair. Only the code units at part ends are read.
 */
export function layoutUcs2Parts(text: string, singleBudget: number, multiBudget: number): PartLayout {
  const length = text.length;
  if (length <= singleBudget) return { ends: [length], units: [length] };
  const ends: number[] = [];
  const units: number[] = [];
  for (let start = 0; start < length; ) {
    let end = Math.min(start + multiBudget, length);
    // A high surrogate never pairs with what comes before it, so a pair at the boundary starts at end - 1.
    if (end < length && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end--;
    ends.push(end);
    units.push(end - start);
    start = end;
  }
  return { ends, units };
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
