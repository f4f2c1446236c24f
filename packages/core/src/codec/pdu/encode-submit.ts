import { CodecError } from '../../errors/codec-error';
import type { PartLayout } from '../segmenter/part-layout';
import { planTextParts } from '../segmenter/plan-text-parts';
import { userDataHeaderOctets } from '../segmenter/segment-budget';
import { resolveSegmentOptions } from '../segmenter/segment-options';
import { fillBitsAfterHeader, packedOctetCount, writePackedSeptets } from '../septet-packing';
import type { EncodedPdu, NationalShift, SubmitOptions } from '../types';
import { describeOptionValue } from './describe-option-value';
import { encodeDefaultText } from './encode-default-text';
import { octetsToHex } from './hex-octets';
import { submitEnvelopeOf, writeSubmitEnvelope } from './submit-envelope';
import { badOption, integerOption } from './submit-option-checks';
import { writeUserDataHeader } from './user-data-header';

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
  const concatReference = integerOption(options.concatReference ?? 0, 'concatReference', referenceBits === 16 ? 0xffff : 0xff);
  const envelope = submitEnvelopeOf(options);

  // The commonest messages take a one-pass path; the general one below stays the reference for all.
  if (options.data == null && options.encoding === undefined && options.nationalLanguages === undefined && typeof options.text === 'string') {
    const direct = encodeDefaultText(options.text, envelope, { reference: concatReference, referenceBits });
    if (direct !== undefined) return direct;
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
  const { octets: envelopeOctets, smscOctets, messageReferenceAt: referenceAt, messageReference } = envelope;
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
  writeSubmitEnvelope(envelope, headerOctets > 0, payload.alphabet, out, 0);

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
