import { CodecError } from '../../errors/codec-error';
import { hasLockingShiftTable, hasSingleShiftTable } from '../gsm7';
import type { ConcatInfo, NationalShift, UserDataHeaderElement } from '../types';
import { nationalLanguageId, nationalLanguageOf } from './national-language-identifier';

/** Information element identifiers this codec understands (TS 23.040 §9.2.3.24). */
export const INFORMATION_ELEMENT_ID = Object.freeze({
  concat8: 0x00,
  concat16: 0x08,
  nationalSingleShift: 0x24,
  nationalLockingShift: 0x25,
});

/** A parsed TP-UDH. Every element is kept, known or not, in order. */
export interface UserDataHeader {
  elements: UserDataHeaderElement[];
  concat: ConcatInfo | null;
  /** National tables announced and known to the GSM-7 codec; null when none. */
  national: NationalShift | null;
}

/**
 * Parses the `length` octets of header that follow the UDHL octet at `start`. An element running
 * past the header is SMSB_CODEC_BAD_FIELD; a concat element with impossible numbers is ignored, as
 * §9.2.3.24.1 tells a receiver to, but kept in `elements`.
 */
export function parseUserDataHeader(octets: Uint8Array, start: number, length: number): UserDataHeader {
  const end = start + length;
  const elements: UserDataHeaderElement[] = [];
  let concat: ConcatInfo | null = null;
  let lockingShift: NationalShift['lockingShift'];
  let singleShift: NationalShift['singleShift'];
  let at = start;
  while (at < end) {
    if (at + 2 > end) throw new CodecError('SMSB_CODEC_BAD_FIELD', 'user data header ends inside an element header', at);
    const iei = octets[at]!;
    const dataLength = octets[at + 1]!;
    if (at + 2 + dataLength > end) {
      throw new CodecError('SMSB_CODEC_BAD_FIELD', `element ${iei} of ${dataLength} octets runs past the user data header`, at + 1);
    }
    const data = octets.slice(at + 2, at + 2 + dataLength);
    elements.push({ iei, data });
    at += 2 + dataLength;
    switch (iei) {
      case INFORMATION_ELEMENT_ID.concat8:
        if (dataLength === 3) concat = validConcat(data[0]!, data[1]!, data[2]!, 8) ?? concat;
        break;
      case INFORMATION_ELEMENT_ID.concat16:
        if (dataLength === 4) concat = validConcat((data[0]! << 8) | data[1]!, data[2]!, data[3]!, 16) ?? concat;
        break;
      case INFORMATION_ELEMENT_ID.nationalSingleShift: {
        const language = dataLength === 1 ? nationalLanguageOf(data[0]!) : undefined;
        if (language !== undefined && hasSingleShiftTable(language)) singleShift = language;
        break;
      }
      case INFORMATION_ELEMENT_ID.nationalLockingShift: {
        const language = dataLength === 1 ? nationalLanguageOf(data[0]!) : undefined;
        if (language !== undefined && hasLockingShiftTable(language)) lockingShift = language;
        break;
      }
    }
  }
  const national: NationalShift | null =
    lockingShift === undefined && singleShift === undefined
      ? null
      : { ...(lockingShift === undefined ? {} : { lockingShift }), ...(singleShift === undefined ? {} : { singleShift }) };
  return { elements, concat, national };
}

function validConcat(reference: number, total: number, sequence: number, referenceBits: 8 | 16): ConcatInfo | null {
  return total === 0 || sequence === 0 || sequence > total ? null : { reference, total, sequence, referenceBits };
}

/** The concat element of a part: IEI 00 for 8-bit references, 08 for 16-bit. */
export function concatElement(info: ConcatInfo): UserDataHeaderElement {
  return info.referenceBits === 16
    ? { iei: INFORMATION_ELEMENT_ID.concat16, data: Uint8Array.of(info.reference >> 8, info.reference & 0xff, info.total, info.sequence) }
    : { iei: INFORMATION_ELEMENT_ID.concat8, data: Uint8Array.of(info.reference, info.total, info.sequence) };
}

/** Elements announcing the national tables of a GSM-7 message. */
export function nationalShiftElements(shift: NationalShift | undefined): UserDataHeaderElement[] {
  const elements: UserDataHeaderElement[] = [];
  if (shift?.lockingShift !== undefined) elements.push({ iei: INFORMATION_ELEMENT_ID.nationalLockingShift, data: Uint8Array.of(nationalLanguageId(shift.lockingShift)) });
  if (shift?.singleShift !== undefined) elements.push({ iei: INFORMATION_ELEMENT_ID.nationalSingleShift, data: Uint8Array.of(nationalLanguageId(shift.singleShift)) });
  return elements;
}

/** UDHL followed by the elements; empty when there are none. */
export function buildUserDataHeader(elements: readonly UserDataHeaderElement[]): Uint8Array {
  if (elements.length === 0) return new Uint8Array(0);
  const length = elements.reduce((sum, e) => sum + 2 + e.data.length, 0);
  if (length > 139) throw new CodecError('SMSB_CODEC_TOO_LONG', `user data header of ${length} octets does not fit a message`);
  const out = new Uint8Array(1 + length);
  out[0] = length;
  let at = 1;
  for (const element of elements) {
    out[at] = element.iei;
    out[at + 1] = element.data.length;
    out.set(element.data, at + 2);
    at += 2 + element.data.length;
  }
  return out;
}

/**
 * buildUserDataHeader([concatElement(concat), ...nationalShiftElements(national)]) written into
 * `out` from `at` without the element objects; `concat` null leaves the concat element out.
 * Returns where the header ends (at itself when there is no element).
 */
export function writeUserDataHeader(out: Uint8Array, at: number, concat: ConcatInfo | null, national: NationalShift | undefined): number {
  const start = at++;
  if (concat !== null) {
    if (concat.referenceBits === 16) {
      out[at++] = INFORMATION_ELEMENT_ID.concat16;
      out[at++] = 4;
      out[at++] = concat.reference >> 8;
    } else {
      out[at++] = INFORMATION_ELEMENT_ID.concat8;
      out[at++] = 3;
    }
    out[at++] = concat.reference;
    out[at++] = concat.total;
    out[at++] = concat.sequence;
  }
  if (national?.lockingShift !== undefined) {
    out[at++] = INFORMATION_ELEMENT_ID.nationalLockingShift;
    out[at++] = 1;
    out[at++] = nationalLanguageId(national.lockingShift);
  }
  if (national?.singleShift !== undefined) {
    out[at++] = INFORMATION_ELEMENT_ID.nationalSingleShift;
    out[at++] = 1;
    out[at++] = nationalLanguageId(national.singleShift);
  }
  if (at === start + 1) return start;
  out[start] = at - start - 1;
  return at;
}
