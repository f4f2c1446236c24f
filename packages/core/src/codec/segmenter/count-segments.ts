import { DEFAULT_GSM7_COST } from '../gsm7/gsm7-cost';
import type { SegmentOptions, TextEncoding } from '../types';
import { planTextParts } from './plan-text-parts';
import { resolveSegmentOptions } from './segment-options';

export interface SegmentCount {
  encoding: TextEncoding;
  count: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text as sent. */
  units: number;
}

const GSM7_SINGLE = 160;
const UCS2_SINGLE = 70;

/**
 * Same answer as segmentText(text, options).count, without building the parts. The common case
 * (auto or gsm7, no national tables, text that fits) is one loop over a lookup table that
 * allocates nothing per character; the rest falls back to the general selection.
 */
export function countSegments(text: string, options?: SegmentOptions): SegmentCount {
  const resolved = resolveSegmentOptions(options);
  const gsm7Multi = resolved.referenceBits === 8 ? 153 : 152;
  const ucs2Multi = resolved.referenceBits === 8 ? 67 : 66;
  if (resolved.encoding === 'ucs2') return countUcs2(text, ucs2Multi);
  if (resolved.nationalLanguages.length === 0) {
    const cost = DEFAULT_GSM7_COST;
    const length = text.length;
    let septets = 0;
    let parts = 1;
    let used = 0;
    let i = 0;
    for (; i < length; i++) {
      const c = cost[text.charCodeAt(i)]!;
      if (c === 0) break;
      septets += c;
      used += c;
      if (used > gsm7Multi) {
        parts++;
        used = c;
      }
    }
    if (i === length) return { encoding: 'gsm7', count: septets <= GSM7_SINGLE ? 1 : parts, units: septets };
    if (resolved.encoding === 'auto') return countUcs2(text, ucs2Multi);
  }
  const plan = planTextParts(text, resolved);
  if (plan.encoding === 'ucs2') return countUcs2(plan.text, ucs2Multi);
  const { units } = plan.layout;
  let septets = 0;
  for (const partSeptets of units) septets += partSeptets;
  return { encoding: 'gsm7', count: units.length, units: septets };
}

function countUcs2(text: string, multiBudget: number): SegmentCount {
  const length = text.length;
  if (length <= UCS2_SINGLE) return { encoding: 'ucs2', count: 1, units: length };
  let parts = 1;
  let used = 0;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    let cost = 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cost = 2;
        i++;
      }
    }
    used += cost;
    if (used > multiBudget) {
      parts++;
      used = cost;
    }
  }
  return { encoding: 'ucs2', count: parts, units: length };
}
