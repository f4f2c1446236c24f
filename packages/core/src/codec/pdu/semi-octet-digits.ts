import { CodecError } from '../../errors/codec-error';

/** Extended BCD of TS 24.008 table 10.5.118 as used in addresses: 0–9, then `*#abc`; F is filler. */
const DIGIT_BY_NIBBLE = '0123456789*#abc';
const FILLER = 0x0f;

/**
 * Reads `digitCount` semi-octets, low nibble first. Filler nibbles (F) are skipped wherever they
 * are, since some networks pad inside the announced length too.
 */
export function decodeSemiOctetDigits(octets: Uint8Array, digitCount: number): string {
  let digits = '';
  for (let i = 0; i < digitCount; i++) {
    const octet = octets[i >> 1]!;
    const nibble = (i & 1) === 0 ? octet & 0x0f : octet >> 4;
    if (nibble !== FILLER) digits += DIGIT_BY_NIBBLE[nibble];
  }
  return digits;
}

/** Nibble of an address digit (`0-9*#abc`, case-insensitive), or -1. */
export function semiOctetOf(digit: string): number {
  const nibble = DIGIT_BY_NIBBLE.indexOf(digit.toLowerCase());
  return digit.length === 1 ? nibble : -1;
}

/** Digits → semi-octets, low nibble first, the last octet padded with F. Digits must be pre-validated. */
export function encodeSemiOctetDigits(digits: string): Uint8Array {
  const octets = new Uint8Array((digits.length + 1) >> 1);
  for (let i = 0; i < digits.length; i++) {
    const nibble = semiOctetOf(digits[i]!);
    if (nibble < 0) throw new CodecError('SMSB_CODEC_BAD_ADDRESS', `${JSON.stringify(digits[i])} is not an address digit`);
    octets[i >> 1] |= (i & 1) === 0 ? nibble : nibble << 4;
  }
  if ((digits.length & 1) === 1) octets[octets.length - 1] |= FILLER << 4;
  return octets;
}
