import type { Gsm7Charset } from '../gsm7/gsm7-charset';
import { gsm7UnitCost } from '../gsm7/gsm7-cost';
import type { SegmentOptions, SegmentPlan } from '../types';
import { selectEncoding } from './choose-encoding';
import { segmentBudget } from './segment-budget';
import { resolveSegmentOptions } from './segment-options';

/**
 * Splits a text into the parts it will be sent as (TS 23.038 / 23.040 budgets).
 *
 * Encoding: `auto` takes GSM-7 when every character fits the default alphabet and extension table
 * (or, when `nationalLanguages` allows, the table combination with the fewest parts), else UCS-2;
 * `gsm7` transliterates first; `ucs2` is taken as asked.
 * Budgets: GSM-7 160 septets alone, 153 per part (152 with a 16-bit reference), less the national
 * language IEs; UCS-2 70 code units alone, 67 per part (66). An extension character (2 septets)
 * and a surrogate pair are never split. Empty text is one empty part.
 */
export function segmentText(text: string, options?: SegmentOptions): SegmentPlan {
  const resolved = resolveSegmentOptions(options);
  const selected = selectEncoding(text, resolved);
  const { encoding, national } = selected;
  const single = segmentBudget(encoding, false, resolved.referenceBits, national);
  const multi = segmentBudget(encoding, true, resolved.referenceBits, national);
  const split = encoding === 'gsm7' ? splitGsm7(selected.text, selected.charset!, single, multi) : splitUcs2(selected.text, single, multi);
  const plan: SegmentPlan = { encoding, segments: split.segments, count: split.segments.length, units: split.units };
  if (national !== undefined) plan.national = national;
  return plan;
}

interface Split {
  segments: string[];
  units: number[];
}

function splitGsm7(text: string, charset: Gsm7Charset, singleBudget: number, multiBudget: number): Split {
  const costs = new Uint8Array(text.length);
  let total = 0;
  for (let i = 0; i < text.length; i++) total += costs[i] = gsm7UnitCost(charset, text.charCodeAt(i));
  if (total <= singleBudget) return { segments: [text], units: [total] };
  return splitGreedy(text, (i) => ({ cost: costs[i]!, width: 1 }), multiBudget);
}

function splitUcs2(text: string, singleBudget: number, multiBudget: number): Split {
  if (text.length <= singleBudget) return { segments: [text], units: [text.length] };
  return splitGreedy(text, (i) => (isSurrogatePairAt(text, i) ? { cost: 2, width: 2 } : { cost: 1, width: 1 }), multiBudget);
}

/** Fills each part up to `budget`; an item (code unit, escape pair, surrogate pair) never straddles two parts. */
function splitGreedy(text: string, itemAt: (index: number) => { cost: number; width: number }, budget: number): Split {
  const segments: string[] = [];
  const units: number[] = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < text.length; ) {
    const { cost, width } = itemAt(i);
    if (used + cost > budget) {
      segments.push(text.slice(start, i));
      units.push(used);
      start = i;
      used = 0;
    }
    used += cost;
    i += width;
  }
  segments.push(text.slice(start));
  units.push(used);
  return { segments, units };
}

function isSurrogatePairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  if (high < 0xd800 || high > 0xdbff || index + 1 >= text.length) return false;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}
