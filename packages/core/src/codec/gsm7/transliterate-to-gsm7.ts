import type { NationalShift } from '../types';
import { gsm7Charset, type Gsm7Charset } from './gsm7-charset';
import { gsm7UnitCost } from './gsm7-cost';
import { GSM7_TRANSLITERATIONS } from './transliteration-map';

const COMBINING_MARKS = /\p{M}/gu;
const IS_COMBINING_MARK = /^\p{M}$/u;
const IS_FORMAT_CHARACTER = /^\p{Cf}$/u;

/**
 * Rewrites `text` so that every character fits the GSM 7-bit tables of `shift` (default alphabet
 * and extension table when absent). Characters that already fit are kept; typographic quotes,
 * dashes, ellipsis and odd spaces get their plain forms; accented letters lose the accents GSM
 * lacks (á → a, but é stays); a combining accent merges with the letter before it when the
 * result fits; anything else becomes '?' (one per code point, so an emoji is one '?').
 */
export function transliterateToGsm7(text: string, shift?: NationalShift): string {
  const charset = gsm7Charset(shift);
  let out = '';
  for (const char of text) {
    if (fits(char, charset)) {
      out += char;
      continue;
    }
    const replacement = replacementFor(char, charset);
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    if (IS_COMBINING_MARK.test(char)) {
      out = mergeMarkIntoPrevious(out, char, charset);
      continue;
    }
    out += IS_FORMAT_CHARACTER.test(char) ? '' : '?';
  }
  return out;
}

function fits(text: string, charset: Gsm7Charset): boolean {
  for (let i = 0; i < text.length; i++) if (gsm7UnitCost(charset, text.charCodeAt(i)) === 0) return false;
  return true;
}

function replacementFor(char: string, charset: Gsm7Charset): string | undefined {
  const mapped = GSM7_TRANSLITERATIONS.get(char);
  if (mapped !== undefined && fits(mapped, charset)) return mapped;
  for (const form of ['NFD', 'NFKD'] as const) {
    const stripped = char.normalize(form).replace(COMBINING_MARKS, '');
    if (stripped !== '' && stripped !== char && fits(stripped, charset)) return stripped;
    // A compatibility form may itself need a mapping (e.g. a fullwidth quote).
    const strippedMapped = stripped.length === 1 ? GSM7_TRANSLITERATIONS.get(stripped) : undefined;
    if (strippedMapped !== undefined && fits(strippedMapped, charset)) return strippedMapped;
  }
  return undefined;
}

/** "e" + U+0301 → "é" when that fits; otherwise the mark is dropped (it only decorated the letter). */
function mergeMarkIntoPrevious(out: string, mark: string, charset: Gsm7Charset): string {
  if (out === '') return out;
  const previous = out.slice(-1);
  const composed = (previous + mark).normalize('NFC');
  return composed.length === 1 && fits(composed, charset) ? out.slice(0, -1) + composed : out;
}
