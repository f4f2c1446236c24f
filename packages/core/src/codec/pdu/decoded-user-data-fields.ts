import type { DecodedPdu } from '../types';
import { octetsToHex } from './hex-octets';
import type { DecodedUserData } from './user-data';

/** The DecodedPdu fields that come from the user data header and payload. */
export function userDataFields(userData: DecodedUserData): Pick<DecodedPdu, 'text' | 'data' | 'concat' | 'national' | 'udh'> {
  const header = userData.header;
  const concat = header?.concat;
  return {
    text: userData.text,
    data: userData.data,
    concat: concat == null ? null : { reference: concat.reference, total: concat.total, sequence: concat.sequence },
    national: header?.national ?? null,
    udh: header === null ? [] : header.elements.map((e) => ({ iei: e.iei, data: octetsToHex(e.data) })),
  };
}
