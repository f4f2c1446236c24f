import { gsm7TableFromRows, type NationalLanguageTables } from '../gsm7-table';

/**
 * Telugu national language tables, 3GPP TS 23.038 Annex A.3.12 (locking shift) and A.2.12 (single shift).
 * Rows of 16 codes from 0x00; \u0000 marks an undefined code.
 * Note: 0x2C is ',' as in the default alphabet (a CSV transcription of the spec shows an apostrophe; Android, oFono and Firefox OS use the comma)
 * Note: 0x65 is € as in every other single shift table (one public transcription omits it; Android and Firefox OS have it)
 */
export const TELUGU_TABLES: NationalLanguageTables = Object.freeze({
  locking: gsm7TableFromRows([
    '\u0C01\u0C02\u0C03\u0C05\u0C06\u0C07\u0C08\u0C09\u0C0A\u0C0B\n\u0C0C\u0000\r\u0C0E\u0C0F',
    '\u0C10\u0000\u0C12\u0C13\u0C14\u0C15\u0C16\u0C17\u0C18\u0C19\u0C1A\u0000\u0C1B\u0C1C\u0C1D\u0C1E',
    ' !\u0C1F\u0C20\u0C21\u0C22\u0C23\u0C24)(\u0C25\u0C26,\u0C27.\u0C28',
    '0123456789:;\u0000\u0C2A\u0C2B?',
    '\u0C2C\u0C2D\u0C2E\u0C2F\u0C30\u0C31\u0C32\u0C33\u0000\u0C35\u0C36\u0C37\u0C38\u0C39\u0000\u0C3D',
    '\u0C3E\u0C3F\u0C40\u0C41\u0C42\u0C43\u0C44\u0000\u0C46\u0C47\u0C48\u0000\u0C4A\u0C4B\u0C4C\u0C4D',
    '\u0C55abcdefghijklmno',
    'pqrstuvwxyz\u0C56\u0C60\u0C61\u0C62\u0C63',
  ]),
  singleShift: gsm7TableFromRows([
    '@\u00A3$\u00A5\u00BF"\u00A4%&\'\f*+\u0000-/',
    '<=>\u00A1^\u00A1_#*\u0000\u0000\u0000\u0C66\u0C67\u0C68\u0C69',
    '\u0C6A\u0C6B\u0C6C\u0C6D\u0C6E\u0C6F\u0C58\u0C59{}\u0C78\u0C79\u0C7A\u0C7B\u0C7C\\',
    '\u0C7D\u0C7E\u0C7F\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000[~]\u0000',
    '|ABCDEFGHIJKLMNO',
    'PQRSTUVWXYZ\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u20AC\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
  ]),
});
