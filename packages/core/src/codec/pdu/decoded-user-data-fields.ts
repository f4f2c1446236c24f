import type { DecodedPdu } from '../types';
import { octetsToHex } from './hex-octets';
import type { UserDataHeader } from './user-data-header';

/** DecodedPdu.concat of a header: its concatenation element, reference size included. */
export function concatField(header: UserDataHeader | null): DecodedPdu['concat'] {
  const concat = header?.concat;
  return concat == null ? null : { reference: concat.reference, total: concat.total, sequence: concat.sequence, referenceBits: concat.referenceBits };
}

/** DecodedPdu.udh: every element with its data as hex. */
export function udhField(header: UserDataHeader | null): DecodedPdu['udh'] {
  return header === null ? [] : header.elements.map((e) => ({ iei: e.iei, data: octetsToHex(e.data) }));
}
