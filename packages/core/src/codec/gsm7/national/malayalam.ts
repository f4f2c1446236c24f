import { gsm7TableFromRows, type NationalLanguageTables } from '../gsm7-table';

/**
 * Malayalam national language tables, 3GPP TS 23.038 Annex A.3.8 (locking shift) and A.2.8 (single shift).
 * Rows of 16 codes from 0x00; \u0000 marks an undefined code.
 * Note: 0x2C is ',' as in the default alphabet (a CSV transcription of the spec shows an apostrophe; Android, oFono and Firefox OS use the comma)
 */
export const MALAYALAM_TABLES: NationalLanguageTables = Object.freeze({
  locking: gsm7TableFromRows([
    '\u0000\u0D02\u0D03\u0D05\u0D06\u0D07\u0D08\u0D09\u0D0A\u0D0B\n\u0D0C\u0000\r\u0D0E\u0D0F',
    '\u0D10\u0000\u0D12\u0D13\u0D14\u0D15\u0D16\u0D17\u0D18\u0D19\u0D1A\u0000\u0D1B\u0D1C\u0D1D\u0D1E',
    ' !\u0D1F\u0D20\u0D21\u0D22\u0D23\u0D24)(\u0D25\u0D26,\u0D27.\u0D28',
    '0123456789:;\u0000\u0D2A\u0D2B?',
    '\u0D2C\u0D2D\u0D2E\u0D2F\u0D30\u0D31\u0D32\u0D33\u0D34\u0D35\u0D36\u0D37\u0D38\u0D39\u0000\u0D3D',
    '\u0D3E\u0D3F\u0D40\u0D41\u0D42\u0D43\u0D44\u0000\u0D46\u0D47\u0D48\u0000\u0D4A\u0D4B\u0D4C\u0D4D',
    '\u0D57abcdefghijklmno',
    'pqrstuvwxyz\u0D60\u0D61\u0D62\u0D63\u0D79',
  ]),
  singleShift: gsm7TableFromRows([
    '@\u00A3$\u00A5\u00BF"\u00A4%&\'\f*+\u0000-/',
    '<=>\u00A1^\u00A1_#*\u0964\u0965\u0000\u0D66\u0D67\u0D68\u0D69',
    '\u0D6A\u0D6B\u0D6C\u0D6D\u0D6E\u0D6F\u0D70\u0D71{}\u0D72\u0D73\u0D74\u0D75\u0D7A\\',
    '\u0D7B\u0D7C\u0D7D\u0D7E\u0D7F\u0000\u0000\u0000\u0000\u0000\u0000\u0000[~]\u0000',
    '|ABCDEFGHIJKLMNO',
    'PQRSTUVWXYZ\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u20AC\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
  ]),
});
