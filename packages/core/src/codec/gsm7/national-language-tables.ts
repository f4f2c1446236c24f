import type { NationalLanguage } from '../types';
import type { NationalLanguageTables } from './gsm7-table';
import { TURKISH_TABLES } from './national/turkish';
import { SPANISH_TABLES } from './national/spanish';
import { PORTUGUESE_TABLES } from './national/portuguese';
import { BENGALI_TABLES } from './national/bengali';
import { GUJARATI_TABLES } from './national/gujarati';
import { HINDI_TABLES } from './national/hindi';
import { KANNADA_TABLES } from './national/kannada';
import { MALAYALAM_TABLES } from './national/malayalam';
import { ORIYA_TABLES } from './national/oriya';
import { PUNJABI_TABLES } from './national/punjabi';
import { TAMIL_TABLES } from './national/tamil';
import { TELUGU_TABLES } from './national/telugu';
import { URDU_TABLES } from './national/urdu';

/** National language tables by language (TS 23.038 Annex A). */
export const NATIONAL_LANGUAGE_TABLES: Readonly<Record<NationalLanguage, NationalLanguageTables>> = Object.freeze({
  turkish: TURKISH_TABLES,
  spanish: SPANISH_TABLES,
  portuguese: PORTUGUESE_TABLES,
  bengali: BENGALI_TABLES,
  gujarati: GUJARATI_TABLES,
  hindi: HINDI_TABLES,
  kannada: KANNADA_TABLES,
  malayalam: MALAYALAM_TABLES,
  oriya: ORIYA_TABLES,
  punjabi: PUNJABI_TABLES,
  tamil: TAMIL_TABLES,
  telugu: TELUGU_TABLES,
  urdu: URDU_TABLES,
});

