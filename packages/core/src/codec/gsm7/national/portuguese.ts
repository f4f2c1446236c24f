import { gsm7TableFromRows, type NationalLanguageTables } from '../gsm7-table';

/**
 * Portuguese national language tables, 3GPP TS 23.038 Annex A.3.3 (locking shift) and A.2.3 (single shift).
 * Rows of 16 codes from 0x00; \u0000 marks an undefined code.
 */
export const PORTUGUESE_TABLES: NationalLanguageTables = Object.freeze({
  locking: gsm7TableFromRows([
    '@\u00A3$\u00A5\u00EA\u00E9\u00FA\u00ED\u00F3\u00E7\n\u00D4\u00F4\r\u00C1\u00E1',
    '\u0394_\u00AA\u00C7\u00C0\u221E^\\\u20AC\u00D3|\u0000\u00C2\u00E2\u00CA\u00C9',
    ' !"#\u00BA%&\'()*+,-./',
    '0123456789:;<=>?',
    '\u00CDABCDEFGHIJKLMNO',
    'PQRSTUVWXYZ\u00C3\u00D5\u00DA\u00DC\u00A7',
    '~abcdefghijklmno',
    'pqrstuvwxyz\u00E3\u00F5`\u00FC\u00E0',
  ]),
  singleShift: gsm7TableFromRows([
    '\u0000\u0000\u0000\u0000\u0000\u00EA\u0000\u0000\u0000\u00E7\f\u00D4\u00F4\u0000\u00C1\u00E1',
    '\u0000\u0000\u03A6\u0393^\u03A9\u03A0\u03A8\u03A3\u0398\u0000\u0000\u0000\u0000\u0000\u00CA',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000{}\u0000\u0000\u0000\u0000\u0000\\',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000[~]\u0000',
    '|\u00C0\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u00CD\u0000\u0000\u0000\u0000\u0000\u00D3',
    '\u0000\u0000\u0000\u0000\u0000\u00DA\u0000\u0000\u0000\u0000\u0000\u00C3\u00D5\u0000\u0000\u0000',
    '\u0000\u00C2\u0000\u0000\u0000\u20AC\u0000\u0000\u0000\u00ED\u0000\u0000\u0000\u0000\u0000\u00F3',
    '\u0000\u0000\u0000\u0000\u0000\u00FA\u0000\u0000\u0000\u0000\u0000\u00E3\u00F5\u0000\u0000\u00E2',
  ]),
});
