import type { IndexedGsm7Table } from './gsm7-charset';

const SPACE = 0x20;
/** Flags of a codeByUnit entry: one septet of the locking table, or escape + a single shift code. */
export const LOCKING_FLAG = 0x100;
export const SINGLE_SHIFT_FLAG = 0x200;

/**
 * Flat per-code-unit tables of one locking + single shift pair, built once per pair so that the
 * encoder, the decoder and the segmenter each do one typed-array read per character.
 */
export interface Gsm7LookupTables {
  /**
   * Per UTF-16 code unit up to the highest one the tables define: 0 = not encodable, else
   * `septets << 8 | code` (1 septet: a locking table code; 2 septets: escape + single shift code).
   * Code units past the end are not encodable.
   */
  readonly codeByUnit: Readonly<Uint16Array>;
  /** Code unit of each locking table septet; an undefined code reads as a space. */
  readonly unitBySeptet: Readonly<Uint16Array>;
  /** Code unit of each code after an escape: the single shift character, else the locking one, else a space. */
  readonly unitByEscapedCode: Readonly<Uint16Array>;
}

export function buildGsm7LookupTables(locking: IndexedGsm7Table, singleShift: IndexedGsm7Table): Gsm7LookupTables {
  let highest = 0;
  for (const unit of locking.septetOf.keys()) highest = Math.max(highest, unit);
  for (const unit of singleShift.septetOf.keys()) highest = Math.max(highest, unit);
  const codeByUnit = new Uint16Array(highest + 1);
  for (const [unit, code] of singleShift.septetOf) codeByUnit[unit] = SINGLE_SHIFT_FLAG | code;
  // A character in both tables goes out from the locking table: one septet instead of two.
  for (const [unit, septet] of locking.septetOf) codeByUnit[unit] = LOCKING_FLAG | septet;
  const unitBySeptet = Uint16Array.from(locking.table, (char) => (char === '' ? SPACE : char.charCodeAt(0)));
  const unitByEscapedCode = Uint16Array.from(singleShift.table, (char, code) => (char !== '' ? char.charCodeAt(0) : unitBySeptet[code]!));
  return Object.freeze({ codeByUnit, unitBySeptet, unitByEscapedCode });
}
