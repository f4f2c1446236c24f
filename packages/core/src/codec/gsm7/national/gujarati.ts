import { gsm7TableFromRows, type NationalLanguageTables } from '../gsm7-table';

/**
 * Gujarati national language tables, 3GPP TS 23.038 Annex A.3.5 (locking shift) and A.2.5 (single shift).
 * Rows of 16 codes from 0x00; \u0000 marks an undefined code.
 * Note: 0x2C is ',' as in the default alphabet (a CSV transcription of the spec shows an apostrophe; Android, oFono and Firefox OS use the comma)
 */
export const GUJARATI_TABLES: NationalLanguageTables = Object.freeze({
  locking: gsm7TableFromRows([
    '\u0A81\u0A82\u0A83\u0A85\u0A86\u0A87\u0A88\u0A89\u0A8A\u0A8B\n\u0A8C\u0A8D\r\u0000\u0A8F',
    '\u0A90\u0A91\u0000\u0A93\u0A94\u0A95\u0A96\u0A97\u0A98\u0A99\u0A9A\u0000\u0A9B\u0A9C\u0A9D\u0A9E',
    ' !\u0A9F\u0AA0\u0AA1\u0AA2\u0AA3\u0AA4)(\u0AA5\u0AA6,\u0AA7.\u0AA8',
    '0123456789:;\u0000\u0AAA\u0AAB?',
    '\u0AAC\u0AAD\u0AAE\u0AAF\u0AB0\u0000\u0AB2\u0AB3\u0000\u0AB5\u0AB6\u0AB7\u0AB8\u0AB9\u0ABC\u0ABD',
    '\u0ABE\u0ABF\u0AC0\u0AC1\u0AC2\u0AC3\u0AC4\u0AC5\u0000\u0AC7\u0AC8\u0AC9\u0000\u0ACB\u0ACC\u0ACD',
    '\u0AD0abcdefghijklmno',
    'pqrstuvwxyz\u0AE0\u0AE1\u0AE2\u0AE3\u0AF1',
  ]),
  singleShift: gsm7TableFromRows([
    '@\u00A3$\u00A5\u00BF"\u00A4%&\'\f*+\u0000-/',
    '<=>\u00A1^\u00A1_#*\u0964\u0965\u0000\u0AE6\u0AE7\u0AE8\u0AE9',
    '\u0AEA\u0AEB\u0AEC\u0AED\u0AEE\u0AEF\u0000\u0000{}\u0000\u0000\u0000\u0000\u0000\\',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000[~]\u0000',
    '|ABCDEFGHIJKLMNO',
    'PQRSTUVWXYZ\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u20AC\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
  ]),
});
