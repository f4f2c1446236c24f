/**
 * One 128-entry GSM 7-bit table (a locking shift table or a single shift table). Entry `n` is the
 * character of septet `n`; '' marks a code the table leaves undefined. Septet 0x1B is always the
 * escape to the single shift table and never a character.
 */
export type Gsm7Table = readonly string[];

export const GSM7_ESCAPE = 0x1b;

/** Builds a table from rows of 16 characters; `\u0000` in a row marks an undefined code. */
export function gsm7TableFromRows(rows: readonly string[]): Gsm7Table {
  const table = Array.from(rows.join(''), (char) => (char === '\u0000' ? '' : char));
  if (table.length !== 128) throw new RangeError(`a GSM 7-bit table has 128 entries, got ${table.length}`);
  table[GSM7_ESCAPE] = '';
  return Object.freeze(table);
}

/** Builds a sparse table (single shift tables define few codes). */
export function gsm7TableFromEntries(entries: Readonly<Record<number, string>>): Gsm7Table {
  const table = new Array<string>(128).fill('');
  for (const [code, char] of Object.entries(entries)) table[Number(code)] = char;
  table[GSM7_ESCAPE] = '';
  return Object.freeze(table);
}

/** The tables one national language defines (TS 23.038 Annex A). */
export interface NationalLanguageTables {
  /** Annex A.3; absent when the spec defines none (Spanish). */
  readonly locking?: Gsm7Table;
  /** Annex A.2. */
  readonly singleShift: Gsm7Table;
}
