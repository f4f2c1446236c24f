import { normalisePhoneNumber, type PhoneNumberFormat, type PhoneNumberOptions } from './phone-number';

/** Distinct destinations remembered per generation; a bulk run to more numbers only loses the shortcut. */
const DEFAULT_CACHE_LIMIT = 1_000;
/** Option sets remembered for one input (a client uses one; more only loses the shortcut). */
const OPTION_SETS_PER_INPUT = 8;

interface KnownAnswer {
  format: PhoneNumberFormat;
  country: string | undefined;
  flags: number;
  answer: string;
}

/**
 * {@link normalisePhoneNumber} with a bounded memory of its answers, owned by one client: parsing
 * with libphonenumber costs ~20 µs, and the answer depends on the input and the options only.
 * Refusals are never kept, so a bad number always throws afresh.
 */
export class PhoneNumberNormaliser {
  private readonly cacheLimit: number;
  /**
   * Answers by input, then by options, in two generations: when the recent one is full it becomes
   * the older one, and an input found only there moves back — least recently used inputs drop
   * out, with a plain lookup on a hit.
   */
  private recentAnswers = new Map<string, KnownAnswer[]>();
  private olderAnswers = new Map<string, KnownAnswer[]>();

  constructor(options: { cacheLimit?: number } = {}) {
    this.cacheLimit = Math.max(1, options.cacheLimit ?? DEFAULT_CACHE_LIMIT);
  }

  /** Same answer (or the same refusal) as {@link normalisePhoneNumber}. */
  normalise(input: string, options: PhoneNumberOptions): string {
    const flags = (options.allowShortCodes ? 1 : 0) | (options.allowAlphanumeric ? 2 : 0) | (options.strict ? 4 : 0);
    // `undefined` and '' mean the same: no default country.
    const country = options.defaultCountry || undefined;
    let answers = this.recentAnswers.get(input);
    if (answers === undefined) {
      answers = this.olderAnswers.get(input);
      if (answers !== undefined) this.remember(input, answers);
    }
    if (answers !== undefined) {
      for (const known of answers) {
        if (known.format === options.format && known.country === country && known.flags === flags) return known.answer;
      }
    }
    const answer = normalisePhoneNumber(input, options);
    const entry: KnownAnswer = { format: options.format, country, flags, answer };
    if (answers === undefined) this.remember(input, [entry]);
    else if (answers.length < OPTION_SETS_PER_INPUT) answers.push(entry);
    return answer;
  }

  private remember(input: string, answers: KnownAnswer[]): void {
    if (this.recentAnswers.size >= this.cacheLimit) {
      this.olderAnswers = this.recentAnswers;
      this.recentAnswers = new Map();
    }
    this.recentAnswers.set(input, answers);
  }
}
