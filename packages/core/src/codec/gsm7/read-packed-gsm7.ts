import { codeUnitsToString } from '../code-units-to-string';
import { septetAt } from '../septet-packing';
import type { Gsm7Charset } from './gsm7-charset';
import { GSM7_ESCAPE } from './gsm7-table';

const SPACE = 0x20;
/** A local copy: reading the imported binding inside loops costs a property look-up each time. */
const ESCAPE = GSM7_ESCAPE;

/**
 * Reads `septetCount` packed septets from `offset` after `fillBits` and decodes them with
 * `charset` in one pass: decodeGsm7(unpackSeptets(...)), escapes read with the same tolerance.
 * The caller has checked the octets are there.
 */
export function readPackedGsm7(octets: Uint8Array, septetCount: number, fillBits: number, offset: number, charset: Gsm7Charset): string {
  const { unitBySeptet, unitByEscapedCode } = charset.lookup;
  // A plain array sized up front: V8 spreads it into fromCharCode several times faster than a typed one.
  const units: number[] = new Array(septetCount);
  let length = 0;
  for (let i = 0; i < septetCount; i++) {
    const septet = septetAt(octets, i, fillBits, offset);
    if (septet !== ESCAPE) {
      units[length++] = unitBySeptet[septet]!;
      continue;
    }
    i++;
    units[length++] = i < septetCount ? unitByEscapedCode[septetAt(octets, i, fillBits, offset)]! : SPACE;
  }
  units.length = length;
  return codeUnitsToString(units);
}
