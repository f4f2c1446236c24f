import { CodecError } from '../../errors/codec-error';
import { decodeGsm7, encodeGsm7 } from '../gsm7';
import { packedOctetCount, packSeptets, unpackSeptets } from '../septet-packing';
import type { AddressType } from '../types';
import type { OctetReader } from './octet-reader';
import { octetsToHex } from './hex-octets';
import { decodeSemiOctetDigits, semiOctetOf, writeSemiOctetDigits } from './semi-octet-digits';

/** A TP-OA / TP-DA / TP-RA (TS 23.040 §9.1.2.5) as read. */
export interface TpAddress {
  /** Digits with a leading `+` when international, or the alphanumeric text. */
  value: string;
  type: AddressType;
  /** The raw type-of-address octet (TON/NPI). */
  typeOfAddress: number;
}

/** Longest address value: 10 octets, i.e. 20 digits or 11 packed septets. */
export const MAX_ADDRESS_DIGITS = 20;
export const MAX_ALPHANUMERIC_SEPTETS = 11;

const TON_INTERNATIONAL = 0x91;
const TON_UNKNOWN = 0x81;
const TON_ALPHANUMERIC = 0xd0;

/** Characters people write inside phone numbers that carry no digit. */
const VISUAL_SEPARATORS = ' -().\u00a0';

export function addressTypeOf(typeOfAddress: number): AddressType {
  switch ((typeOfAddress >> 4) & 0x07) {
    case 1:
      return 'international';
    case 2:
      return 'national';
    case 5:
      return 'alphanumeric';
    default:
      return 'unknown';
  }
}

/** Reads a TP address: the length counts semi-octets (digits), also for alphanumeric values. */
export function readAddress(reader: OctetReader, field: string): TpAddress {
  const start = reader.offset;
  // Error labels stay constant strings: building them per call would cost on the hot path.
  const semiOctets = reader.readOctet(field);
  const typeOfAddress = reader.readOctet(field);
  const at = reader.take((semiOctets + 1) >> 1, field);
  const type = addressTypeOf(typeOfAddress);
  if (type === 'alphanumeric') {
    return { value: decodeAlphanumeric(reader.octets, at, semiOctets, start), type, typeOfAddress };
  }
  const digits = decodeSemiOctetDigits(reader.octets, semiOctets, at);
  return { value: type === 'international' && digits.length > 0 ? `+${digits}` : digits, type, typeOfAddress };
}

function decodeAlphanumeric(octets: Uint8Array, at: number, semiOctets: number, offset: number): string {
  const septetCount = Math.floor((semiOctets * 4) / 7);
  const septets = unpackSeptets(octets, septetCount, 0, at);
  // A sender that counted whole octets adds one septet made of the zero (or CR) padding bits.
  if (septetCount > 0 && septetCount % 8 === 0 && (septets[septetCount - 1] === 0 || septets[septetCount - 1] === 0x0d)) {
    septets.pop();
  }
  try {
    return decodeGsm7(septets);
  } catch (cause) {
    throw new CodecError('SMSB_CODEC_BAD_FIELD', 'alphanumeric address cannot be decoded', offset, cause);
  }
}

/** A destination as the caller wrote it, classified and validated. */
export type ParsedDestination =
  | { kind: 'number'; digits: string; international: boolean }
  | { kind: 'alphanumeric'; text: string; septets: number[] };

/**
 * A destination starting with `+`, a digit, `*` or `#` is a number (visual separators dropped,
 * extended BCD `*#abc` allowed); anything else is alphanumeric text of at most 11 GSM-7 septets.
 * Numbers without `+` go out with TON "unknown", so the network applies its own dialling prefixes.
 */
export function parseDestination(to: string): ParsedDestination {
  if (typeof to !== 'string' || to.trim() === '') {
    throw new CodecError('SMSB_CODEC_BAD_ADDRESS', 'destination address is empty');
  }
  const trimmed = to.trim();
  const first = trimmed[0]!;
  if (first === '+' || (first >= '0' && first <= '9') || first === '*' || first === '#') {
    return parsePhoneNumber(trimmed, 'destination');
  }
  let septets: number[];
  try {
    septets = encodeGsm7(trimmed);
  } catch (cause) {
    throw new CodecError('SMSB_CODEC_BAD_ADDRESS', `alphanumeric address ${JSON.stringify(trimmed)} has characters outside the GSM 7-bit alphabet`, undefined, cause);
  }
  if (septets.length > MAX_ALPHANUMERIC_SEPTETS) {
    throw new CodecError('SMSB_CODEC_BAD_ADDRESS', `alphanumeric address ${JSON.stringify(trimmed)} is longer than ${MAX_ALPHANUMERIC_SEPTETS} septets`);
  }
  return { kind: 'alphanumeric', text: trimmed, septets };
}

/** Digits of a phone number (`+` for international); `role` names it in error messages. */
export function parsePhoneNumber(text: string, role: string): { kind: 'number'; digits: string; international: boolean } {
  const international = text[0] === '+';
  const from = international ? 1 : 0;
  if (isPlainDigits(text, from) && text.length - from <= MAX_ADDRESS_DIGITS && text.length > from) {
    return { kind: 'number', digits: text.slice(from), international };
  }
  let digits = '';
  for (let i = international ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    if (VISUAL_SEPARATORS.includes(c)) continue;
    if (semiOctetOf(c) < 0) {
      throw new CodecError('SMSB_CODEC_BAD_ADDRESS', `${role} ${JSON.stringify(text)} has an illegal character ${JSON.stringify(c)} at index ${i}`);
    }
    digits += c.toLowerCase();
  }
  if (digits.length === 0) throw new CodecError('SMSB_CODEC_BAD_ADDRESS', `${role} ${JSON.stringify(text)} has no digits`);
  if (digits.length > MAX_ADDRESS_DIGITS) {
    throw new CodecError('SMSB_CODEC_BAD_ADDRESS', `${role} ${JSON.stringify(text)} has ${digits.length} digits; at most ${MAX_ADDRESS_DIGITS} fit`);
  }
  return { kind: 'number', digits, international };
}

function isPlainDigits(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** Length octet, type of address and value of a TP-DA. */
export function encodeAddress(destination: ParsedDestination): Uint8Array {
  const out = new Uint8Array(addressOctetCount(destination));
  writeAddress(destination, out, 0);
  return out;
}

/** Octets encodeAddress gives for `destination`. */
export function addressOctetCount(destination: ParsedDestination): number {
  return destination.kind === 'alphanumeric' ? 2 + packedOctetCount(destination.septets.length) : 2 + ((destination.digits.length + 1) >> 1);
}

/** encodeAddress written into `out` from `at`; returns where the address ends. */
export function writeAddress(destination: ParsedDestination, out: Uint8Array, at: number): number {
  if (destination.kind === 'alphanumeric') {
    const packed = packSeptets(destination.septets);
    out[at] = Math.ceil((destination.septets.length * 7) / 4);
    out[at + 1] = TON_ALPHANUMERIC;
    out.set(packed, at + 2);
    return at + 2 + packed.length;
  }
  out[at] = destination.digits.length;
  out[at + 1] = destination.international ? TON_INTERNATIONAL : TON_UNKNOWN;
  writeSemiOctetDigits(destination.digits, out, at + 2);
  return at + 2 + ((destination.digits.length + 1) >> 1);
}

/** encodeAddress as hex. */
export function addressHex(destination: ParsedDestination): string {
  return octetsToHex(encodeAddress(destination));
}
