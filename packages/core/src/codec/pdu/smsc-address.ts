import { CodecError } from '../../errors/codec-error';
import { decodeGsm7 } from '../gsm7';
import { unpackSeptets } from '../septet-packing';
import { addressTypeOf, parsePhoneNumber } from './address';
import type { OctetReader } from './octet-reader';
import { octetsToHex } from './hex-octets';
import { decodeSemiOctetDigits, writeSemiOctetDigits } from './semi-octet-digits';

/** Longest SMSC address after its length octet: type of address + 10 octets (TS 24.011 §8.2.5.1). */
const MAX_SMSC_OCTETS = 11;

/**
 * The SMSC prefix that AT+CMGR/+CMGL/+CMT put before the TPDU. Unlike TP addresses its length
 * counts octets (type of address included); 0 means none.
 */
export function readSmscAddress(reader: OctetReader): string | null {
  const start = reader.offset;
  const length = reader.readOctet('SMSC address length');
  if (length === 0) return null;
  if (length > MAX_SMSC_OCTETS) {
    throw new CodecError('SMSB_CODEC_BAD_FIELD', `SMSC address length ${length} exceeds ${MAX_SMSC_OCTETS} octets (is the SMSC part really there?)`, start);
  }
  const typeOfAddress = reader.readOctet('SMSC type of address');
  const at = reader.take(length - 1, 'SMSC address');
  const type = addressTypeOf(typeOfAddress);
  if (type === 'alphanumeric') {
    return decodeGsm7(unpackSeptets(reader.octets, Math.floor(((length - 1) * 8) / 7), 0, at));
  }
  const digits = decodeSemiOctetDigits(reader.octets, (length - 1) * 2, at);
  return type === 'international' && digits.length > 0 ? `+${digits}` : digits;
}

/** SMSC prefix octets; no SMSC (undefined or empty) is the single octet 00: "use the SIM's". */
export function encodeSmscAddress(smsc: string | undefined | null): Uint8Array {
  const number = parseSmscAddress(smsc);
  const out = new Uint8Array(smscAddressOctetCount(number));
  writeSmscAddress(number, out, 0);
  return out;
}

/** The SMSC number to put in front of a TPDU; null = none given, the SIM's is used. */
export function parseSmscAddress(smsc: string | undefined | null): { digits: string; international: boolean } | null {
  if (smsc == null || (typeof smsc === 'string' && smsc.trim() === '')) return null;
  if (typeof smsc !== 'string') throw new CodecError('SMSB_CODEC_BAD_ADDRESS', `SMSC address must be a string, got ${typeof smsc}`);
  return parsePhoneNumber(smsc.trim(), 'SMSC address');
}

export function smscAddressOctetCount(number: { digits: string } | null): number {
  return number === null ? 1 : 2 + ((number.digits.length + 1) >> 1);
}

/** encodeSmscAddress written into `out` from `at`; returns where the prefix ends. */
export function writeSmscAddress(number: { digits: string; international: boolean } | null, out: Uint8Array, at: number): number {
  const length = smscAddressOctetCount(number);
  out[at] = length - 1;
  if (number === null) return at + 1;
  out[at + 1] = number.international ? 0x91 : 0x81;
  writeSemiOctetDigits(number.digits, out, at + 2);
  return at + length;
}

/** encodeSmscAddress as hex. */
export function smscAddressHex(smsc: string | undefined | null): string {
  return octetsToHex(encodeSmscAddress(smsc));
}
