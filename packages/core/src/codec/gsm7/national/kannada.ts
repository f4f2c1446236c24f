import { gsm7TableFromRows, type NationalLanguageTables } from '../gsm7-table';

/**
 * Kannada national language tables, 3GPP TS 23.038 Annex A.3.7 (locking shift) and A.2.7 (single shift).
 * Rows of 16 codes from 0x00; \u0000 marks an undefined code.
 * Note: 0x2C is ',' as in the default alphabet (a CSV transcription of the spec shows an apostrophe; Android, oFono and Firefox OS use the comma)
 * Note: 0x24 is U+0CAA as the spec lists it (U+0CAA also sits at 0x3D; Android and Firefox OS read 0x24 as U+0CA1). Encoding uses 0x3D for U+0CAA, so what we send reads the same either way.
 */
export const KANNADA_TABLES: NationalLanguageTables = Object.freeze({
  locking: gsm7TableFromRows([
    '\u0000\u0C82\u0C83\u0C85\u0C86\u0C87\u0C88\u0C89\u0C8A\u0C8B\n\u0C8C\u0000\r\u0C8E\u0C8F',
    '\u0C90\u0000\u0C92\u0C93\u0C94\u0C95\u0C96\u0C97\u0C98\u0C99\u0C9A\u0000\u0C9B\u0C9C\u0C9D\u0C9E',
    ' !\u0C9F\u0CA0\u0CAA\u0CA2\u0CA3\u0CA4)(\u0CA5\u0CA6,\u0CA7.\u0CA8',
    '0123456789:;\u0000\u0CAA\u0CAB?',
    '\u0CAC\u0CAD\u0CAE\u0CAF\u0CB0\u0CB1\u0CB2\u0CB3\u0000\u0CB5\u0CB6\u0CB7\u0CB8\u0CB9\u0CBC\u0CBD',
    '\u0CBE\u0CBF\u0CC0\u0CC1\u0CC2\u0CC3\u0CC4\u0000\u0CC6\u0CC7\u0CC8\u0000\u0CCA\u0CCB\u0CCC\u0CCD',
    '\u0CD5abcdefghijklmno',
    'pqrstuvwxyz\u0CD6\u0CE0\u0CE1\u0CE2\u0CE3',
  ]),
  singleShift: gsm7TableFromRows([
    '@\u00A3$\u00A5\u00BF"\u00A4%&\'\f*+\u0000-/',
    '<=>\u00A1^\u00A1_#*\u0964\u0965\u0000\u0CE6\u0CE7\u0CE8\u0CE9',
    '\u0CEA\u0CEB\u0CEC\u0CED\u0CEE\u0CEF\u0CDE\u0CF1{}\u0CF2\u0000\u0000\u0000\u0000\\',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000[~]\u0000',
    '|ABCDEFGHIJKLMNO',
    'PQRSTUVWXYZ\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u20AC\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
  ]),
});
