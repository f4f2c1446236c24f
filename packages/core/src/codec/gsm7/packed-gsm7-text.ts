import { codeUnitsToString } from '../code-units-to-string';
import type { Gsm7Charset } from './gsm7-charset';
import { GSM7_ESCAPE } from './gsm7-table';

const SPACE = 0x20;

/**
 * Writes `text[start, end)` as packed septets (TS 23.038 §6.1.2.1.1) into `out` from `outOffset`,
 * after `fillBits` zero bits: what packSeptets(encodeGsm7(text), fillBits) gives, without the
 * arrays in between. Every octet it touches is written whole, so `out` need not be zeroed. Returns
 * the septets written, or -1 at the first character that fits neither table (the caller names it).
 */
export function writePackedGsm7(text: string, start: number, end: number, charset: Gsm7Charset, fillBits: number, out: Uint8Array, outOffset: number): number {
  const { codeByUnit } = charset.lookup;
  const tableLength = codeByUnit.length;
  // Bits not yet written sit in `pending`, least significant first: fewer than 8 plus the 7 or 14 just added.
  let pending = 0;
  let pendingBits = fillBits;
  let at = outOffset;
  let septets = 0;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    const entry = unit < tableLength ? codeByUnit[unit]! : 0;
    if (entry < 0x200) {
      if (entry === 0) return -1;
      pending |= (entry & 0x7f) << pendingBits;
      pendingBits += 7;
      septets++;
    } else {
      pending |= (GSM7_ESCAPE | ((entry & 0x7f) << 7)) << pendingBits;
      pendingBits += 14;
      septets += 2;
    }
    while (pendingBits >= 8) {
      out[at++] = pending;
      pending >>>= 8;
      pendingBits -= 8;
    }
  }
  if (pendingBits > 0) out[at] = pending;
  return septets;
}

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
