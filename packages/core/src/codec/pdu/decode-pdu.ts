import type { DecodedPdu } from '../types';
import { readDeliver } from './decode-deliver';
import { readStatusReport } from './decode-status-report';
import { readSubmit } from './decode-submit';
import { parseFirstOctet } from './first-octet';
import { hexToOctets, writeHexOctets } from './hex-octets';
import { OctetReader } from './octet-reader';
import { readSmscAddress } from './smsc-address';

export interface DecodePduOptions {
  /** The hex starts with the SMSC address, as AT+CMGR, +CMGL and +CMT give it. Default true. */
  hasSmsc?: boolean;
}

/**
 * Decodes an SMS-DELIVER, SMS-SUBMIT or SMS-STATUS-REPORT given as hex. Anything malformed is a
 * CodecError whose `offset` is the octet (counted from the start of the hex) where it went wrong.
 */
export function decodePdu(hex: string, options?: DecodePduOptions): DecodedPdu {
  const count = writeHexOctets(hex, HEX_SCRATCH);
  return count < 0 ? decodePduOctets(hexToOctets(hex), options) : decodeOctets(HEX_SCRATCH, count, options);
}

/** decodePdu for octets already in hand. */
export function decodePduOctets(octets: Uint8Array, options?: DecodePduOptions): DecodedPdu {
  return decodeOctets(octets, octets.length, options);
}

/**
 * Where decodePdu puts the octets of the hex: the next call overwrites them, which is safe because
 * decoding copies every field out (texts, hex, numbers) and runs to its end without yielding.
 * Room for any real PDU (at most 176 octets); longer hex gets its own array.
 */
const HEX_SCRATCH = Buffer.allocUnsafeSlow(256);

function decodeOctets(octets: Uint8Array, end: number, options: DecodePduOptions | undefined): DecodedPdu {
  const reader = new OctetReader(octets, 0, end);
  const smsc = options?.hasSmsc === false ? null : readSmscAddress(reader);
  const tpduLength = end - reader.offset;
  const firstOffset = reader.offset;
  const first = parseFirstOctet(reader.readOctet('first octet'), firstOffset);
  switch (first.type) {
    case 'deliver':
      return readDeliver(reader, first, smsc, tpduLength);
    case 'submit':
      return readSubmit(reader, first, smsc, tpduLength);
    case 'status-report':
      return readStatusReport(reader, first, smsc, tpduLength);
  }
}
