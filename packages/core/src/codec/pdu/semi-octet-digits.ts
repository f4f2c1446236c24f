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

/** Hex digit of each nibble, for writing semi-octets straight to hex. */
const HEX_DIGIT = '0123456789ABCDEF';

/** The hex digit an address digit becomes: itself for 0–9, A–E for `*#abc`. */
function nibbleHex(digits: string, index: number): string {
  const code = digits.charCodeAt(index);
  if (code >= 0x30 && code <= 0x39) return digits[index]!;
  const nibble = semiOctetOf(digits[index]!);
  if (nibble < 0) throw new CodecError('SMSB_CODEC_BAD_ADDRESS', `${JSON.stringify(digits[index])} is not an address digit`);
  return HEX_DIGIT[nibble]!;
}

/** Digits → semi-octets as hex (each octet's high nibble written first), the last one padded with F. */
export function semiOctetDigitsHex(digits: string): string {
  let hex = '';
  const pairs = digits.length & ~1;
  for (let i = 0; i < pairs; i += 2) hex += nibbleHex(digits, i + 1) + nibbleHex(digits, i);
  if (pairs < digits.length) hex += 'F' + nibbleHex(digits, pairs);
  return hex;
}
