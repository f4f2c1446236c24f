import type { ConcatInfo, DecodedPdu } from '../types';

/** The concat element of a decoded part when it is one of several; a "1 of 1" part stands alone. */
export function concatInfoOf(pdu: DecodedPdu): ConcatInfo | null {
  const concat = pdu.concat;
  return concat === null || concat.total < 2 ? null : concat;
}

/** Parts belong together when sender, reference size, reference and total agree (TS 23.040 §9.2.3.24.1). */
export function concatKey(originator: string, info: ConcatInfo): string {
  return `${originator}\u0000${info.referenceBits}\u0000${info.reference}\u0000${info.total}`;
}
