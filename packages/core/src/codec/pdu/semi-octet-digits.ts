import { CodecError } from '../../errors/codec-error';

/** Extended BCD of TS 24.008 table 10.5.118 as used in addresses: 0–9, then `*#abc`; F is filler. */
const DIGIT_BY_NIBBLE = '0123456789*#abc';
const FILLER = 0x0f;

/** The two digits of each octet (low nibble first); shorter when a nibble is filler. */
const DIGIT_PAIR_BY_OCTET: readonly string[] = Array.from({ length: 256 }, (_, octet) =>
  [octet & 0x0f, octet >> 4].map((nibble) => (nibble === FILLER ? '' : DIGIT_BY_NIBBLE[nibble])).join(''),
);

/**
 * Reads `digitCount` semi-octets, low nibble first. Filler nibbles (F) are skipped wherever they
 * are, since some networks pad inside the announced length too.
 */
export function decodeSemiOctetDigits(octets: Uint8Array, digitCount: number, start = 0): string {
  let digits = '';
  // Whole octets without filler take one look-up; the rest goes digit by digit.
  let i = 0;
  for (; i + 1 < digitCount; i += 2) {
    const pair = DIGIT_PAIR_BY_OCTET[octets[start + (i >> 1)]!]!;
    if (pair.length !== 2) break;
    digits += pair;
  }
  for (; i < digitCount; i++) {
    const octet = octets[start + (i >> 1)]!;
    const nibble = (i & 1) === 0 ? octet & 0x0f : octet >> 4;
    if (nibble !== FILLER) digits += DIGIT_BY_NIBBLE[nibble];
  }
  return digits;
}

/** Nibble of an address digit (`0-9*#abc`, case-insensitive), or -1. */
export function semiOctetOf(digit: string): number {
  if (digit.length !== 1) return -1;
  const code = digit.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  switch (code) {
    case 0x2a: // *
      return 10;
    case 0x23: // #
      return 11;
    case 0x61: // a
    case 0x41:
      return 12;
    case 0x62: // b
    case 0x42:
      return 13;
    case 0x63: // c
    case 0x43:
      return 14;
    default:
      return -1;
  }
}

/** Writes digits as semi-octets (low nibble first, F-padded) into `out` from `start`; throws SMSB_CODEC_BAD_ADDRESS on a non-digit. */
export function writeSemiOctetDigits(digits: string, out: Uint8Array, start: number): void {
  for (let i = 0; i < digits.length; i += 2) {
    const low = nibbleOf(digits, i);
    const high = i + 1 < digits.length ? nibbleOf(digits, i + 1) : FILLER;
    out[start + (i >> 1)] = low | (high << 4);
  }
}

function nibbleOf(digits: string, index: number): number {
  const code = digits.charCodeAt(index);
  const nibble = code >= 0x30 && code <= 0x39 ? code - 0x30 : semiOctetOf(digits[index]!);
  if (nibble < 0) throw new CodecError('SMSB_CODEC_BAD_ADDRESS', `${JSON.stringify(digits[index])} is not an address digit`);
  return nibble;
}
