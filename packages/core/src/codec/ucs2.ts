import { CodecError } from '../errors/codec-error';

/** UTF-16BE octets of `text`; astral characters stay as their two surrogate code units (UCS-2 in SMS is UTF-16 in practice). */
export function encodeUcs2(text: string): Uint8Array {
  const octets = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    octets[2 * i] = unit >> 8;
    octets[2 * i + 1] = unit & 0xff;
  }
  return octets;
}

/** Text of UTF-16BE octets from `offset` to `end` (default: the end). An odd octet count is a malformed PDU. */
export function decodeUcs2(octets: Uint8Array, offset = 0, end = octets.length): string {
  const length = end - offset;
  if (length < 0 || end > octets.length) throw new CodecError('SMSB_CODEC_TRUNCATED', `UCS-2 text starts past the end of the data`, octets.length);
  if (length % 2 !== 0) {
    throw new CodecError('SMSB_CODEC_BAD_FIELD', `UCS-2 text has an odd number of octets (${length}); each character needs two`, end - 1);
  }
  // Swapped into little-endian for Node's native UTF-16 decoder, which keeps lone surrogates as they are.
  const swapped = Buffer.allocUnsafe(length);
  for (let i = offset, j = 0; j < length; i += 2, j += 2) {
    swapped[j] = octets[i + 1]!;
    swapped[j + 1] = octets[i]!;
  }
  return swapped.toString('utf16le');
}

/** Uppercase hex of the UTF-16BE encoding, the form several HTTP gateways take ("Hi" → "00480069"). */
export function toUcs2Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return hex;
}
