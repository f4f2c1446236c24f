import { CodecError } from '../../errors/codec-error';
import { DEFAULT_GSM7_CHARSET } from '../gsm7/gsm7-charset';
import { GSM7_ESCAPE } from '../gsm7/gsm7-table';
import type { PartLayout } from '../segmenter/part-layout';
import { planTextParts } from '../segmenter/plan-text-parts';
import { userDataHeaderOctets } from '../segmenter/segment-budget';
import { resolveSegmentOptions } from '../segmenter/segment-options';
import { fillBitsAfterHeader, packedOctetCount, writePackedSeptets } from '../septet-packing';
import type { EncodedPdu, NationalShift, SubmitOptions } from '../types';
import { addressOctetCount, parseDestination, writeAddress, type ParsedDestination } from './address';
import { buildDataCodingScheme } from './data-coding-scheme';
import { describeOptionValue } from './describe-option-value';
import { buildSubmitFirstOctet } from './first-octet';
import { octetsToHex } from './hex-octets';
import { parseSmscAddress, smscAddressOctetCount, writeSmscAddress } from './smsc-address';
import { writeUserDataHeader } from './user-data-header';
import { encodeValidityPeriod } from './validity-period';

/** Most octets of user data one TPDU carries. */
export const MAX_USER_DATA_OCTETS = 140;
/** Most parts one concatenated message can have (the total is one octet). */
export const MAX_CONCATENATED_PARTS = 255;

/** Octets of the reused scratch array: a few parts; longer messages allocate their own. */
const SCRATCH_OCTETS = 1024;
/** Private to encodeSubmit, which fills and reads it without yielding, so no two calls share it. */
const OCTET_SCRATCH = new Uint8Array(SCRATCH_OCTETS);

