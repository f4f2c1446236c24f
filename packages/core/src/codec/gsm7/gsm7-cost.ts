import { DEFAULT_GSM7_CHARSET, type Gsm7Charset } from './gsm7-charset';

/** Septets per UTF-16 code unit with the default tables: 0 = not encodable, 1 = default alphabet, 2 = extension table. */
export const DEFAULT_GSM7_COST: Uint8Array = buildCostTable(DEFAULT_GSM7_CHARSET);

function buildCostTable(charset: Gsm7Charset): Uint8Array {
  const cost = new Uint8Array(0x10000);
  for (const unit of charset.singleShift.septetOf.keys()) cost[unit] = 2;
  for (const unit of charset.locking.septetOf.keys()) cost[unit] = 1;
  return cost;
}

/** Septets one UTF-16 code unit costs with `charset` (0 = not encodable). */
export function gsm7UnitCost(charset: Gsm7Charset, unit: number): number {
  if (charset === DEFAULT_GSM7_CHARSET) return DEFAULT_GSM7_COST[unit]!;
  if (charset.locking.septetOf.has(unit)) return 1;
  return charset.singleShift.septetOf.has(unit) ? 2 : 0;
}
