import { codeUnitsToString } from '../code-units-to-string';
import type { Gsm7Charset } from './gsm7-charset';
import { GSM7_ESCAPE } from './gsm7-table';

const SPACE = 0x20;

/**
 * Reads `septetCount` packed septets from `offset` after `fillBits` and decodes them with
 * `charset` in one pass: decodeGsm7(unpackSeptets(...)), escapes read with the same tolerance.
 * The caller has checked the octets are there.
 */
export function readPackedGsm7(octets: Uint8Array, septetCount: number, fillBits: number, offset: number, charset: Gsm7Charset): string {
  const { unitBySeptet, unitByEscapedCode } = charset.lookup;
  // A plain array: V8 spreads it into fromCharCode several times faster than a typed one.
  const units: number[] = [];
  let pending = 0;
  let pendingBits = 0;
  let at = offset;
  if (fillBits > 0) {
    pending = octets[at++]! >> fillBits;
    pendingBits = 8 - fillBits;
  }
  let escaped = false;
  for (let i = 0; i < septetCount; i++) {
    if (pendingBits < 7) {
      // The last septet may end inside the final octet, so only read octets that exist.
      if (at < octets.length) pending |= octets[at++]! << pendingBits;
      pendingBits += 8;
    }
    const septet = pending & 0x7f;
    pending >>>= 7;
    pendingBits -= 7;
    if (escaped) {
      units.push(unitByEscapedCode[septet]!);
      escaped = false;
    } else if (septet === GSM7_ESCAPE) {
      escaped = true;
    } else {
      units.push(unitBySeptet[septet]!);
    }
  }
  if (escaped) units.push(SPACE);
  return codeUnitsToString(units);
}
