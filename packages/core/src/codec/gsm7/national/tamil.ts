import { gsm7TableFromRows, type NationalLanguageTables } from '../gsm7-table';

/**
 * Tamil national language tables, 3GPP TS 23.038 Annex A.3.11 (locking shift) and A.2.11 (single shift).
 * Rows of 16 codes from 0x00; \u0000 marks an undefined code.
 * Note: 0x2C is ',' as in the default alphabet (a CSV transcription of the spec shows an apostrophe; Android, oFono and Firefox OS use the comma)
 */
export const TAMIL_TABLES: NationalLanguageTables = Object.freeze({
  locking: gsm7TableFromRows([
    '\u0000\u0B82\u0B83\u0B85\u0B86\u0B87\u0B88\u0B89\u0B8A\u0000\n\u0000\u0000\r\u0B8E\u0B8F',
    '\u0B90\u0000\u0B92\u0B93\u0B94\u0B95\u0000\u0000\u0000\u0B99\u0B9A\u0000\u0000\u0B9C\u0000\u0B9E',
    ' !\u0B9F\u0000\u0000\u0000\u0BA3\u0BA4)(\u0000\u0000,\u0000.\u0BA8',
    '0123456789:;\u0BA9\u0BAA\u0000?',
    '\u0000\u0000\u0BAE\u0BAF\u0BB0\u0BB1\u0BB2\u0BB3\u0BB4\u0BB5\u0BB6\u0BB7\u0BB8\u0BB9\u0000\u0000',
    '\u0BBE\u0BBF\u0BC0\u0BC1\u0BC2\u0000\u0000\u0000\u0BC6\u0BC7\u0BC8\u0000\u0BCA\u0BCB\u0BCC\u0BCD',
    '\u0BD0abcdefghijklmno',
    'pqrstuvwxyz\u0BD7\u0BF0\u0BF1\u0BF2\u0BF9',
  ]),
  singleShift: gsm7TableFromRows([
    '@\u00A3$\u00A5\u00BF"\u00A4%&\'\f*+\u0000-/',
    '<=>\u00A1^\u00A1_#*\u0964\u0965\u0000\u0BE6\u0BE7\u0BE8\u0BE9',
    '\u0BEA\u0BEB\u0BEC\u0BED\u0BEE\u0BEF\u0BF3\u0BF4{}\u0BF5\u0BF6\u0BF7\u0BF8\u0BFA\\',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000[~]\u0000',
    '|ABCDEFGHIJKLMNO',
    'PQRSTUVWXYZ\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u20AC\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
  ]),
});
