import { CodecError } from '../../errors/codec-error';
import type { NationalLanguage, NationalShift } from '../types';
import { GSM7_DEFAULT_ALPHABET, GSM7_DEFAULT_EXTENSION } from './default-alphabet';
import { buildGsm7LookupTables, type Gsm7LookupTables } from './gsm7-lookup-tables';
import type { Gsm7Table } from './gsm7-table';
import { NATIONAL_LANGUAGE_TABLES } from './national-language-tables';

/** A table plus its reverse index (UTF-16 code unit → septet), built once. */
export interface IndexedGsm7Table {
  readonly table: Gsm7Table;
  readonly septetOf: ReadonlyMap<number, number>;
}

/** The pair of tables a GSM-7 message is written with: locking shift (1 septet) and single shift (escape + 1). */
export interface Gsm7Charset {
  readonly locking: IndexedGsm7Table;
  readonly singleShift: IndexedGsm7Table;
  /** The pair flattened for the hot loops of the encoder, decoder and segmenter. */
  readonly lookup: Gsm7LookupTables;
}

function indexTable(table: Gsm7Table): IndexedGsm7Table {
  const septetOf = new Map<number, number>();
  table.forEach((char, septet) => {
    // Last occurrence wins, as in Android: '¡', '*' and Kannada U+0CAA appear twice; 0x3D is the unambiguous one for U+0CAA.
    if (char !== '') septetOf.set(char.charCodeAt(0), septet);
  });
  return Object.freeze({ table, septetOf });
}

const DEFAULT_LOCKING = indexTable(GSM7_DEFAULT_ALPHABET);
const DEFAULT_SINGLE_SHIFT = indexTable(GSM7_DEFAULT_EXTENSION);

export const DEFAULT_GSM7_CHARSET: Gsm7Charset = charsetOf(DEFAULT_LOCKING, DEFAULT_SINGLE_SHIFT);

function charsetOf(locking: IndexedGsm7Table, singleShift: IndexedGsm7Table): Gsm7Charset {
  return Object.freeze({ locking, singleShift, lookup: buildGsm7LookupTables(locking, singleShift) });
}

interface IndexedNationalTables {
  readonly locking?: IndexedGsm7Table;
  readonly singleShift: IndexedGsm7Table;
}

const INDEXED_NATIONAL_TABLES: Readonly<Record<NationalLanguage, IndexedNationalTables>> = Object.freeze(
  Object.fromEntries(
    Object.entries(NATIONAL_LANGUAGE_TABLES).map(([language, tables]) => [
      language,
      Object.freeze({
        locking: tables.locking && indexTable(tables.locking),
        singleShift: indexTable(tables.singleShift),
      }),
    ]),
  ) as Record<NationalLanguage, IndexedNationalTables>,
);

/** Languages that define a locking shift table (Spanish has only a single shift table). */
export function hasLockingShiftTable(language: NationalLanguage): boolean {
  return INDEXED_NATIONAL_TABLES[language]?.locking !== undefined;
}

/** Every national language defines a single shift table; kept as a query so callers need not know that. */
export function hasSingleShiftTable(language: NationalLanguage): boolean {
  return INDEXED_NATIONAL_TABLES[language]?.singleShift !== undefined;
}

/** National pairs built so far (by "locking/single"): building the lookup tables costs more than a message. */
const NATIONAL_CHARSETS = new Map<string, Gsm7Charset>();

/** The tables for a national shift; no shift = default alphabet + default extension table. The same pair gives the same object. */
export function gsm7Charset(shift?: NationalShift): Gsm7Charset {
  if (shift === undefined || (shift.lockingShift === undefined && shift.singleShift === undefined)) return DEFAULT_GSM7_CHARSET;
  const key = `${shift.lockingShift ?? ''}/${shift.singleShift ?? ''}`;
  let charset = NATIONAL_CHARSETS.get(key);
  if (charset === undefined) {
    charset = charsetOf(
      shift.lockingShift === undefined ? DEFAULT_LOCKING : nationalTable(shift.lockingShift, 'locking'),
      shift.singleShift === undefined ? DEFAULT_SINGLE_SHIFT : nationalTable(shift.singleShift, 'singleShift'),
    );
    NATIONAL_CHARSETS.set(key, charset);
  }
  return charset;
}

function nationalTable(language: NationalLanguage, kind: 'locking' | 'singleShift'): IndexedGsm7Table {
  const table = INDEXED_NATIONAL_TABLES[language]?.[kind];
  if (table === undefined) {
    const what = kind === 'locking' ? 'locking shift' : 'single shift';
    throw new CodecError('SMSB_CODEC_BAD_OPTION', `there is no ${what} table for national language "${language}"`);
  }
  return table;
}
