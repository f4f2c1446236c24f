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
  if (native.length * 2 === text.length) return native;
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

/**
 * hexToOctets written into `into` from 0, without allocating, when the hex is clean (no white
 * space, no bad digit) and fits; returns the octet count, or -1 when hexToOctets must do it
 * (and find the bad digit or trim the white space).
 */
export function writeHexOctets(hex: string, into: Buffer): number {
  if (typeof hex !== 'string' || hex.length > 2 * into.length || (hex.length & 1) !== 0) return -1;
  // Node's native decoder stops at the first bad digit (or white space), so a short count means one.
  const written = into.write(hex, 0, 'hex');
  return written * 2 === hex.length ? written : -1;
}

/** Below this many octets plain concatenation beats a round trip through Node's native encoder. */
const NATIVE_THRESHOLD = 16;

/** Most octets the digit-pair path handles; above it Node's hex encoder plus toUpperCase is as fast. */
const PAIR_PATH_MAX_OCTETS = 512;

/**
 * The two upper-case ASCII digits of each octet value as one UTF-16 slot, laid out through a byte
 * view so the digit order is right on any host endianness: a Uint16Array of these over a Buffer
 * reads back as hex with one `latin1` toString.
 */
export const HEX_PAIR_BY_OCTET: Readonly<Uint16Array> = (() => {
  const bytes = new Uint8Array(512);
  for (let value = 0; value < 256; value++) {
    bytes[2 * value] = OCTET_HEX[value]!.charCodeAt(0);
    bytes[2 * value + 1] = OCTET_HEX[value]!.charCodeAt(1);
  }
  return new Uint16Array(bytes.buffer);
})();

/**
 * Where the digit pairs are written before one latin1 read turns them into a string. Private to
 * this module and overwritten by every call, which runs to the end synchronously.
 */
const DIGIT_SCRATCH = Buffer.allocUnsafeSlow(2 * PAIR_PATH_MAX_OCTETS);
const DIGIT_SCRATCH_PAIRS = new Uint16Array(DIGIT_SCRATCH.buffer, DIGIT_SCRATCH.byteOffset, PAIR_PATH_MAX_OCTETS);

/** Octets `[start, end)` → upper-case hex. */
export function octetsToHex(octets: ArrayLike<number>, start = 0, end = octets.length): string {
  const count = end - start;
  if (count >= NATIVE_THRESHOLD && octets instanceof Uint8Array) {
    // Upper-case digits written straight: Node's encoder writes lower case and toUpperCase costs a second pass and string.
    if (count <= PAIR_PATH_MAX_OCTETS) {
      for (let i = 0; i < count; i++) DIGIT_SCRATCH_PAIRS[i] = HEX_PAIR_BY_OCTET[octets[start + i]!]!;
      return DIGIT_SCRATCH.toString('latin1', 0, 2 * count);
    }
    if (octets instanceof Buffer) return octets.toString('hex', start, end).toUpperCase();
    return Buffer.from(octets.buffer, octets.byteOffset + start, count).toString('hex').toUpperCase();
  }
  let hex = '';
  for (let i = start; i < end; i++) hex += OCTET_HEX[octets[i]! & 0xff];
  return hex;
}

/** UTF-16BE hex of `text` (4 digits per code unit), written straight from the string for the UCS-2 hot path. */
export function utf16BeHex(text: string): string {
  if (text.length < NATIVE_THRESHOLD / 2) {
    let hex = '';
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      hex += OCTET_HEX[unit >> 8]! + OCTET_HEX[unit & 0xff]!;
    }
    return hex;
  }
  // swap16 turns Node's little-endian UTF-16 into big-endian in place.
  return Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
}

/** One octet → two upper-case hex digits. */
export function octetHex(value: number): string {
  return OCTET_HEX[value & 0xff]!;
}
