import { gsm7TableFromEntries, gsm7TableFromRows } from './gsm7-table';

/** GSM 7-bit default alphabet, TS 23.038 §6.2.1 (columns read top to bottom, here row per 16 codes). */
export const GSM7_DEFAULT_ALPHABET = gsm7TableFromRows([
  '@£$¥èéùìòÇ\nØø\rÅå',
  'Δ_ΦΓΛΩΠΨΣΘΞ\u0000ÆæßÉ',
  ' !"#¤%&\'()*+,-./',
  '0123456789:;<=>?',
  '¡ABCDEFGHIJKLMNO',
  'PQRSTUVWXYZÄÖÑÜ§',
  '¿abcdefghijklmno',
  'pqrstuvwxyzäöñüà',
]);

/** GSM 7-bit default alphabet extension table, TS 23.038 §6.2.1.1 (reached with escape 0x1B). */
export const GSM7_DEFAULT_EXTENSION = gsm7TableFromEntries({
  0x0a: '\f',
  0x14: '^',
  0x28: '{',
  0x29: '}',
  0x2f: '\\',
  0x3c: '[',
  0x3d: '~',
  0x3e: ']',
  0x40: '|',
  0x65: '€',
});
