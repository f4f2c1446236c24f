import { CodecError } from '../../errors/codec-error';

/** Value of each ASCII code as a hex digit, -1 when it is none. Built once, never written after. */
const HEX_DIGIT_VALUE: Readonly<Int8Array> = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let d = 0; d < 10; d++) table[0x30 + d] = d;
  for (let d = 0; d < 6; d++) {
    table[0x41 + d] = 10 + d;
    table[0x61 + d] = 10 + d;
  }
  return table;
})();

/** Upper-case two-digit hex of every octet value. */
const OCTET_HEX: readonly string[] = Array.from({ length: 256 }, (_, value) => value.toString(16).toUpperCase().padStart(2, '0'));

/**
 * Hex text → octets, in one pass. Surrounding white space is ignored (modems end lines with it);
 * odd length or a non-hex character is SMSB_CODEC_BAD_HEX at the octet where it happens.
 */
export function hexToOctets(hex: string): Uint8Array {
  if (typeof hex !== 'string') throw new CodecError('SMSB_CODEC_BAD_HEX', `PDU must be a hex string, got ${typeof hex}`, 0);
  const text = hex.trim();
  if ((text.length & 1) !== 0) {
    throw new CodecError('SMSB_CODEC_BAD_HEX', `hex has an odd number of digits (${text.length})`, text.length >> 1);
  }
  // Node's native decoder stops at the first bad digit, so a short result means there is one to find.
  const native = Buffer.from(text, 'hex');
  if (native.length * 2 === text.length) return new Uint8Array(native.buffer, native.byteOffset, native.length);
  const octets = new Uint8Array(text.length >> 1);
  for (let i = 0, j = 0; j < octets.length; i += 2, j++) {
    const highCode = text.charCodeAt(i);
    const lowCode = text.charCodeAt(i + 1);
    const high = highCode < 128 ? HEX_DIGIT_VALUE[highCode]! : -1;
    const low = lowCode < 128 ? HEX_DIGIT_VALUE[lowCode]! : -1;
    if (high < 0 || low < 0) {
      const bad = high < 0 ? text[i] : text[i + 1];
      throw new CodecError('SMSB_CODEC_BAD_HEX', `${JSON.stringify(bad)} is not a hex digit`, j);
    }
    octets[j] = (high << 4) | low;
  }
  return octets;
}

/** ASCII codes of each octet's two hex digits, high digit in the low byte. */
const OCTET_HEX_CODES: Readonly<Uint16Array> = Uint16Array.from(OCTET_HEX, (hex) => hex.charCodeAt(0) | (hex.charCodeAt(1) << 8));

/** Below this many octets plain concatenation is cheaper than a buffer round trip. */
const BUFFER_THRESHOLD = 8;

/** Octets `[start, end)` → upper-case hex. */
export function octetsToHex(octets: ArrayLike<number>, start = 0, end = octets.length): string {
  const count = end - start;
  if (count < BUFFER_THRESHOLD) {
    let hex = '';
    for (let i = start; i < end; i++) hex += OCTET_HEX[octets[i]! & 0xff];
    return hex;
  }
  // ASCII digits written into one buffer and read back as a string in a single native call.
  const ascii = Buffer.allocUnsafe(count * 2);
  for (let i = 0; i < count; i++) {
    const codes = OCTET_HEX_CODES[octets[start + i]! & 0xff]!;
    ascii[2 * i] = codes & 0xff;
    ascii[2 * i + 1] = codes >> 8;
  }
  return ascii.toString('latin1');
}

/** One octet → two upper-case hex digits. */
export function octetHex(value: number): string {
  return OCTET_HEX[value & 0xff]!;
}
