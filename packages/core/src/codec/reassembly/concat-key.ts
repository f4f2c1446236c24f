import type { ConcatInfo, DecodedPdu } from '../types';

/** The concat element of a decoded part, with the reference size that DecodedPdu.concat leaves out (read back from the UDH). */
export function concatInfoOf(pdu: DecodedPdu): ConcatInfo | null {
  const concat = pdu.concat;
  if (concat === null || concat.total < 2) return null;
  // The last valid concat element is the one the decoder used; its IEI tells the reference size.
  for (let i = pdu.udh.length - 1; i >= 0; i--) {
    const { iei, data } = pdu.udh[i]!;
    if (iei === 0x08 && data.length === 8 && parseInt(data.slice(0, 4), 16) === concat.reference) return { ...concat, referenceBits: 16 };
    if (iei === 0x00 && data.length === 6 && parseInt(data.slice(0, 2), 16) === concat.reference) return { ...concat, referenceBits: 8 };
  }
  return { ...concat, referenceBits: 8 };
}

/** Parts belong together when sender, reference size, reference and total agree (TS 23.040 §9.2.3.24.1). */
export function concatKey(originator: string, info: ConcatInfo): string {
  return `${originator}\u0000${info.referenceBits}\u0000${info.reference}\u0000${info.total}`;
}
