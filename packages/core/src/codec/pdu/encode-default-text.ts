import { DEFAULT_GSM7_CHARSET } from '../gsm7/gsm7-charset';
import { LOCKING_FLAG, SINGLE_SHIFT_FLAG } from '../gsm7/gsm7-lookup-tables';
import { GSM7_ESCAPE } from '../gsm7/gsm7-table';
import { ucs2PartEnd } from '../segmenter/part-layout';
import { segmentBudget, userDataHeaderOctets } from '../segmenter/segment-budget';
import { fillBitsAfterHeader } from '../septet-packing';
import type { EncodedPdu } from '../types';
import { codeUnitScratch, copyCodeUnits } from '../utf16-code-units';
import { HEX_PAIR_BY_OCTET } from './hex-octets';
import { buildDataCodingScheme } from './data-coding-scheme';
import { writeSubmitEnvelope, type SubmitEnvelope } from './submit-envelope';
import { writeUserDataHeader } from './user-data-header';

/** Longest text this path takes; longer ones (dozens of parts) go the general way. */
const MAX_TEXT_UNITS = 2048;
/**
 * Most octets of all parts of such a text: UCS-2 parts carry at least 65 code units, so 2048 units
 * are at most 32 parts (GSM-7: 27, escapes and all), each at most 176 octets (a 35-octet envelope,
 * TP-UDL and 140 octets of user data).
 */
const MAX_OUTPUT_OCTETS = 32 * 176;
/** The numbers of one kind of part, worked out once from the shared segment rules. */
interface PartFormat {
  /** Octets of the user data header, UDHL included (0 for a single part). */
  headerOctets: number;
  /** Septets the header takes, fill bits included (GSM-7). */
  headerSeptets: number;
  fillBits: number;
  /** Septets or UTF-16 code units of text one part carries. */
  budget: number;
}

function partFormat(encoding: 'gsm7' | 'ucs2', concatenated: boolean, referenceBits: 8 | 16): PartFormat {
  const headerOctets = userDataHeaderOctets(concatenated, referenceBits);
  return {
    headerOctets,
    headerSeptets: Math.ceil((headerOctets * 8) / 7),
    fillBits: fillBitsAfterHeader(headerOctets),
    budget: segmentBudget(encoding, concatenated, referenceBits),
  };
}

const GSM7_SINGLE = partFormat('gsm7', false, 8);
const GSM7_CONCAT8 = partFormat('gsm7', true, 8);
const GSM7_CONCAT16 = partFormat('gsm7', true, 16);
const UCS2_SINGLE = partFormat('ucs2', false, 8);
const UCS2_CONCAT8 = partFormat('ucs2', true, 8);
const UCS2_CONCAT16 = partFormat('ucs2', true, 16);
const SINGLE_PART_SEPTETS = GSM7_SINGLE.budget;
const SINGLE_PART_UCS2_UNITS = UCS2_SINGLE.budget;
const DEFAULT_CODE_BY_UNIT = DEFAULT_GSM7_CHARSET.lookup.codeByUnit;
const DEFAULT_TABLE_LENGTH = DEFAULT_CODE_BY_UNIT.length;
const ESCAPE = GSM7_ESCAPE;
const HEX_PAIR = HEX_PAIR_BY_OCTET;

/**
 * Private to this module and overwritten by every call, which runs to its end without yielding:
 * the text's code units, the envelope and header octets, and the PDUs as hex digit pairs (one UTF-16 slot
 * per octet, read back as a string with one `latin1` toString).
 */
const TEXT_SCRATCH = codeUnitScratch(MAX_TEXT_UNITS);
const OCTET_SCRATCH = new Uint8Array(64);
const HEX_SCRATCH = Buffer.allocUnsafeSlow(2 * MAX_OUTPUT_OCTETS);
const HEX_SCRATCH_PAIRS = new Uint16Array(HEX_SCRATCH.buffer, HEX_SCRATCH.byteOffset, MAX_OUTPUT_OCTETS);
/** Octet where each part starts, and after the last part where the output ends. */
const PART_STARTS = new Int32Array(64);

/** The concatenation reference every part of a multi-part message carries. */
export interface ConcatReference {
  reference: number;
  referenceBits: 8 | 16;
}

/** What the writers report when the text is not theirs to write. */
const NOT_GSM7 = -1;
const NEEDS_PARTS = -2;

/**
 * A text with the default options (encoding auto, no national tables), written straight to hex:
 * GSM-7 of the default tables when every character is in them, else UCS-2, in as many parts as
 * it takes. One pass reads each character, packs its septets and writes the finished octets as
 * hex digits; no septet array, layout or octet buffer in between. Undefined for texts longer
 * than MAX_TEXT_UNITS, which the general path encodes.
 * Its PDUs are the general path's for every such text (a property test holds it to that).
 */
