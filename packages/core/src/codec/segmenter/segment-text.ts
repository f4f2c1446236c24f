import type { SegmentOptions, SegmentPlan } from '../types';
import { planTextParts } from './plan-text-parts';
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
  const { encoding, text: sent, national, layout } = planTextParts(text, resolveSegmentOptions(options));
  const segments = layout.ends.map((end, index) => sent.slice(index === 0 ? 0 : layout.ends[index - 1], end));
  const plan: SegmentPlan = { encoding, segments, count: segments.length, units: layout.units };
  if (national !== undefined) plan.national = national;
  return plan;
}
