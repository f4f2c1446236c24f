import { DEFAULT_GSM7_CHARSET, type Gsm7Charset } from './gsm7-charset';

/**
 * Septets per UTF-16 code unit with the default tables: 0 = not encodable, 1 = default alphabet,
 * 2 = extension table. Covers all 65 536 code units so the counting loop needs no bounds check.
 */
export const DEFAULT_GSM7_COST: Uint8Array = (() => {
  const { codeByUnit } = DEFAULT_GSM7_CHARSET.lookup;
  const cost = new Uint8Array(0x10000);
  for (let unit = 0; unit < codeByUnit.length; unit++) cost[unit] = codeByUnit[unit]! >> 8;
  return cost;
})();

/** Septets one UTF-16 code unit costs with `charset` (0 = not encodable). */
export function gsm7UnitCost(charset: Gsm7Charset, unit: number): number {
  const { codeByUnit } = charset.lookup;
  return unit < codeByUnit.length ? codeByUnit[unit]! >> 8 : 0;
}
