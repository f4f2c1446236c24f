import { DEFAULT_GSM7_CHARSET } from '../gsm7/gsm7-charset';
import { GSM7_ESCAPE } from '../gsm7/gsm7-table';

/**
 * Flat look-up tables derived once from the GSM-7 codec's default tables, for the PDU hot paths
 * (plain default-alphabet text). Anything else goes through encodeGsm7 / decodeGsm7, which stay
 * the reference: tests check both paths agree.
 */
const NOT_ENCODABLE = -1;
/** Extension characters are stored as this flag plus their single shift code. */
const EXTENSION_FLAG = 0x100;
/** A local copy: reading the imported binding inside loops costs a property look-up each time. */
const ESCAPE = GSM7_ESCAPE;

const SEPTET_BY_UNIT: Readonly<Int16Array> = (() => {
  const table = new Int16Array(0x10000).fill(NOT_ENCODABLE);
  for (const [unit, code] of DEFAULT_GSM7_CHARSET.singleShift.septetOf) table[unit] = EXTENSION_FLAG | code;
  for (const [unit, septet] of DEFAULT_GSM7_CHARSET.locking.septetOf) table[unit] = septet;
  return table;
})();

/** UTF-16 code unit of each default-alphabet septet; undefined codes read as a space, as decodeGsm7 does. */
const UNIT_BY_SEPTET: Readonly<Uint16Array> = Uint16Array.from(DEFAULT_GSM7_CHARSET.locking.table, (char) => (char === '' ? 0x20 : char.charCodeAt(0)));

/**
 * Septets of `text` in the default alphabet and its extension table, or undefined when a
 * character fits neither or the text needs more than `maxSeptets`.
 */
export function defaultAlphabetSeptets(text: string, maxSeptets = Number.POSITIVE_INFINITY): Uint8Array | undefined {
  const septets = new Uint8Array(Math.min(2 * text.length, maxSeptets + 1));
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const entry = SEPTET_BY_UNIT[text.charCodeAt(i)]!;
    if (entry === NOT_ENCODABLE) return undefined;
    if (entry < EXTENSION_FLAG) {
      if (count + 1 > maxSeptets) return undefined;
      septets[count++] = entry;
    } else {
      if (count + 2 > maxSeptets) return undefined;
      septets[count++] = ESCAPE;
      septets[count++] = entry & 0x7f;
    }
  }
  return septets.subarray(0, count);
}

/** Text packed as TS 23.038 §6.1.2.1.1 septets, and how many septets it took. */
export interface PackedSeptets {
  octets: Uint8Array;
  septets: number;
}

/**
 * `text` in the default alphabet and extension table, packed after `fillBits` zero bits in the
 * same pass as the look-up (what packSeptets(encodeGsm7(text), fillBits) gives, without the
 * intermediate arrays). Undefined when a character fits neither table or more than `maxSeptets`
 * would be needed.
 */
export function packDefaultAlphabet(text: string, fillBits: number, maxSeptets = Number.POSITIVE_INFINITY): PackedSeptets | undefined {
  const most = Math.min(2 * text.length, maxSeptets);
  const out = new Uint8Array(Math.ceil((fillBits + 7 * most) / 8));
  let bit = fillBits;
  let septets = 0;
  for (let i = 0; i < text.length; i++) {
    const entry = SEPTET_BY_UNIT[text.charCodeAt(i)]!;
    if (entry === NOT_ENCODABLE) return undefined;
    const width = entry < EXTENSION_FLAG ? 1 : 2;
    if (septets + width > maxSeptets) return undefined;
    septets += width;
    if (width === 2) {
      writeSeptet(out, bit, ESCAPE);
      bit += 7;
    }
    writeSeptet(out, bit, entry & 0x7f);
    bit += 7;
  }
  return { octets: out.subarray(0, (bit + 7) >> 3), septets };
}

function writeSeptet(out: Uint8Array, bit: number, septet: number): void {
  const index = bit >> 3;
  const shift = bit & 7;
  out[index] |= (septet << shift) & 0xff;
  if (shift > 1) out[index + 1] |= septet >> (8 - shift);
}

/** Every character of `text` is in the default alphabet or its extension table. */
export function fitsDefaultAlphabet(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (SEPTET_BY_UNIT[text.charCodeAt(i)] === NOT_ENCODABLE) return false;
  return true;
}

/** Text of default-alphabet septets without escapes; undefined when there is an escape (the caller then uses decodeGsm7). */
export function decodeDefaultAlphabet(septets: ArrayLike<number>): string | undefined {
  const units = new Uint16Array(septets.length);
  for (let i = 0; i < septets.length; i++) {
    const septet = septets[i]! & 0x7f;
    if (septet === ESCAPE) return undefined;
    units[i] = UNIT_BY_SEPTET[septet]!;
  }
  return String.fromCharCode.apply(null, units as unknown as number[]);
}
