import { gsm7TableFromRows, type NationalLanguageTables } from '../gsm7-table';

/**
 * Bengali national language tables, 3GPP TS 23.038 Annex A.3.4 (locking shift) and A.2.4 (single shift).
 * Rows of 16 codes from 0x00; \u0000 marks an undefined code.
 * Note: 0x2C is ',' as in the default alphabet (a CSV transcription of the spec shows an apostrophe; Android, oFono and Firefox OS use the comma)
 */
export const BENGALI_TABLES: NationalLanguageTables = Object.freeze({
  locking: gsm7TableFromRows([
    '\u0981\u0982\u0983\u0985\u0986\u0987\u0988\u0989\u098A\u098B\n\u098C\u0000\r\u0000\u098F',
    '\u0990\u0000\u0000\u0993\u0994\u0995\u0996\u0997\u0998\u0999\u099A\u0000\u099B\u099C\u099D\u099E',
    ' !\u099F\u09A0\u09A1\u09A2\u09A3\u09A4)(\u09A5\u09A6,\u09A7.\u09A8',
    '0123456789:;\u0000\u09AA\u09AB?',
    '\u09AC\u09AD\u09AE\u09AF\u09B0\u0000\u09B2\u0000\u0000\u0000\u09B6\u09B7\u09B8\u09B9\u09BC\u09BD',
    '\u09BE\u09BF\u09C0\u09C1\u09C2\u09C3\u09C4\u0000\u0000\u09C7\u09C8\u0000\u0000\u09CB\u09CC\u09CD',
    '\u09CEabcdefghijklmno',
    'pqrstuvwxyz\u09D7\u09DC\u09DD\u09F0\u09F1',
  ]),
  singleShift: gsm7TableFromRows([
    '@\u00A3$\u00A5\u00BF"\u00A4%&\'\f*+\u0000-/',
    '<=>\u00A1^\u00A1_#*\u09E6\u09E7\u0000\u09E8\u09E9\u09EA\u09EB',
    '\u09EC\u09ED\u09EE\u09EF\u09DF\u09E0\u09E1\u09E2{}\u09E3\u09F2\u09F3\u09F4\u09F5\\',
    '\u09F6\u09F7\u09F8\u09F9\u09FA\u0000\u0000\u0000\u0000\u0000\u0000\u0000[~]\u0000',
    '|ABCDEFGHIJKLMNO',
    'PQRSTUVWXYZ\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u20AC\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
  ]),
});
