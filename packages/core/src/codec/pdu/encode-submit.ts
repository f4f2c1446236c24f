import { CodecError } from '../../errors/codec-error';
import { encodeGsm7 } from '../gsm7';
import { segmentText } from '../segmenter';
import { fillBitsAfterHeader, packSeptets } from '../septet-packing';
import type { ConcatInfo, DataEncoding, EncodedPdu, NationalShift, SubmitOptions, UserDataHeaderElement } from '../types';
import { encodeUcs2 } from '../ucs2';
import { encodeAddress, parseDestination } from './address';
import { buildDataCodingScheme } from './data-coding-scheme';
import { buildSubmitFirstOctet } from './first-octet';
import { octetsToHex } from './hex-octets';
import { OctetWriter } from './octet-writer';
import { encodeSmscAddress } from './smsc-address';
import { buildUserDataHeader, concatElement, nationalShiftElements } from './user-data-header';
import { encodeValidityPeriod } from './validity-period';

/** Most octets of user data one TPDU carries. */
export const MAX_USER_DATA_OCTETS = 140;
/** Most parts one concatenated message can have (the total is one octet). */
export const MAX_PARTS = 255;

/** The payload of one part before it gets its header. */
type PartPayload = { alphabet: 'gsm7'; septets: number[] } | { alphabet: 'ucs2' | '8bit'; octets: Uint8Array };

/**
 * Builds the SMS-SUBMIT PDUs of a message: one when it fits, else concatenated parts whose TP-MR
 * counts up from `messageReference` modulo 256. Each `length` is what AT+CMGS wants.
 */
export function encodeSubmit(options: SubmitOptions): EncodedPdu[] {
  const referenceBits = options.referenceBits ?? 8;
  if (referenceBits !== 8 && referenceBits !== 16) throw badOption(`referenceBits must be 8 or 16, got ${String(referenceBits)}`);
  const messageReference = octetOption(options.messageReference, 'messageReference');
  const protocolId = octetOption(options.protocolId, 'protocolId');
  const concatReference = integerOption(options.concatReference ?? 0, 'concatReference', referenceBits === 16 ? 0xffff : 0xff);
  const messageClass = resolveClass(options);
  const destination = encodeAddress(parseDestination(options.to));
  const smsc = encodeSmscAddress(options.smsc);
  const validity = encodeValidityPeriod(options.validity);

  const { alphabet, parts, national } = payloadParts(options, referenceBits);
  if (parts.length > MAX_PARTS) {
    throw new CodecError('SMSB_CODEC_TOO_LONG', `message needs ${parts.length} parts; at most ${MAX_PARTS} can be concatenated`);
  }
  const dcs = buildDataCodingScheme(alphabet, messageClass);
  const shiftElements = nationalShiftElements(national);

  return parts.map((part, index) => {
    const elements: UserDataHeaderElement[] =
      parts.length > 1
        ? [concatElement({ reference: concatReference, total: parts.length, sequence: index + 1, referenceBits } satisfies ConcatInfo), ...shiftElements]
        : shiftElements;
    const header = buildUserDataHeader(elements);
    const writer = new OctetWriter(smsc.length + 40 + MAX_USER_DATA_OCTETS);
    writer.writeOctets(smsc);
    writer.writeOctet(
      buildSubmitFirstOctet({
        userDataHeader: header.length > 0,
        rejectDuplicates: options.rejectDuplicates === true,
        validityPeriodFormat: validity.format,
        statusReportRequested: options.statusReport === true,
        replyPath: options.replyPath === true,
      }),
    );
    writer.writeOctet((messageReference + index) & 0xff);
    writer.writeOctets(destination);
    writer.writeOctet(protocolId);
    writer.writeOctet(dcs);
    writer.writeOctets(validity.octets);
    writeUserData(writer, header, part, index);
    const octets = writer.toOctets();
    return { pdu: octetsToHex(octets), length: octets.length - smsc.length };
  });
}

/** TP-UDL and TP-UD; GSM-7 septets start on a septet boundary after the header (fill bits). */
function writeUserData(writer: OctetWriter, header: Uint8Array, part: PartPayload, index: number): void {
  let udl: number;
  let body: Uint8Array;
  if (part.alphabet === 'gsm7') {
    udl = Math.ceil((header.length * 8) / 7) + part.septets.length;
    body = packSeptets(part.septets, fillBitsAfterHeader(header.length));
  } else {
    udl = header.length + part.octets.length;
    body = part.octets;
  }
  if (header.length + body.length > MAX_USER_DATA_OCTETS) {
    throw new CodecError('SMSB_CODEC_TOO_LONG', `part ${index + 1} needs ${header.length + body.length} octets of user data; ${MAX_USER_DATA_OCTETS} fit`);
  }
  writer.writeOctet(udl);
  writer.writeOctets(header);
  writer.writeOctets(body);
}

function payloadParts(options: SubmitOptions, referenceBits: 8 | 16): { alphabet: DataEncoding; parts: PartPayload[]; national?: NationalShift } {
  if (options.data !== undefined) {
    if (options.text !== undefined) throw badOption('give text or data, not both');
    if (!(options.data instanceof Uint8Array)) throw badOption('data must be a Uint8Array');
    return { alphabet: '8bit', parts: splitData(options.data, referenceBits) };
  }
  const text = options.text ?? '';
  if (typeof text !== 'string') throw badOption('text must be a string');
  const plan = segmentText(text, { encoding: options.encoding, nationalLanguages: options.nationalLanguages, referenceBits });
  const national = plan.national;
  const parts: PartPayload[] = plan.segments.map((segment) =>
    plan.encoding === 'gsm7' ? { alphabet: 'gsm7', septets: encodeGsm7(segment, national) } : { alphabet: 'ucs2', octets: encodeUcs2(segment) },
  );
  // Even an empty text is one (empty) message.
  if (parts.length === 0) parts.push(plan.encoding === 'gsm7' ? { alphabet: 'gsm7', septets: [] } : { alphabet: 'ucs2', octets: new Uint8Array(0) });
  return { alphabet: plan.encoding, parts, national };
}

/** 8-bit data in parts of 140 octets, or 134 / 133 when each part carries an 8- / 16-bit concat header. */
function splitData(data: Uint8Array, referenceBits: 8 | 16): PartPayload[] {
  if (data.length <= MAX_USER_DATA_OCTETS) return [{ alphabet: '8bit', octets: data }];
  const size = MAX_USER_DATA_OCTETS - (referenceBits === 16 ? 7 : 6);
  const parts: PartPayload[] = [];
  for (let at = 0; at < data.length; at += size) parts.push({ alphabet: '8bit', octets: data.subarray(at, at + size) });
  return parts;
}

function resolveClass(options: SubmitOptions): 0 | 1 | 2 | 3 | undefined {
  const { flash, messageClass } = options;
  if (messageClass !== undefined && ![0, 1, 2, 3].includes(messageClass)) throw badOption(`messageClass must be 0–3, got ${String(messageClass)}`);
  if (flash === true) {
    if (messageClass !== undefined && messageClass !== 0) throw badOption(`flash means class 0 but messageClass is ${messageClass}`);
    return 0;
  }
  return messageClass;
}

function octetOption(value: number | undefined, name: string): number {
  return integerOption(value ?? 0, name, 0xff);
}

function integerOption(value: number, name: string, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw badOption(`${name} must be an integer 0–${max}, got ${String(value)}`);
  return value;
}

function badOption(message: string): CodecError {
  return new CodecError('SMSB_CODEC_BAD_OPTION', message);
}
