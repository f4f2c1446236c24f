import { CodecError } from '../../errors/codec-error';
import { DEFAULT_GSM7_CHARSET, gsm7Charset } from '../gsm7/gsm7-charset';
import { readPackedGsm7 } from '../gsm7/read-packed-gsm7';
import { fillBitsAfterHeader, packedOctetCount, septetAt } from '../septet-packing';
import type { DataEncoding } from '../types';
import { decodeUcs2 } from '../ucs2';
import { octetsToHex } from './hex-octets';
import type { OctetReader } from './octet-reader';
import { parseUserDataHeader, type UserDataHeader } from './user-data-header';

const ESCAPE = 0x1b;
const CR = 0x0d;

/** TP-UDL + TP-UD as read: the header, and the payload as text or (8-bit) hex. */
export interface DecodedUserData {
  header: UserDataHeader | null;
  text: string | null;
  data: string | null;
}

/**
 * Reads TP-UDL and TP-UD. The UDL counts septets for GSM-7 (header and fill bits included) and
 * octets otherwise. Any length that points past the PDU is SMSB_CODEC_TRUNCATED; a header that
 * does not fit the user data is SMSB_CODEC_BAD_FIELD.
 */
export function readUserData(reader: OctetReader, hasHeader: boolean, encoding: DataEncoding): DecodedUserData {
  const udlOffset = reader.offset;
  const udl = reader.readOctet('TP-UDL');
  const octetCount = encoding === 'gsm7' ? packedOctetCount(udl) : udl;
  const udStart = reader.take(octetCount, 'TP-UD');
  const octets = reader.octets;

  let header: UserDataHeader | null = null;
  let headerOctets = 0;
  if (hasHeader) {
    if (octetCount === 0) throw new CodecError('SMSB_CODEC_BAD_FIELD', 'TP-UDHI is set but the user data is empty', udlOffset);
    headerOctets = 1 + octets[udStart]!;
    if (headerOctets > octetCount) {
      throw new CodecError('SMSB_CODEC_BAD_FIELD', `user data header of ${headerOctets} octets exceeds the ${octetCount} octets of user data`, udStart);
    }
    header = parseUserDataHeader(octets, udStart + 1, headerOctets - 1);
  }

  if (encoding === 'gsm7') {
    const headerSeptets = Math.ceil((headerOctets * 8) / 7);
    if (headerSeptets > udl) {
      throw new CodecError('SMSB_CODEC_BAD_FIELD', `TP-UDL of ${udl} septets is shorter than the ${headerSeptets} septets of header`, udlOffset);
    }
    const fillBits = fillBitsAfterHeader(headerOctets);
    const textStart = udStart + headerOctets;
    let septetCount = udl - headerSeptets;
    // A part that is followed by another ends mid-text: its last character is never padding.
    const concat = header?.concat;
    if ((concat == null || concat.sequence === concat.total) && endsWithPaddingCr(octets, septetCount, fillBits, textStart, udl)) septetCount--;
    const national = header?.national;
    const charset = national == null ? DEFAULT_GSM7_CHARSET : gsm7Charset(national);
    const text = readPackedGsm7(octets, septetCount, fillBits, textStart, charset);
    return { header, text, data: null };
  }

  const payloadStart = udStart + headerOctets;
  const payloadEnd = udStart + octetCount;
  if (encoding === 'ucs2') {
    if (((payloadEnd - payloadStart) & 1) !== 0) {
      throw new CodecError('SMSB_CODEC_BAD_FIELD', `UCS-2 user data has an odd number of octets (${payloadEnd - payloadStart})`, payloadEnd - 1);
    }
    const text = decodeUcs2(octets, payloadStart, payloadEnd);
    return { header, text, data: null };
  }
  return { header, text: null, data: octetsToHex(octets, payloadStart, payloadEnd) };
}

/**
 * TS 23.038 §6.1.2.3.1: a sender whose septets end on an octet boundary (a multiple of 8) may add a
 * CR there as padding, which the receiver drops. TP-UDL counts septets, so the spare bits of any
 * other length are never read: a final '@' (septet 0) is always text and is kept.
 */
function endsWithPaddingCr(octets: Uint8Array, septetCount: number, fillBits: number, offset: number, udl: number): boolean {
  if (septetCount <= 0 || udl % 8 !== 0) return false;
  if (septetAt(octets, septetCount - 1, fillBits, offset) !== CR) return false;
  // After an odd run of escapes the 0x0D is a single shift code, not a CR.
  let escapes = 0;
  while (escapes < septetCount - 1 && septetAt(octets, septetCount - 2 - escapes, fillBits, offset) === ESCAPE) escapes++;
  return escapes % 2 === 0;
}