export function encodeDefaultText(text: string, envelope: SubmitEnvelope, concat: ConcatReference): EncodedPdu[] | undefined {
  const length = text.length;
  if (length > MAX_TEXT_UNITS) return undefined;
  const units = copyCodeUnits(text, TEXT_SCRATCH);
  writeEnvelopePairs(envelope);
  // Longer than one part's septets means parts whatever the characters; else try one part first.
  let partCount = length > SINGLE_PART_SEPTETS ? NEEDS_PARTS : writeGsm7Parts(units, length, envelope, null);
  if (partCount === NEEDS_PARTS) partCount = writeGsm7Parts(units, length, envelope, concat);
  if (partCount === NOT_GSM7) partCount = writeUcs2Parts(units, length, envelope, length > SINGLE_PART_UCS2_UNITS ? concat : null);
  const end = PART_STARTS[partCount]!;
  const hex = HEX_SCRATCH.toString('latin1', 0, 2 * end);
  if (partCount === 1) return [{ pdu: hex, length: end - envelope.smscOctets }];
  const encoded: EncodedPdu[] = new Array(partCount);
  for (let index = 0; index < partCount; index++) {
    const start = PART_STARTS[index]!;
    const stop = PART_STARTS[index + 1]!;
    encoded[index] = { pdu: hex.slice(2 * start, 2 * stop), length: stop - start - envelope.smscOctets };
  }
  return encoded;
}

/**
 * GSM-7 parts as hex pairs from octet 0 (PART_STARTS says where); returns the part count, NOT_GSM7 at the first
 * character outside the default tables, or NEEDS_PARTS when `concat` is null and the text needs
 * more than one part. Parts are filled greedily and an escape never ends a part without its code.
 */
function writeGsm7Parts(units: Uint16Array, length: number, envelope: SubmitEnvelope, concat: ConcatReference | null): number {
  const out = HEX_SCRATCH_PAIRS;
  const { headerOctets, headerSeptets, fillBits, budget } = concat === null ? GSM7_SINGLE : concat.referenceBits === 16 ? GSM7_CONCAT16 : GSM7_CONCAT8;
  const envelopeOctets = setEnvelopeFormat(envelope, concat !== null, 'gsm7');

  let parts = 1;
  PART_STARTS[0] = 0;
  let at = openPart(envelope, envelopeOctets, 0, concat, 0);
  // The open part: where its TP-UDL goes, its septets so far, and bits not yet a whole octet.
  let udlAt = at - headerOctets - 1;
  let septets = 0;
  let pending = 0;
  let pendingBits = fillBits;
  // Where the next try at a block of eight plain characters may start (after a failed one: eight on).
  let blockFrom = 0;
  for (let i = 0; i < length; ) {
    if (pendingBits === 0 && i >= blockFrom && i + 8 <= length && septets + 8 <= budget) {
      // On an octet boundary, eight one-septet characters are seven whole octets.
      const s0 = septetEntry(units[i]!);
      const s1 = septetEntry(units[i + 1]!);
      const s2 = septetEntry(units[i + 2]!);
      const s3 = septetEntry(units[i + 3]!);
      const s4 = septetEntry(units[i + 4]!);
      const s5 = septetEntry(units[i + 5]!);
      const s6 = septetEntry(units[i + 6]!);
      const s7 = septetEntry(units[i + 7]!);
      // Locking-table entries carry 0x100; escaped and unencodable ones do not.
      if ((s0 & s1 & s2 & s3 & s4 & s5 & s6 & s7 & LOCKING_FLAG) !== 0) {
        out[at] = HEX_PAIR[(s0 & 0x7f) | ((s1 << 7) & 0xff)]!;
        out[at + 1] = HEX_PAIR[((s1 & 0x7f) >> 1) | ((s2 << 6) & 0xff)]!;
        out[at + 2] = HEX_PAIR[((s2 & 0x7f) >> 2) | ((s3 << 5) & 0xff)]!;
        out[at + 3] = HEX_PAIR[((s3 & 0x7f) >> 3) | ((s4 << 4) & 0xff)]!;
        out[at + 4] = HEX_PAIR[((s4 & 0x7f) >> 4) | ((s5 << 3) & 0xff)]!;
        out[at + 5] = HEX_PAIR[((s5 & 0x7f) >> 5) | ((s6 << 2) & 0xff)]!;
        out[at + 6] = HEX_PAIR[((s6 & 0x7f) >> 6) | ((s7 << 1) & 0xff)]!;
        at += 7;
        septets += 8;
        i += 8;
        continue;
      }
      blockFrom = i + 8;
    }
    const entry = septetEntry(units[i++]!);
    if (entry === 0) return NOT_GSM7;
    const width = entry < SINGLE_SHIFT_FLAG ? 1 : 2;
    if (septets + width > budget) {
      if (concat === null) return NEEDS_PARTS;
      if (pendingBits > 0) out[at++] = HEX_PAIR[pending & 0xff]!;
      out[udlAt] = HEX_PAIR[headerSeptets + septets]!;
      PART_STARTS[parts] = at;
      at = openPart(envelope, envelopeOctets, parts++, concat, at);
      udlAt = at - headerOctets - 1;
      septets = 0;
      pending = 0;
      pendingBits = fillBits;
    }
    // An escaped character is the escape septet, then its code: 14 bits.
    pending |= (width === 1 ? entry & 0x7f : ESCAPE | ((entry & 0x7f) << 7)) << pendingBits;
    pendingBits += 7 * width;
    while (pendingBits >= 8) {
      out[at++] = HEX_PAIR[pending & 0xff]!;
      pending >>>= 8;
      pendingBits -= 8;
    }
    septets += width;
  }
  if (pendingBits > 0) out[at++] = HEX_PAIR[pending & 0xff]!;
  out[udlAt] = HEX_PAIR[headerSeptets + septets]!;
  PART_STARTS[parts] = at;
  if (concat !== null) writeTotals(parts, envelopeOctets, headerOctets);
  return parts;
}

