import type { Gsm7Charset } from '../gsm7/gsm7-charset';

/**
 * Where a text is cut into parts: part n is text[ends[n-1] (0 for the first), ends[n]) and
 * carries units[n] septets (GSM-7) or UTF-16 code units (UCS-2). An empty text is one empty part.
 */
export interface PartLayout {
  ends: number[];
  units: number[];
}

/**
 * The GSM-7 parts of `text` in one pass over a flat cost table, or undefined when a character fits
 * neither table. Parts are filled greedily and an escape pair never straddles two, so the count
 * can exceed ceil(septets / budget).
 */
export function layoutGsm7Parts(text: string, charset: Gsm7Charset, singleBudget: number, multiBudget: number): PartLayout | undefined {
  const { codeByUnit } = charset.lookup;
  const tableLength = codeByUnit.length;
  const length = text.length;
  const ends: number[] = [];
  const units: number[] = [];
  let total = 0;
  let used = 0;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    const cost = unit < tableLength ? codeByUnit[unit]! >> 8 : 0;
    if (cost === 0) return undefined;
    total += cost;
    if (used + cost > multiBudget) {
      ends.push(i);
      units.push(used);
      used = 0;
    }
    used += cost;
  }
  if (total <= singleBudget) return { ends: [length], units: [total] };
  ends.push(length);
  units.push(used);
  return { ends, units };
}

/** The UCS-2 parts of `text`; a surrogate pair never straddles two. */
export function layoutUcs2Parts(text: string, singleBudget: number, multiBudget: number): PartLayout {
  const length = text.length;
  if (length <= singleBudget) return { ends: [length], units: [length] };
  const ends: number[] = [];
  const units: number[] = [];
  let used = 0;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    let cost = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) cost = 2;
    }
    if (used + cost > multiBudget) {
      ends.push(i);
      units.push(used);
      used = 0;
    }
    used += cost;
    i += cost - 1;
  }
  ends.push(length);
  units.push(used);
  return { ends, units };
}
