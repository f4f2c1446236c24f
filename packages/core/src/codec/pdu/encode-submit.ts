import { CodecError } from '../../errors/codec-error';
import { encodeGsm7 } from '../gsm7';
import { segmentText } from '../segmenter';
import { fillBitsAfterHeader, packSeptets } from '../septet-packing';
import type { ConcatInfo, DataEncoding, EncodedPdu, NationalShift, SubmitOptions, UserDataHeaderElement } from '../types';
import { encodeAddress, parseDestination } from './address';
import { buildDataCodingScheme } from './data-coding-scheme';
import { describeOptionValue } from './describe-option-value';
import { defaultAlphabetLength, packCountedDefaultAlphabet, packDefaultAlphabet, type PackedSeptets } from './default-alphabet-fast-path';
import { buildSubmitFirstOctet } from './first-octet';
import { octetHex, octetsToHex, utf16BeHex } from './hex-octets';
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
type PartPayload =
  | { alphabet: 'gsm7'; text: string; national?: NationalShift; septets?: number; packed?: PackedSeptets }
  | { alphabet: 'ucs2'; text: string }
  | { alphabet: '8bit'; octets: Uint8Array };

/**
 * Builds the SMS-SUBMIT PDUs of a message: one when it fits, else concatenated parts whose TP-MR
 * counts up from `messageReference` modulo 256. Each `length` is what AT+CMGS wants.
 */
export function encodeSubmit(options: SubmitOptions): EncodedPdu[] {
  const referenceBits = options.referenceBits ?? 8;
  if (referenceBits !== 8 && referenceBits !== 16) throw badOption(`referenceBits must be 8 or 16, got ${describeOptionValue(referenceBits)}`);
  const messageReference = octetOption(options.messageReference, 'messageReference');
  const protocolId = octetOption(options.protocolId, 'protocolId');
  const concatReference = integerOption(options.concatReference ?? 0, 'concatReference', referenceBits === 16 ? 0xffff : 0xff);
  const messageClass = resolveClass(options);
  const destination = encodeAddress(parseDestination(options.to));
  const smscHex = octetsToHex(encodeSmscAddress(options.smsc));
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
  // Everything but TP-MR, TP-UDL and TP-UD is the same in every part: hex it once.
  const firstOctetHex = octetHex(firstOctet);
  const middleHex = octetsToHex(destination) + octetHex(protocolId) + octetHex(buildDataCodingScheme(alphabet, messageClass)) + octetsToHex(validity.octets);
  const fixedOctets = 1 + 1 + destination.length + 2 + validity.octets.length;

  const encoded: EncodedPdu[] = new Array(parts.length);
  for (let index = 0; index < parts.length; index++) {
    const header =
      parts.length > 1
        ? buildUserDataHeader([concatElement({ reference: concatReference, total: parts.length, sequence: index + 1, referenceBits } satisfies ConcatInfo), ...shiftElements])
        : shiftElements.length > 0
          ? buildUserDataHeader(shiftElements)
          : NO_OCTETS;
    const { udl, bodyHex } = userData(header, parts[index]!, index);
    const tpduHex = firstOctetHex + octetHex((messageReference + index) & 0xff) + middleHex + octetHex(udl) + octetsToHex(header) + bodyHex;
    encoded[index] = { pdu: smscHex + tpduHex, length: fixedOctets + 1 + header.length + (bodyHex.length >> 1) };
  }
  return encoded;
}

/** TP-UDL and the TP-UD after the header (as hex); GSM-7 septets start on a septet boundary after the header (fill bits). */
function userData(header: Uint8Array, part: PartPayload, index: number): { udl: number; bodyHex: string } {
  let udl: number;
  let bodyHex: string;
  if (part.alphabet === 'gsm7') {
    const packed = part.packed ?? packGsm7(part.text, fillBitsAfterHeader(header.length), part.national, part.septets);
    udl = Math.ceil((header.length * 8) / 7) + packed.septets;
    bodyHex = octetsToHex(packed.octets);
  } else if (part.alphabet === 'ucs2') {
    udl = header.length + 2 * part.text.length;
    bodyHex = utf16BeHex(part.text);
  } else {
    udl = header.length + part.octets.length;
    bodyHex = octetsToHex(part.octets);
  }
  const octets = header.length + (bodyHex.length >> 1);
  if (octets > MAX_USER_DATA_OCTETS) {
    throw new CodecError('SMSB_CODEC_TOO_LONG', `part ${index + 1} needs ${octets} octets of user data; ${MAX_USER_DATA_OCTETS} fit`);
  }
  return { udl, bodyHex };
}

