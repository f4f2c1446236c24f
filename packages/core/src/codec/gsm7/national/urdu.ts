import { gsm7TableFromRows, type NationalLanguageTables } from '../gsm7-table';

/**
 * Urdu national language tables, 3GPP TS 23.038 Annex A.3.13 (locking shift) and A.2.13 (single shift).
 * Rows of 16 codes from 0x00; \u0000 marks an undefined code.
 * Note: 0x2C is ',' as in the default alphabet (a CSV transcription of the spec shows an apostrophe; Android, oFono and Firefox OS use the comma)
 */
export const URDU_TABLES: NationalLanguageTables = Object.freeze({
  locking: gsm7TableFromRows([
    '\u0627\u0622\u0628\u067B\u0680\u067E\u06A6\u062A\u06C2\u067F\n\u0679\u067D\r\u067A\u067C',
    '\u062B\u062C\u0681\u0684\u0683\u0685\u0686\u0687\u062D\u062E\u062F\u0000\u068C\u0688\u0689\u068A',
    ' !\u068F\u068D\u0630\u0631\u0691\u0693)(\u0699\u0632,\u0696.\u0698',
    '0123456789:;\u069A\u0633\u0634?',
    '\u0635\u0636\u0637\u0638\u0639\u0641\u0642\u06A9\u06AA\u06AB\u06AF\u06B3\u06B1\u0644\u0645\u0646',
    '\u06BA\u06BB\u06BC\u0648\u06C4\u06D5\u06C1\u06BE\u0621\u06CC\u06D0\u06D2\u064D\u0650\u064F\u0657',
    '\u0654abcdefghijklmno',
    'pqrstuvwxyz\u0655\u0651\u0653\u0656\u0670',
  ]),
  singleShift: gsm7TableFromRows([
    '@\u00A3$\u00A5\u00BF"\u00A4%&\'\f*+\u0000-/',
    '<=>\u00A1^\u00A1_#*\u0600\u0601\u0000\u06F0\u06F1\u06F2\u06F3',
    '\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9\u060C\u060D{}\u060E\u060F\u0610\u0611\u0612\\',
    '\u0613\u0614\u061B\u061F\u0640\u0652\u0658\u066B\u066C\u0672\u0673\u06CD[~]\u06D4',
    '|ABCDEFGHIJKLMNO',
    'PQRSTUVWXYZ\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u20AC\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
  ]),
});