/** What the user data of every part is cut from: GSM-7 septets, UCS-2 text or 8-bit data. */
type Payload =
  | { alphabet: 'gsm7'; layout: PartLayout; septets: Uint8Array; national?: NationalShift }
  | { alphabet: 'ucs2'; layout: PartLayout; codeUnits: Uint16Array; national?: undefined }
  | { alphabet: '8bit'; layout: PartLayout; data: Uint8Array; national?: undefined };

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
  const destination = parseDestination(options.to);
  const smsc = parseSmscAddress(options.smsc);
  const validity = encodeValidityPeriod(options.validity);

  if (options.data == null && options.encoding === undefined && options.nationalLanguages === undefined && typeof options.text === 'string') {
    const single = encodeSinglePart(options, options.text, messageReference, protocolId, messageClass, destination, smsc, validity);
    if (single !== undefined) return single;
  }

  const payload = messagePayload(options, referenceBits);
  const { ends, units } = payload.layout;
  const partCount = ends.length;
  if (partCount > MAX_CONCATENATED_PARTS) {
    throw new CodecError('SMSB_CODEC_TOO_LONG', `message needs ${partCount} parts; at most ${MAX_CONCATENATED_PARTS} can be concatenated`);
  }
  const concatenated = partCount > 1;
  const headerOctets = userDataHeaderOctets(concatenated, referenceBits, payload.national);
  const fillBits = fillBitsAfterHeader(headerOctets);
  const headerSeptets = Math.ceil((headerOctets * 8) / 7);
  const smscOctets = smscAddressOctetCount(smsc);
  // SMSC, first octet, TP-MR, TP-DA, TP-PID, TP-DCS, TP-VP: the same in every part but TP-MR.
  const envelopeOctets = smscOctets + 2 + addressOctetCount(destination) + 2 + validity.octets.length;
  const bodyAt = envelopeOctets + 1 + headerOctets;

  const partOctets: number[] = new Array(partCount);
  let totalOctets = 0;
  for (let index = 0; index < partCount; index++) {
    const start = index === 0 ? 0 : ends[index - 1]!;
    const end = ends[index]!;
    const bodyOctets =
      payload.alphabet === 'gsm7' ? packedOctetCount(units[index]!, fillBits) : payload.alphabet === 'ucs2' ? 2 * (end - start) : end - start;
    if (headerOctets + bodyOctets > MAX_USER_DATA_OCTETS) {
      throw new CodecError('SMSB_CODEC_TOO_LONG', `part ${index + 1} needs ${headerOctets + bodyOctets} octets of user data; ${MAX_USER_DATA_OCTETS} fit`);
    }
    partOctets[index] = bodyAt + bodyOctets;
    totalOctets += bodyAt + bodyOctets;
  }

  // All parts in one buffer and one hex conversion: per-part allocations cost more than the encoding.
  // Only the hex leaves this function, so the octets go to a reused scratch array when they fit;
  // every octet up to totalOctets is written below, so stale contents never show.
  const out = totalOctets <= SCRATCH_OCTETS ? OCTET_SCRATCH : Buffer.allocUnsafe(totalOctets);
  let at = writeSmscAddress(smsc, out, 0);
  out[at++] = buildSubmitFirstOctet({
    userDataHeader: headerOctets > 0,
    rejectDuplicates: options.rejectDuplicates === true,
    validityPeriodFormat: validity.format,
    statusReportRequested: options.statusReport === true,
    replyPath: options.replyPath === true,
  });
  at++; // TP-MR, per part
  at = writeAddress(destination, out, at);
  out[at++] = protocolId;
  out[at++] = buildDataCodingScheme(payload.alphabet, messageClass);
  // Loops, not set()/copyWithin(): for a few octets the builtin call costs more than the copy.
  for (let i = 0; i < validity.octets.length; i++) out[at + i] = validity.octets[i]!;
  const referenceAt = smscOctets + 1;

  let partAt = 0;
  let septetAt = 0;
  for (let index = 0; index < partCount; index++) {
    const start = index === 0 ? 0 : ends[index - 1]!;
    const end = ends[index]!;
    if (index > 0) for (let i = 0; i < envelopeOctets; i++) out[partAt + i] = out[i]!;
    out[partAt + referenceAt] = (messageReference + index) & 0xff;
    writeUserDataHeader(out, partAt + envelopeOctets + 1, concatenated ? { reference: concatReference, total: partCount, sequence: index + 1, referenceBits } : null, payload.national);
    const udlAt = partAt + envelopeOctets;
    const bodyStart = partAt + bodyAt;
    if (payload.alphabet === 'gsm7') {
      out[udlAt] = headerSeptets + units[index]!;
      writePackedSeptets(payload.septets, septetAt, septetAt + units[index]!, fillBits, out, bodyStart);
      septetAt += units[index]!;
    } else if (payload.alphabet === 'ucs2') {
      out[udlAt] = headerOctets + 2 * (end - start);
      writeUtf16Be(payload.codeUnits, start, end, out, bodyStart);
    } else {
      out[udlAt] = headerOctets + end - start;
      out.set(payload.data.subarray(start, end), bodyStart);
    }
    partAt += partOctets[index]!;
  }

  const hex = octetsToHex(out, 0, totalOctets);
  if (partCount === 1) return [{ pdu: hex, length: partOctets[0]! - smscOctets }];
  const encoded: EncodedPdu[] = new Array(partCount);
  partAt = 0;
  for (let index = 0; index < partCount; index++) {
    encoded[index] = { pdu: hex.slice(2 * partAt, 2 * (partAt + partOctets[index]!)), length: partOctets[index]! - smscOctets };
    partAt += partOctets[index]!;
  }
  return encoded;
}

/** Most septets / UTF-16 code units of a single part without a user data header. */
const SINGLE_PART_SEPTETS = 160;
const SINGLE_PART_UCS2_UNITS = 70;
/** Septets of the fast path's text (room for 160 escaped characters); private to it, filled and read without yielding. */
const SEPTET_SCRATCH = new Uint8Array(2 * SINGLE_PART_SEPTETS);
const DEFAULT_CODE_BY_UNIT = DEFAULT_GSM7_CHARSET.lookup.codeByUnit;
const DEFAULT_TABLE_LENGTH = DEFAULT_CODE_BY_UNIT.length;
const ESCAPE = GSM7_ESCAPE;

/**
 * The commonest messages: one part, no national languages, no encoding option. One pass reads the
 * code units into septets of the default GSM-7 tables; a character outside them makes the text
 * UCS-2, written straight from the string when it fits one part (70 units). Undefined, and the
 * general path decides, whenever the text needs more than one part.
 * What it writes is what the general path writes for such a text (a property test holds it to that).
 */
