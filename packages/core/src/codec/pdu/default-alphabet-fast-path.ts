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

const SPACE = 0x20;

/** UTF-16 code unit of each default-alphabet septet; undefined codes read as a space, as decodeGsm7 does. */
const UNIT_BY_SEPTET: Readonly<Uint16Array> = Uint16Array.from(DEFAULT_GSM7_CHARSET.locking.table, (char) => (char === '' ? SPACE : char.charCodeAt(0)));

/** Code unit after an escape: the extension table's character, else the default alphabet's, else a space. */
const UNIT_BY_EXTENSION_CODE: Readonly<Uint16Array> = Uint16Array.from(DEFAULT_GSM7_CHARSET.singleShift.table, (char, code) =>
  char !== '' ? char.charCodeAt(0) : UNIT_BY_SEPTET[code]!,
);

/** Text packed as TS 23.038 §6.1.2.1.1 septets, and how many septets it took. */
export interface PackedSeptets {
  octets: Uint8Array;
  septets: number;
}

/**
 * `text` in the default alphabet and extension table, packed after `fillBits` zero bits straight
 * from the characters (what packSeptets(encodeGsm7(text), fillBits) gives, without the
 * intermediate arrays). Undefined when a character fits neither table or more than `maxSeptets`
 * would be needed.
 */
export function packDefaultAlphabet(text: string, fillBits: number, maxSeptets = Number.POSITIVE_INFINITY): PackedSeptets | undefined {
  // A counting pass first, so the output is allocated at its exact size.
  const count = defaultAlphabetLength(text);
  if (count < 0 || count > maxSeptets) return undefined;
  return packCountedDefaultAlphabet(text, fillBits, count)!;
}

/**
 * packDefaultAlphabet for a text expected to fit the default tables in `septets` septets (a
 * segment of a GSM-7 plan without national tables), skipping the counting pass. Undefined when
 * the expectation was wrong, so a caller can fall back rather than send a corrupt part.
 */
export function packCountedDefaultAlphabet(text: string, fillBits: number, septets: number): PackedSeptets | undefined {
  if (!Number.isInteger(septets) || septets < 0 || septets > 2 * text.length || !(fillBits >= 0 && fillBits <= 6)) return undefined;
  const out = new Uint8Array(Math.ceil((fillBits + 7 * septets) / 8));
  // Bits not yet written sit in `pending` (fewer than 8 plus the 7 or 14 just added), least significant first.
  let pending = 0;
  let pendingBits = fillBits;
  let written = 0;
  for (let i = 0; i < text.length; i++) {
    const entry = SEPTET_BY_UNIT[text.charCodeAt(i)]!;
    if (entry === NOT_ENCODABLE) return undefined;
    if (entry < EXTENSION_FLAG) {
      pending |= entry << pendingBits;
      pendingBits += 7;
    } else {
      pending |= (ESCAPE | ((entry & 0x7f) << 7)) << pendingBits;
      pendingBits += 14;
    }
    while (pendingBits >= 8) {
      out[written++] = pending & 0xff;
      pending >>>= 8;
      pendingBits -= 8;
    }
  }
  if (pendingBits > 0) out[written++] = pending & 0xff;
  return written === out.length ? { octets: out, septets } : undefined;
}

/** Septets `text` takes in the default alphabet and extension table, -1 when a character fits neither. */
export function defaultAlphabetLength(text: string): number {
  let septets = 0;
  for (let i = 0; i < text.length; i++) {
    const entry = SEPTET_BY_UNIT[text.charCodeAt(i)]!;
    if (entry === NOT_ENCODABLE) return -1;
    septets += entry < EXTENSION_FLAG ? 1 : 2;
  }
  return septets;
}

/** Every character of `text` is in the default alphabet or its extension table. */
export function fitsDefaultAlphabet(text: string): boolean {
  return defaultAlphabetLength(text) >= 0;
}

/** Septet `index` of septets packed from `offset` after `fillBits`; the caller has checked the octets are there. */
export function septetAt(octets: Uint8Array, index: number, fillBits: number, offset: number): number {
  const bit = fillBits + 7 * index;
  const at = offset + (bit >> 3);
  const shift = bit & 7;
  let value = octets[at]! >> shift;
  if (shift > 1) value |= octets[at + 1]! << (8 - shift);
  return value & 0x7f;
}

/**
 * decodeGsm7(unpackSeptets(...)) with the default tables, in one pass over packed octets the
 * caller has bounds-checked. Escapes are read with decodeGsm7's tolerance: escape-escape and a
 * dangling escape are a space, an undefined extension code shows the default alphabet's character.
 */
export function unpackDefaultAlphabet(octets: Uint8Array, septetCount: number, fillBits: number, offset: number): string {
  // A plain array: V8 spreads it into fromCharCode several times faster than a typed one.
  const units: number[] = new Array(septetCount);
  let length = 0;
  for (let i = 0; i < septetCount; i++) {
    const septet = septetAt(octets, i, fillBits, offset);
    if (septet !== ESCAPE) {
      units[length++] = UNIT_BY_SEPTET[septet]!;
      continue;
    }
    i++;
    if (i >= septetCount) {
      units[length++] = SPACE;
      break;
    }
    const code = septetAt(octets, i, fillBits, offset);
    units[length++] = code === ESCAPE ? SPACE : UNIT_BY_EXTENSION_CODE[code]!;
  }
  units.length = length;
  return String.fromCharCode.apply(null, units);
}
