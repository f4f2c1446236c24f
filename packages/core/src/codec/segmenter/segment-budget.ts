import type { NationalShift, TextEncoding } from '../types';

/** Octets of TP-User-Data in one SMS. */
const USER_DATA_OCTETS = 140;

/**
 * Octets of the user data header (UDHL included) for one part: concatenation IE (IEI 00, 5 octets
 * with its header, or IEI 08, 6 octets) plus 3 octets per national language IE (IEI 24/25).
 */
export function userDataHeaderOctets(concatenated: boolean, referenceBits: 8 | 16, national?: NationalShift): number {
  const nationalIes = (national?.lockingShift !== undefined ? 1 : 0) + (national?.singleShift !== undefined ? 1 : 0);
  const elements = (concatenated ? (referenceBits === 8 ? 5 : 6) : 0) + 3 * nationalIes;
  return elements === 0 ? 0 : 1 + elements;
}

/**
 * Septets (GSM-7) or UTF-16 code units (UCS-2) one part can carry. GSM-7 loses the header's
 * septets including fill bits, ceil(udh*8/7): 160 → 153 with an 8-bit reference, 152 with 16-bit.
 */
export function segmentBudget(encoding: TextEncoding, concatenated: boolean, referenceBits: 8 | 16, national?: NationalShift): number {
  const udh = userDataHeaderOctets(concatenated, referenceBits, encoding === 'gsm7' ? national : undefined);
  if (encoding === 'gsm7') return Math.floor((USER_DATA_OCTETS * 8) / 7) - Math.ceil((udh * 8) / 7);
  return Math.floor((USER_DATA_OCTETS - udh) / 2);
}
