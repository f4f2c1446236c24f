import { hasLockingShiftTable } from '../gsm7/gsm7-charset';
import type { NationalLanguage, NationalShift } from '../types';

/**
 * Every table combination the allowed languages permit, cheapest header first: none, one
 * national IE (single shift, then locking shift), then both IEs. Ties in segment count go to the
 * earlier candidate, so national tables are only used when they save something.
 */
export function nationalShiftCandidates(languages: readonly NationalLanguage[]): NationalShift[] {
  const unique = [...new Set(languages)];
  const locking = unique.filter(hasLockingShiftTable);
  const candidates: NationalShift[] = [{}];
  for (const singleShift of unique) candidates.push({ singleShift });
  for (const lockingShift of locking) candidates.push({ lockingShift });
  for (const lockingShift of locking) for (const singleShift of unique) candidates.push({ lockingShift, singleShift });
  return candidates;
}

export function nationalIeCount(shift: NationalShift): number {
  return (shift.lockingShift !== undefined ? 1 : 0) + (shift.singleShift !== undefined ? 1 : 0);
}
