import type { NationalLanguage } from '../types';

/** National language identifiers of TS 23.038 table 6.2.1.2.4.1, as the UDH IEIs 24/25 carry them (index = id). */
const LANGUAGE_BY_ID: readonly (NationalLanguage | undefined)[] = [
  undefined,
  'turkish',
  'spanish',
  'portuguese',
  'bengali',
  'gujarati',
  'hindi',
  'kannada',
  'malayalam',
  'oriya',
  'punjabi',
  'tamil',
  'telugu',
  'urdu',
];

/** The language of an identifier, or undefined for reserved values. */
export function nationalLanguageOf(id: number): NationalLanguage | undefined {
  return LANGUAGE_BY_ID[id];
}

export function nationalLanguageId(language: NationalLanguage): number {
  return LANGUAGE_BY_ID.indexOf(language);
}
