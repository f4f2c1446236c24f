import { gsm7TableFromRows, type NationalLanguageTables } from '../gsm7-table';

/**
 * Oriya national language tables, 3GPP TS 23.038 Annex A.3.9 (locking shift) and A.2.9 (single shift).
 * Rows of 16 codes from 0x00; \u0000 marks an undefined code.
 * Note: 0x2C is ',' as in the default alphabet (a CSV transcription of the spec shows an apostrophe; Android, oFono and Firefox OS use the comma)
 */
export const ORIYA_TABLES: NationalLanguageTables = Object.freeze({
  locking: gsm7TableFromRows([
    '\u0B01\u0B02\u0B03\u0B05\u0B06\u0B07\u0B08\u0B09\u0B0A\u0B0B\n\u0B0C\u0000\r\u0000\u0B0F',
    '\u0B10\u0000\u0000\u0B13\u0B14\u0B15\u0B16\u0B17\u0B18\u0B19\u0B1A\u0000\u0B1B\u0B1C\u0B1D\u0B1E',
    ' !\u0B1F\u0B20\u0B21\u0B22\u0B23\u0B24)(\u0B25\u0B26,\u0B27.\u0B28',
    '0123456789:;\u0000\u0B2A\u0B2B?',
    '\u0B2C\u0B2D\u0B2E\u0B2F\u0B30\u0000\u0B32\u0B33\u0000\u0B35\u0B36\u0B37\u0B38\u0B39\u0B3C\u0B3D',
    '\u0B3E\u0B3F\u0B40\u0B41\u0B42\u0B43\u0B44\u0000\u0000\u0B47\u0B48\u0000\u0000\u0B4B\u0B4C\u0B4D',
    '\u0B56abcdefghijklmno',
    'pqrstuvwxyz\u0B57\u0B60\u0B61\u0B62\u0B63',
  ]),
  singleShift: gsm7TableFromRows([
    '@\u00A3$\u00A5\u00BF"\u00A4%&\'\f*+\u0000-/',
    '<=>\u00A1^\u00A1_#*\u0964\u0965\u0000\u0B66\u0B67\u0B68\u0B69',
    '\u0B6A\u0B6B\u0B6C\u0B6D\u0B6E\u0B6F\u0B5C\u0B5D{}\u0B5F\u0B70\u0B71\u0000\u0000\\',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000[~]\u0000',
    '|ABCDEFGHIJKLMNO',
    'PQRSTUVWXYZ\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u20AC\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
  ]),
});
