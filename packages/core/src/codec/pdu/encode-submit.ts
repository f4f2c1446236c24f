import { CodecError } from '../../errors/codec-error';
import { encodeGsm7 } from '../gsm7';
import { segmentText } from '../segmenter';
import { fillBitsAfterHeader, packSeptets } from '../septet-packing';
import type { ConcatInfo, DataEncoding, EncodedPdu, NationalShift, SubmitOptions, UserDataHeaderElement } from '../types';
import { encodeUcs2 } from '../ucs2';
import { encodeAddress, parseDestination } from './address';
import { buildDataCodingScheme } from './data-coding-scheme';
import { defaultAlphabetSeptets, fitsDefaultAlphabet } from './default-alphabet-fast-path';
import { buildSubmitFirstOctet } from './first-octet';
import { octetsToHex } from './hex-octets';
import { encodeSmscAddress } from './smsc-address';
import { buildUserDataHeader, concatElement, nationalShiftElements } from './user-data-header';
import { encodeValidityPeriod } from './validity-period';

/** Most octets of user data one TPDU carries. */
export const MAX_USER_DATA_OCTETS = 140;
/** Most parts one concatenated message can have (the total is one octet). */
export const MAX_CONCATENATED_PARTS = 255;
const SINGLE_PART_SEPTETS = 160;
const SINGLE_PART_UCS2_UNITS = 70;
/** Zero-length, so sharing it cannot leak state between calls. */
const NO_OCTETS = new Uint8Array(0);

/** The payload of one part before it gets its header. */
type PartPayload = { alphabet: 'gsm7'; septets: ArrayLike<number> } | { alphabet: 'ucs2' | '8bit'; octets: Uint8Array };

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
  if (parts.length > MAX_CONCATENATED_PARTS) {
    throw new CodecError('SMSB_CODEC_TOO_LONG', `message needs ${parts.length} parts; at most ${MAX_CONCATENATED_PARTS} can be concatenated`);
  }
  const shiftElements = nationalShiftElements(national);
  const firstOctet = buildSubmitFirstOctet({
    userDataHeader: parts.length > 1 || shiftElements.length > 0,
    rejectDuplicates: options.rejectDuplicates === true,
    validityPeriodFormat: validity.format,
    statusReportRequested: options.statusReport === true,
    replyPath: options.replyPath === true,
  });
  const dcs = buildDataCodingScheme(alphabet, messageClass);

  const encoded: EncodedPdu[] = new Array(parts.length);
  for (let index = 0; index < parts.length; index++) {
    const elements: UserDataHeaderElement[] =
      parts.length > 1
        ? [concatElement({ reference: concatReference, total: parts.length, sequence: index + 1, referenceBits } satisfies ConcatInfo), ...shiftElements]
        : shiftElements;
    const header = elements.length === 0 ? NO_OCTETS : buildUserDataHeader(elements);
    const { udl, body } = userData(header, parts[index]!, index);
    // One buffer per part, written in field order and turned into hex in one native call.
    const pdu = new Uint8Array(smsc.length + 2 + destination.length + 2 + validity.octets.length + 1 + header.length + body.length);
    let at = 0;
    pdu.set(smsc, at);
    at += smsc.length;
    pdu[at++] = firstOctet;
    pdu[at++] = (messageReference + index) & 0xff;
    pdu.set(destination, at);
    at += destination.length;
    pdu[at++] = protocolId;
    pdu[at++] = dcs;
    pdu.set(validity.octets, at);
    at += validity.octets.length;
    pdu[at++] = udl;
    pdu.set(header, at);
    pdu.set(body, at + header.length);
    encoded[index] = { pdu: octetsToHex(pdu), length: pdu.length - smsc.length };
  }
  return encoded;
}

/** TP-UDL and the TP-UD after the header; GSM-7 septets start on a septet boundary after the header (fill bits). */
function userData(header: Uint8Array, part: PartPayload, index: number): { udl: number; body: Uint8Array } {
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
  return { udl, body };
}

function payloadParts(options: SubmitOptions, referenceBits: 8 | 16): { alphabet: DataEncoding; parts: PartPayload[]; national?: NationalShift } {
  if (options.data !== undefined) {
    if (options.text !== undefined) throw badOption('give text or data, not both');
    if (!(options.data instanceof Uint8Array)) throw badOption('data must be a Uint8Array');
    return { alphabet: '8bit', parts: splitData(options.data, referenceBits) };
  }
  const text = options.text ?? '';
  if (typeof text !== 'string') throw badOption('text must be a string');
  const single = singlePartFastPath(text, options);
  if (single !== undefined) return single;
  const plan = segmentText(text, { encoding: options.encoding, nationalLanguages: options.nationalLanguages, referenceBits });
  const national = plan.national;
  const parts: PartPayload[] = plan.segments.map((segment) =>
    plan.encoding === 'gsm7'
      ? { alphabet: 'gsm7', septets: (national === undefined ? defaultAlphabetSeptets(segment) : undefined) ?? encodeGsm7(segment, national) }
      : { alphabet: 'ucs2', octets: encodeUcs2(segment) },
  );
  // Even an empty text is one (empty) message.
  if (parts.length === 0) parts.push(plan.encoding === 'gsm7' ? { alphabet: 'gsm7', septets: [] } : { alphabet: 'ucs2', octets: new Uint8Array(0) });
  return { alphabet: plan.encoding, parts, national };
}

/**
 * The common case — a short text, automatic encoding, no national tables — decided without a full
 * segmentation plan: the same rule segmentText applies (GSM-7 when every character is in the
 * default tables, else UCS-2) with the single-part budgets of 160 septets / 70 code units.
 */
function singlePartFastPath(text: string, options: SubmitOptions): { alphabet: DataEncoding; parts: PartPayload[] } | undefined {
  if ((options.encoding ?? 'auto') !== 'auto' || (options.nationalLanguages?.length ?? 0) > 0 || text.length > SINGLE_PART_SEPTETS) return undefined;
  const septets = defaultAlphabetSeptets(text, SINGLE_PART_SEPTETS);
  if (septets !== undefined) return { alphabet: 'gsm7', parts: [{ alphabet: 'gsm7', septets }] };
  // Not GSM-7 or too long for one GSM-7 part: only a short UCS-2 text is still decided here.
  if (fitsDefaultAlphabet(text)) return undefined;
  return text.length <= SINGLE_PART_UCS2_UNITS ? { alphabet: 'ucs2', parts: [{ alphabet: 'ucs2', octets: encodeUcs2(text) }] } : undefined;
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
