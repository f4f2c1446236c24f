import { CodecError } from '../../errors/codec-error';
import type { NationalShift } from '../types';
import { gsm7Charset } from './gsm7-charset';
import { GSM7_ESCAPE } from './gsm7-table';

/**
 * Text → septet codes (one per array entry, unpacked). A character of the single shift table
 * becomes the pair 0x1B, code. Throws SMSB_CODEC_UNENCODABLE naming the first character that fits
 * neither table.
 */
export function encodeGsm7(text: string, shift?: NationalShift): number[] {
  const { locking, singleShift } = gsm7Charset(shift);
  const septets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const septet = locking.septetOf.get(unit);
    if (septet !== undefined) {
      septets.push(septet);
      continue;
    }
    const shifted = singleShift.septetOf.get(unit);
    if (shifted !== undefined) {
      septets.push(GSM7_ESCAPE, shifted);
      continue;
    }
    throw new CodecError('SMSB_CODEC_UNENCODABLE', `character ${describeCharacter(text, i)} at index ${i} is not in the GSM 7-bit ${describeShift(shift)}`);
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
  const { locking, singleShift } = gsm7Charset(shift);
  let text = '';
  for (let i = 0; i < septets.length; i++) {
    const septet = septets[i]! & 0x7f;
    if (septet !== GSM7_ESCAPE) {
      text += locking.table[septet] || ' ';
      continue;
    }
    i++;
    if (i >= septets.length) {
      text += ' ';
      break;
    }
    const code = septets[i]! & 0x7f;
    if (code === GSM7_ESCAPE) text += ' ';
    else text += singleShift.table[code] || locking.table[code] || ' ';
  }
  return text;
}

/** Septets `text` takes with these tables (extension characters count 2), or -1 when a character fits neither table. */
export function gsm7Length(text: string, shift?: NationalShift): number {
  const { locking, singleShift } = gsm7Charset(shift);
  let septets = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (locking.septetOf.has(unit)) septets += 1;
    else if (singleShift.septetOf.has(unit)) septets += 2;
    else return -1;
  }
  return septets;
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