/**
 * UCS-2 parts as hex pairs from octet 0 (PART_STARTS says where); returns the part count. Parts of 67 (66) code units,
 * one fewer where a part would end between the halves of a surrogate pair; `concat` null = one part.
 */
function writeUcs2Parts(units: Uint16Array, length: number, envelope: SubmitEnvelope, concat: ConcatReference | null): number {
  const out = HEX_SCRATCH_PAIRS;
  const { headerOctets, budget } = concat === null ? UCS2_SINGLE : concat.referenceBits === 16 ? UCS2_CONCAT16 : UCS2_CONCAT8;
  const envelopeOctets = setEnvelopeFormat(envelope, concat !== null, 'ucs2');
  let at = 0;
  let parts = 0;
  let start = 0;
  do {
    const end = ucs2PartEnd(units, start, budget, length);
    PART_STARTS[parts] = at;
    at = openPart(envelope, envelopeOctets, parts++, concat, at);
    out[at - headerOctets - 1] = HEX_PAIR[headerOctets + 2 * (end - start)]!;
    for (let i = start; i < end; i++) {
      const unit = units[i]!;
      out[at++] = HEX_PAIR[unit >> 8]!;
      out[at++] = HEX_PAIR[unit & 0xff]!;
    }
    start = end;
  } while (start < length);
  PART_STARTS[parts] = at;
  if (concat !== null) writeTotals(parts, envelopeOctets, headerOctets);
  return parts;
}

/** The first part's envelope as hex pairs from octet 0; setEnvelopeFormat sets its format, later parts copy it. */
function writeEnvelopePairs(envelope: SubmitEnvelope): void {
  writeSubmitEnvelope(envelope, false, 'gsm7', OCTET_SCRATCH, 0);
  for (let i = 0; i < envelope.octets; i++) HEX_SCRATCH_PAIRS[i] = HEX_PAIR[OCTET_SCRATCH[i]!]!;
}

/** TP-UDHI and TP-DCS of the envelope at octet 0 for the parts about to be written; returns the envelope's octets. */
function setEnvelopeFormat(envelope: SubmitEnvelope, userDataHeader: boolean, alphabet: 'gsm7' | 'ucs2'): number {
  HEX_SCRATCH_PAIRS[envelope.firstOctetAt] = HEX_PAIR[userDataHeader ? envelope.firstOctetWithHeader : envelope.firstOctet]!;
  HEX_SCRATCH_PAIRS[envelope.dataCodingAt] = HEX_PAIR[buildDataCodingScheme(alphabet, envelope.messageClass)]!;
  return envelope.octets;
}

/**
 * Starts part `index` at `at`: the envelope with its TP-MR, room for TP-UDL, and the concatenation
 * header but for its total, which writeTotals fills in once the parts are counted. Returns where
 * the part's user data goes.
 */
function openPart(envelope: SubmitEnvelope, envelopeOctets: number, index: number, concat: ConcatReference | null, at: number): number {
  const out = HEX_SCRATCH_PAIRS;
  if (index > 0) for (let i = 0; i < envelopeOctets; i++) out[at + i] = out[i]!;
  out[at + envelope.messageReferenceAt] = HEX_PAIR[(envelope.messageReference + index) & 0xff]!;
  at += envelopeOctets + 1;
  if (concat === null) return at;
  const header = { reference: concat.reference, total: 0, sequence: index + 1, referenceBits: concat.referenceBits };
  const headerOctets = writeUserDataHeader(OCTET_SCRATCH, 0, header, undefined);
  for (let i = 0; i < headerOctets; i++) out[at + i] = HEX_PAIR[OCTET_SCRATCH[i]!]!;
  return at + headerOctets;
}

/** The part count into every part's concatenation header. */
function writeTotals(parts: number, envelopeOctets: number, headerOctets: number): void {
  // The header is the concat element alone, whose last two octets are the total and the sequence.
  const totalAt = envelopeOctets + 1 + headerOctets - 2;
  const total = HEX_PAIR[parts]!;
  for (let index = 0; index < parts; index++) HEX_SCRATCH_PAIRS[PART_STARTS[index]! + totalAt] = total;
}

/** The default tables' entry for a code unit: 0 = not encodable, LOCKING_FLAG | septet, or SINGLE_SHIFT_FLAG | code after an escape. */
function septetEntry(unit: number): number {
  return unit < DEFAULT_TABLE_LENGTH ? DEFAULT_CODE_BY_UNIT[unit]! : 0;
}
