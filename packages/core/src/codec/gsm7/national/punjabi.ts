import { gsm7TableFromRows, type NationalLanguageTables } from '../gsm7-table';

/**
 * Punjabi national language tables, 3GPP TS 23.038 Annex A.3.10 (locking shift) and A.2.10 (single shift).
 * Rows of 16 codes from 0x00; \u0000 marks an undefined code.
 * Note: 0x2C is ',' as in the default alphabet (a CSV transcription of the spec shows an apostrophe; Android, oFono and Firefox OS use the comma)
 */
export const PUNJABI_TABLES: NationalLanguageTables = Object.freeze({
  locking: gsm7TableFromRows([
    '\u0A01\u0A02\u0A03\u0A05\u0A06\u0A07\u0A08\u0A09\u0A0A\u0000\n\u0000\u0000\r\u0000\u0A0F',
    '\u0A10\u0000\u0000\u0A13\u0A14\u0A15\u0A16\u0A17\u0A18\u0A19\u0A1A\u0000\u0A1B\u0A1C\u0A1D\u0A1E',
    ' !\u0A1F\u0A20\u0A21\u0A22\u0A23\u0A24)(\u0A25\u0A26,\u0A27.\u0A28',
    '0123456789:;\u0000\u0A2A\u0A2B?',
    '\u0A2C\u0A2D\u0A2E\u0A2F\u0A30\u0000\u0A32\u0A33\u0000\u0A35\u0A36\u0000\u0A38\u0A39\u0A3C\u0000',
    '\u0A3E\u0A3F\u0A40\u0A41\u0A42\u0000\u0000\u0000\u0000\u0A47\u0A48\u0000\u0000\u0A4B\u0A4C\u0A4D',
    '\u0A51abcdefghijklmno',
    'pqrstuvwxyz\u0A70\u0A71\u0A72\u0A73\u0A74',
  ]),
  singleShift: gsm7TableFromRows([
    '@\u00A3$\u00A5\u00BF"\u00A4%&\'\f*+\u0000-/',
    '<=>\u00A1^\u00A1_#*\u0964\u0965\u0000\u0A66\u0A67\u0A68\u0A69',
    '\u0A6A\u0A6B\u0A6C\u0A6D\u0A6E\u0A6F\u0A59\u0A5A{}\u0A5B\u0A5C\u0A5E\u0A75\u0000\\',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000[~]\u0000',
    '|ABCDEFGHIJKLMNO',
    'PQRSTUVWXYZ\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u20AC\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
  ]),
});
