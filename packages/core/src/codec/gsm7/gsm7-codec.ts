import { CodecError } from '../../errors/codec-error';
import type { NationalShift } from '../types';
import { gsm7Charset } from './gsm7-charset';
import { codeUnitsToString } from '../code-units-to-string';
import { GSM7_ESCAPE } from './gsm7-table';

const SPACE = 0x20;

/**
 * Text → septet codes (one per array entry, unpacked). A character of the single shift table
 * becomes the pair 0x1B, code. Throws SMSB_CODEC_UNENCODABLE naming the first character that fits
 * neither table.
 */
export function encodeGsm7(text: string, shift?: NationalShift): number[] {
  const { codeByUnit } = gsm7Charset(shift).lookup;
  const septets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const entry = unit < codeByUnit.length ? codeByUnit[unit]! : 0;
    if (entry === 0) throw unencodableCharacter(text, i, shift);
    if (entry >> 8 === 1) septets.push(entry & 0x7f);
    else septets.push(GSM7_ESCAPE, entry & 0x7f);
  }
  return septets;
}

/**
 * Septet codes → text. Tolerant as TS 23.038 §6.2.1.1 asks of a receiver: an escape to a code the
 * single shift table leaves undefined shows the locking table's character; escape-escape and a
 * dangling escape show a space; an undefined locking code (some national tables have gaps) shows
 * a space too.
 */
export function decodeGsm7(septets: ArrayLike<number>, shift?: NationalShift): string {
  const { unitBySeptet, unitByEscapedCode } = gsm7Charset(shift).lookup;
  const units: number[] = [];
  for (let i = 0; i < septets.length; i++) {
    const septet = septets[i]! & 0x7f;
    if (septet !== GSM7_ESCAPE) units.push(unitBySeptet[septet]!);
    else if (++i < septets.length) units.push(unitByEscapedCode[septets[i]! & 0x7f]!);
    else units.push(SPACE);
  }
  return codeUnitsToString(units);
}

/** Septets `text` takes with these tables (extension characters count 2), or -1 when a character fits neither table. */
export function gsm7Length(text: string, shift?: NationalShift): number {
  const { codeByUnit } = gsm7Charset(shift).lookup;
  let septets = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const cost = unit < codeByUnit.length ? codeByUnit[unit]! >> 8 : 0;
    if (cost === 0) return -1;
    septets += cost;
  }
  return septets;
}

/** The SMSB_CODEC_UNENCODABLE error for the character at `index`. */
function unencodableCharacter(text: string, index: number, shift?: NationalShift): CodecError {
  return new CodecError('SMSB_CODEC_UNENCODABLE', `character ${describeCharacter(text, index)} at index ${index} is not in the GSM 7-bit ${describeShift(shift)}`);
}

/** "'😀' (U+1F600)" — the whole code point when it is a surrogate pair. */
export function describeCharacter(text: string, index: number): string {
  const codePoint = text.codePointAt(index)!;
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  return `'${String.fromCodePoint(codePoint)}' (U+${hex})`;
}

function describeShift(shift?: NationalShift): string {
  if (shift === undefined || (shift.lockingShift === undefined && shift.singleShift === undefined)) return 'default alphabet or its extension table';
  const parts = [shift.lockingShift && `${shift.lockingShift} locking shift table`, shift.singleShift && `${shift.singleShift} single shift table`];
  return `alphabet with ${parts.filter(Boolean).join(' and ')}`;
}
