import { codeUnitsToString } from '../code-units-to-string';
import { septetAt } from '../septet-packing';
import { HOST_IS_LITTLE_ENDIAN } from '../utf16-code-units';
import type { Gsm7Charset } from './gsm7-charset';
import { GSM7_ESCAPE } from './gsm7-table';

const SPACE = 0x20;
/** A local copy: reading the imported binding inside loops costs a property look-up each time. */
const ESCAPE = GSM7_ESCAPE;

/**
 * From this many septets on, the text is built in a scratch and read out by Node's native
 * decoder, which beats String.fromCharCode over an array there (and loses below it).
 */
const NATIVE_STRING_MIN_SEPTETS = 48;
/** TP-UDL is one octet: no user data has more septets. */
const MAX_SEPTETS = 255;

/**
 * Private to readPackedGsm7, which fills and reads them without yielding: the text's code units,
 * and the same units as octets for when they all fit Latin-1 (a one-byte string).
 */
const WIDE_SCRATCH = Buffer.allocUnsafeSlow(2 * MAX_SEPTETS);
const WIDE_UNITS = new Uint16Array(WIDE_SCRATCH.buffer, WIDE_SCRATCH.byteOffset, MAX_SEPTETS);
const LATIN1_SCRATCH = Buffer.allocUnsafeSlow(MAX_SEPTETS);

/**
 * Reads `septetCount` packed septets from `offset` after `fillBits` and decodes them with
 * `charset` in one pass: decodeGsm7(unpackSeptets(...)), escapes read with the same tolerance.
 * The caller has checked the octets are there.
 */
export function readPackedGsm7(octets: Uint8Array, septetCount: number, fillBits: number, offset: number, charset: Gsm7Charset): string {
  // The wide scratch is read as 'utf16le', so only little-endian hosts take it.
  if (HOST_IS_LITTLE_ENDIAN && septetCount >= NATIVE_STRING_MIN_SEPTETS && septetCount <= MAX_SEPTETS) return readIntoScratch(octets, septetCount, fillBits, offset, charset);
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
  // Shrinking an array's length is a slow runtime call: only escapes make it shorter.
  if (length !== septetCount) units.length = length;
  return codeUnitsToString(units);
}

/** readPackedGsm7 for longer texts: the units go to both scratches, and the narrower one is read out. */
function readIntoScratch(octets: Uint8Array, septetCount: number, fillBits: number, offset: number, charset: Gsm7Charset): string {
  const { unitBySeptet, unitByEscapedCode } = charset.lookup;
  let length = 0;
  // Every unit OR-ed together: below 0x100 they all fit Latin-1.
  let bits = 0;
  for (let i = 0; i < septetCount; i++) {
    const septet = septetAt(octets, i, fillBits, offset);
    let unit: number;
    if (septet !== ESCAPE) {
      unit = unitBySeptet[septet]!;
    } else {
      i++;
      unit = i < septetCount ? unitByEscapedCode[septetAt(octets, i, fillBits, offset)]! : SPACE;
    }
    WIDE_UNITS[length] = unit;
    LATIN1_SCRATCH[length++] = unit;
    bits |= unit;
  }
  return bits < 0x100 ? LATIN1_SCRATCH.toString('latin1', 0, length) : WIDE_SCRATCH.toString('utf16le', 0, 2 * length);
}