function payloadParts(options: SubmitOptions, referenceBits: 8 | 16): { alphabet: DataEncoding; parts: PartPayload[]; national?: NationalShift } {
  if (options.data != null) {
    if (options.text != null) throw badOption('give text or data, not both');
    if (!(options.data instanceof Uint8Array)) throw badOption('data must be a Uint8Array');
    return { alphabet: '8bit', parts: splitData(options.data, referenceBits) };
  }
  const text = options.text ?? '';
  if (typeof text !== 'string') throw badOption('text must be a string');
  if (options.nationalLanguages != null && !Array.isArray(options.nationalLanguages)) throw badOption('nationalLanguages must be an array');
  const single = singlePartFastPath(text, options);
  if (single !== undefined) return single;
  const plan = segmentText(text, { encoding: options.encoding, nationalLanguages: options.nationalLanguages, referenceBits });
  const national = plan.national;
  const parts: PartPayload[] = plan.segments.map((segment, index) =>
    plan.encoding === 'gsm7' ? { alphabet: 'gsm7', text: segment, national, septets: plan.units[index] } : { alphabet: 'ucs2', text: segment },
  );
  // Even an empty text is one (empty) message.
  if (parts.length === 0) parts.push({ alphabet: plan.encoding, text: '' });
  return { alphabet: plan.encoding, parts, national };
}

/**
 * The common case — a short text, automatic encoding, no national tables — decided without a full
 * segmentation plan: the same rule segmentText applies (GSM-7 when every character is in the
 * default tables, else UCS-2) with the single-part budgets of 160 septets / 70 code units.
 */
function singlePartFastPath(text: string, options: SubmitOptions): { alphabet: DataEncoding; parts: PartPayload[] } | undefined {
  if ((options.encoding ?? 'auto') !== 'auto' || (options.nationalLanguages?.length ?? 0) > 0 || text.length > SINGLE_PART_SEPTETS) return undefined;
  const septets = defaultAlphabetLength(text);
  if (septets >= 0) {
    if (septets > SINGLE_PART_SEPTETS) return undefined;
    // A single part without national tables has no header, hence no fill bits.
    return { alphabet: 'gsm7', parts: [{ alphabet: 'gsm7', text, packed: packDefaultAlphabet(text, 0)! }] };
  }
  return text.length <= SINGLE_PART_UCS2_UNITS ? { alphabet: 'ucs2', parts: [{ alphabet: 'ucs2', text }] } : undefined;
}

/** GSM-7 text packed after `fillBits`: the flat default-alphabet path, else the GSM-7 codec with the national tables. */
function packGsm7(text: string, fillBits: number, national: NationalShift | undefined, plannedSeptets: number | undefined): PackedSeptets {
  if (national === undefined) {
    // The plan's septet count for a segment it made from the default tables saves a counting pass.
    const fast =
      (plannedSeptets === undefined ? undefined : packCountedDefaultAlphabet(text, fillBits, plannedSeptets)) ?? packDefaultAlphabet(text, fillBits);
    if (fast !== undefined) return fast;
  }
  const septets = encodeGsm7(text, national);
  return { octets: packSeptets(septets, fillBits), septets: septets.length };
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
  if (messageClass !== undefined && ![0, 1, 2, 3].includes(messageClass)) throw badOption(`messageClass must be 0–3, got ${describeOptionValue(messageClass)}`);
  if (flash === true) {
    if (messageClass !== undefined && messageClass !== 0) throw badOption(`flash means class 0 but messageClass is ${describeOptionValue(messageClass)}`);
    return 0;
  }
  return messageClass;
}

function octetOption(value: number | undefined, name: string): number {
  return integerOption(value ?? 0, name, 0xff);
}

function integerOption(value: number, name: string, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw badOption(`${name} must be an integer 0–${max}, got ${describeOptionValue(value)}`);
  return value;
}

function badOption(message: string): CodecError {
  return new CodecError('SMSB_CODEC_BAD_OPTION', message);
}
