import { CodecError } from '../../errors/codec-error';
import { NATIONAL_LANGUAGE_TABLES } from '../gsm7/national-language-tables';
import type { EncodingChoice, NationalLanguage, SegmentOptions } from '../types';

export interface ResolvedSegmentOptions {
  encoding: EncodingChoice;
  nationalLanguages: readonly NationalLanguage[];
  referenceBits: 8 | 16;
}

const NO_LANGUAGES: readonly NationalLanguage[] = Object.freeze([]);

/** Defaults applied and every option checked, so a typo from a host node fails loudly instead of sending UCS-2. */
export function resolveSegmentOptions(options: SegmentOptions = {}): ResolvedSegmentOptions {
  const encoding = options.encoding ?? 'auto';
  if (encoding !== 'auto' && encoding !== 'gsm7' && encoding !== 'ucs2') {
    throw new CodecError('SMSB_CODEC_BAD_OPTION', `encoding must be "auto", "gsm7" or "ucs2", got ${JSON.stringify(encoding)}`);
  }
  const referenceBits = options.referenceBits ?? 8;
  if (referenceBits !== 8 && referenceBits !== 16) {
    throw new CodecError('SMSB_CODEC_BAD_OPTION', `referenceBits must be 8 or 16, got ${JSON.stringify(referenceBits)}`);
  }
  const languages = options.nationalLanguages ?? NO_LANGUAGES;
  for (const language of languages) {
    if (!Object.prototype.hasOwnProperty.call(NATIONAL_LANGUAGE_TABLES, language)) {
      const known = Object.keys(NATIONAL_LANGUAGE_TABLES).join(', ');
      throw new CodecError('SMSB_CODEC_BAD_OPTION', `unknown national language ${JSON.stringify(language)}; known: ${known}`);
    }
  }
  return { encoding, nationalLanguages: languages, referenceBits };
}
