import type { Gsm7Charset } from '../gsm7/gsm7-charset';
import { gsm7UnitCost } from '../gsm7/gsm7-cost';

export interface Gsm7Measure {
  /** Septets of the whole text. */
  septets: number;
  /** Parts it takes. */
  count: number;
}

/**
 * Septets and parts of `text` in one pass, or undefined when a character does not fit. Parts are
 * filled greedily without splitting an escape pair, so the count can exceed ceil(septets/budget).
 */
export function measureGsm7(text: string, charset: Gsm7Charset, singleBudget: number, multiBudget: number): Gsm7Measure | undefined {
  let septets = 0;
  let parts = 1;
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    const cost = gsm7UnitCost(charset, text.charCodeAt(i));
    if (cost === 0) return undefined;
    septets += cost;
    if (used + cost > multiBudget) {
      parts++;
      used = cost;
    } else {
      used += cost;
    }
  }
  return { septets, count: septets <= singleBudget ? 1 : parts };
}