function encodeSinglePart(
  options: SubmitOptions,
  text: string,
  messageReference: number,
  protocolId: number,
  messageClass: 0 | 1 | 2 | 3 | undefined,
  destination: ParsedDestination,
  smsc: ReturnType<typeof parseSmscAddress>,
  validity: ReturnType<typeof encodeValidityPeriod>,
): EncodedPdu[] | undefined {
  const length = text.length;
  if (length > SINGLE_PART_SEPTETS) return undefined;
  const septets = SEPTET_SCRATCH;
  let total = 0;
  let ucs2 = false;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    const entry = unit < DEFAULT_TABLE_LENGTH ? DEFAULT_CODE_BY_UNIT[unit]! : 0;
    if (entry < 0x200) {
      if (entry === 0) {
        // Not in the default tables: with no national languages that is UCS-2, whatever follows.
        if (length > SINGLE_PART_UCS2_UNITS) return undefined;
        ucs2 = true;
        break;
      }
      septets[total++] = entry;
    } else {
      septets[total++] = ESCAPE;
      septets[total++] = entry;
    }
  }
  // Escapes can push a text of at most 160 code units past 160 septets.
  if (total > SINGLE_PART_SEPTETS) return undefined;
  const smscOctets = smscAddressOctetCount(smsc);
  const bodyOctets = ucs2 ? 2 * length : packedOctetCount(total, 0);
  const totalOctets = smscOctets + 2 + addressOctetCount(destination) + 2 + validity.octets.length + 1 + bodyOctets;
  const out = OCTET_SCRATCH;
  let at = writeSmscAddress(smsc, out, 0);
  out[at++] = buildSubmitFirstOctet({
    userDataHeader: false,
    rejectDuplicates: options.rejectDuplicates === true,
    validityPeriodFormat: validity.format,
    statusReportRequested: options.statusReport === true,
    replyPath: options.replyPath === true,
  });
  out[at++] = messageReference;
  at = writeAddress(destination, out, at);
  out[at++] = protocolId;
  out[at++] = buildDataCodingScheme(ucs2 ? 'ucs2' : 'gsm7', messageClass);
  for (let i = 0; i < validity.octets.length; i++) out[at++] = validity.octets[i]!;
  if (ucs2) {
    out[at++] = bodyOctets;
    for (let i = 0; i < length; i++) {
      const unit = text.charCodeAt(i);
      out[at++] = unit >> 8;
      out[at++] = unit;
    }
  } else {
    out[at++] = total;
    writePackedSeptets(septets, 0, total, 0, out, at);
  }
  return [{ pdu: octetsToHex(out, 0, totalOctets), length: totalOctets - smscOctets }];
}

function messagePayload(options: SubmitOptions, referenceBits: 8 | 16): Payload {
  if (options.data != null) {
    if (options.text != null) throw badOption('give text or data, not both');
    if (!(options.data instanceof Uint8Array)) throw badOption('data must be a Uint8Array');
    return { alphabet: '8bit', layout: dataLayout(options.data.length, referenceBits), data: options.data };
  }
  const text = options.text ?? '';
  if (typeof text !== 'string') throw badOption('text must be a string');
  if (options.nationalLanguages != null && !Array.isArray(options.nationalLanguages)) throw badOption('nationalLanguages must be an array');
  // SubmitOptions carries the segmentation options under the same names.
  const plan = planTextParts(text, resolveSegmentOptions(options));
  if (plan.encoding === 'ucs2') return { alphabet: 'ucs2', layout: plan.layout, codeUnits: plan.codeUnits };
  return { alphabet: 'gsm7', layout: plan.layout, septets: plan.layout.septets, national: plan.national };
}

/** 8-bit data in parts of 140 octets, or 134 / 133 when each part carries an 8- / 16-bit concat header. */
function dataLayout(length: number, referenceBits: 8 | 16): PartLayout {
  if (length <= MAX_USER_DATA_OCTETS) return { ends: [length], units: [length] };
  const size = MAX_USER_DATA_OCTETS - (referenceBits === 16 ? 7 : 6);
  const ends: number[] = [];
  const units: number[] = [];
  for (let at = 0; at < length; at += size) {
    ends.push(Math.min(at + size, length));
    units.push(Math.min(size, length - at));
  }
  return { ends, units };
}

function writeUtf16Be(codeUnits: Uint16Array, start: number, end: number, out: Uint8Array, at: number): void {
  for (let i = start; i < end; i++) {
    const unit = codeUnits[i]!;
    out[at++] = unit >> 8;
    out[at++] = unit;
  }
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
