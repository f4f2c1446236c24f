import { CodecError } from '../errors/codec-error';

/**
 * 7-bit packing of TS 23.038 §6.1.2.1.1: septet n starts at bit 7n of the stream, least
 * significant bits first. `fillBits` (0–6) zero bits come first so that septets after a user data
 * header start on a septet boundary of the whole user data.
 */
export function packSeptets(septets: ArrayLike<number>, fillBits = 0): Uint8Array {
  checkFillBits(fillBits);
  const count = septets.length;
  for (let i = 0; i < count; i++) {
    const septet = septets[i]!;
    if (!Number.isInteger(septet) || septet < 0 || septet > 0x7f) {
      throw new CodecError('SMSB_CODEC_BAD_FIELD', `septet ${i} is ${septet}; septets must be integers 0–127`);
    }
  }
  const out = new Uint8Array(packedOctetCount(count, fillBits));
  writePackedSeptets(septets, 0, count, fillBits, out, 0);
  return out;
}

/**
 * packSeptets of `septets[start, end)` (checked by the caller to be 0–127) written into `out` from
 * `at`. Every octet it touches is written whole, so `out` need not be zeroed. Returns where the
 * packed septets end.
 */
export function writePackedSeptets(septets: ArrayLike<number>, start: number, end: number, fillBits: number, out: Uint8Array, at: number): number {
  // Bits not yet written sit in `pending`, least significant first (fewer than 8 between septets).
  let pending = 0;
  let pendingBits = fillBits;
  let i = start;
  // After `fillBits` septets the stream is on an octet boundary: from there 8 septets are 7 octets.
  for (; i < end && pendingBits !== 0; i++) {
    pending |= septets[i]! << pendingBits;
    pendingBits += 7;
    if (pendingBits >= 8) {
      out[at++] = pending;
      pending >>>= 8;
      pendingBits -= 8;
    }
  }
  if (pendingBits === 0) {
    for (; i + 8 <= end; i += 8, at += 7) {
      const s1 = septets[i + 1]!;
      const s2 = septets[i + 2]!;
      const s3 = septets[i + 3]!;
      const s4 = septets[i + 4]!;
      const s5 = septets[i + 5]!;
      const s6 = septets[i + 6]!;
      out[at] = septets[i]! | (s1 << 7);
      out[at + 1] = (s1 >> 1) | (s2 << 6);
      out[at + 2] = (s2 >> 2) | (s3 << 5);
      out[at + 3] = (s3 >> 3) | (s4 << 4);
      out[at + 4] = (s4 >> 4) | (s5 << 3);
      out[at + 5] = (s5 >> 5) | (s6 << 2);
      out[at + 6] = (s6 >> 6) | (septets[i + 7]! << 1);
    }
  }
  for (; i < end; i++) {
    pending |= septets[i]! << pendingBits;
    pendingBits += 7;
    if (pendingBits >= 8) {
      out[at++] = pending;
      pending >>>= 8;
      pendingBits -= 8;
    }
  }
  if (pendingBits > 0) out[at++] = pending;
  return at;
}

/**
 * Reads `septetCount` septets packed from `octets[offset]` on, after `fillBits` leading fill bits.
 * Throws SMSB_CODEC_TRUNCATED (offset = first missing octet) when the octets run out.
 */
export function unpackSeptets(octets: Uint8Array, septetCount: number, fillBits = 0, offset = 0): number[] {
  checkFillBits(fillBits);
  if (!Number.isInteger(septetCount) || septetCount < 0) {
    throw new CodecError('SMSB_CODEC_BAD_FIELD', `septet count ${septetCount} is not a non-negative integer`, offset);
  }
  const needed = packedOctetCount(septetCount, fillBits);
  if (offset + needed > octets.length) {
    throw new CodecError(
      'SMSB_CODEC_TRUNCATED',
      `${septetCount} septets need ${needed} octets of user data but only ${Math.max(0, octets.length - offset)} remain`,
      octets.length,
    );
  }
  const septets = new Array<number>(septetCount);
  for (let i = 0; i < septetCount; i++) {
    const bit = fillBits + 7 * i;
    const index = offset + (bit >> 3);
    const shift = bit & 7;
    let value = octets[index]! >> shift;
    if (shift > 1) value |= octets[index + 1]! << (8 - shift);
    septets[i] = value & 0x7f;
  }
  return septets;
}

/** Octets taken by `septetCount` packed septets after `fillBits` fill bits. */
export function packedOctetCount(septetCount: number, fillBits = 0): number {
  return Math.ceil((fillBits + 7 * septetCount) / 8);
}

/** Fill bits needed after a user data header of `udhOctets` octets (UDHL included) to reach a septet boundary. */
export function fillBitsAfterHeader(udhOctets: number): number {
  return udhOctets === 0 ? 0 : (7 - ((udhOctets * 8) % 7)) % 7;
}

function checkFillBits(fillBits: number): void {
  if (!Number.isInteger(fillBits) || fillBits < 0 || fillBits > 6) {
    throw new CodecError('SMSB_CODEC_BAD_OPTION', `fill bits must be an integer 0–6, got ${fillBits}`);
  }
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
