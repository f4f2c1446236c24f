import { InvalidRequestError } from '../../errors/gateway-errors';
import type { GatewayKey } from '../gateway-client';
import type { VendorClientOptions } from '../vendor-entry';
import type { SendRetryPolicyOptions } from './send-retry-policy';

/** The vendor whose client options are read, as messages name it (`The Diafaan option …`). */
export interface VendorOptionOwner {
  gateway: GatewayKey;
  name: string;
}

/** Short and never the whole value: a misplaced password must not end up in a log. */
function describeOptionValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 24 ? 'a long text' : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** One `vendorOptions` entry being read: its key (`retry.maxAttempts` inside an object), its value, and the client options around it. */
export class VendorOption {
  constructor(
    readonly owner: VendorOptionOwner,
    readonly key: string,
    readonly value: unknown,
    readonly clientOptions: VendorClientOptions,
  ) {}

  /** The error for a value this option does not take: names the key, what it takes and (briefly) what it got. */
  invalid(accepted: string): InvalidRequestError {
    return new InvalidRequestError(`The ${this.owner.name} option "${this.key}" takes ${accepted}; got ${describeOptionValue(this.value)}.`, {
      details: { gateway: this.owner.gateway, option: this.key, accepted },
    });
  }

  /** Any other refusal of this option: `problem` completes `The <vendor> option "<key>" …`. */
  refuse(problem: string, extra: { accepted?: string; cause?: unknown } = {}): InvalidRequestError {
    return new InvalidRequestError(`The ${this.owner.name} option "${this.key}" ${problem}.`, {
      details: { gateway: this.owner.gateway, option: this.key, ...(extra.accepted === undefined ? {} : { accepted: extra.accepted }) },
      ...(extra.cause === undefined ? {} : { cause: extra.cause }),
    });
  }

  /** A field of an object value, read under the key `<key>.<field>`. */
  field(name: string, value: unknown): VendorOption {
    return new VendorOption(this.owner, `${this.key}.${name}`, value, this.clientOptions);
  }
}

/** Reads one option's value or throws the option's error. */
export type VendorOptionReader<T> = (option: VendorOption) => T;

/** A reader per accepted key; the keys of `S` are the only keys accepted. */
export type VendorOptionSchema<S> = { readonly [K in keyof S]-?: VendorOptionReader<Exclude<S[K], undefined>> };

/**
 * Reads `vendorOptions` into client settings. Unlike a typo in a send, a typo here would silently
 * change how every request goes out, so an unknown key or a wrong value is refused; an unknown
 * key's value is never repeated (it may be a misplaced secret). `undefined` means not set.
 */
export function readVendorOptions<S>(owner: VendorOptionOwner, schema: VendorOptionSchema<S>, options: VendorClientOptions): Partial<S> {
  const settings: Partial<S> = {};
  const accepted = Object.keys(schema);
  for (const [key, value] of Object.entries(options.vendorOptions ?? {})) {
    if (value === undefined) continue;
    if (!Object.hasOwn(schema, key)) {
      throw new InvalidRequestError(`"${key}" is not a ${owner.name} option: use ${accepted.join(', ')}.`, {
        details: { gateway: owner.gateway, option: key, accepted },
      });
    }
    const read = schema[key as keyof S] as VendorOptionReader<unknown>;
    settings[key as keyof S] = read(new VendorOption(owner, key, value, options)) as S[keyof S];
  }
  return settings;
}

/** One of `choices`, whatever the letter case; the result is spelled as in `choices`. */
export function choiceOption<const T extends string>(choices: readonly T[]): VendorOptionReader<T> {
  return (option) => {
    const text = typeof option.value === 'string' ? option.value.trim().toLowerCase() : undefined;
    const found = choices.find((choice) => choice.toLowerCase() === text);
    if (found === undefined) throw option.invalid(choices.join(' or '));
    return found;
  };
}

/** An integer, as a number or as the digits the CLI's `key=value` hands over; `undefined` when it is neither or out of range. */
function integerIn(value: unknown, min: number, max: number): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

/** An integer from `min` to `max` (digits in text accepted). */
export function integerOption(min: number, max: number): VendorOptionReader<number> {
  return (option) => {
    const number = integerIn(option.value, min, max);
    if (number === undefined) throw option.invalid(`an integer from ${min} to ${max}`);
    return number;
  };
}

/** Minutes east of UTC for a gateway's clock: real zones lie between UTC−12:00 and UTC+14:00. */
export const utcOffsetMinutesOption = (): VendorOptionReader<number> => integerOption(-720, 840);

/**
 * A list of integers from `min` to `max`: a list (`[1,2]`, items may be digit texts), a text
 * (`"1,2"`) or a single number. Every item must be one; an empty list is refused.
 */
export function integerListOption(min: number, max: number, accepted = `a list of integers from ${min} to ${max} ("1,2" or [1,2])`): VendorOptionReader<number[]> {
  return (option) => {
    const value = option.value;
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : typeof value === 'number' ? [value] : undefined;
    const numbers = items?.map((item) => integerIn(item, min, max));
    if (!numbers?.length || numbers.some((number) => number === undefined)) throw option.invalid(accepted);
    return numbers as number[];
  };
}

/** A non-empty text, trimmed; `matches` adds the vendor's own check (a sender id's length …). */
export function textOption(accepted = 'a non-empty text', matches: (text: string) => boolean = () => true): VendorOptionReader<string> {
  return (option) => {
    const text = typeof option.value === 'string' ? option.value.trim() : '';
    if (text === '' || !matches(text)) throw option.invalid(accepted);
    return text;
  };
}

/** A list of non-empty texts: a list of texts or one text with `separator` between them. */
export function textListOption(accepted: string, separator: string): VendorOptionReader<string[]> {
  return (option) => {
    const value = option.value;
    const items = typeof value === 'string' ? value.split(separator) : Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
    const cleaned = items?.map((item) => item.trim()).filter((item) => item !== '');
    if (!cleaned?.length) throw option.invalid(accepted);
    return cleaned;
  };
}

/** A two-letter ISO country code, upper-cased (for numbers written nationally). */
export function countryCodeOption(): VendorOptionReader<string> {
  const code = textOption('a two-letter ISO country code such as GB', (text) => /^[A-Za-z]{2}$/.test(text));
  return (option) => code(option).toUpperCase();
}

/** An IANA time zone name such as Asia/Kolkata or UTC. */
export const timeZoneOption = (): VendorOptionReader<string> =>
  textOption('an IANA time zone such as Asia/Kolkata or UTC', (text) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: text });
      return true;
    } catch {
      return false;
    }
  });

/** An absolute http:// or https:// URL (where a gateway pushes reports or callbacks). */
export const httpUrlOption = (): VendorOptionReader<string> =>
  textOption('an http:// or https:// URL', (text) => {
    try {
      const { protocol } = new URL(text);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  });

/** `true` or `false`, as a boolean or as text in any letter case. */
export function booleanOption(): VendorOptionReader<boolean> {
  return (option) => {
    if (typeof option.value === 'boolean') return option.value;
    const text = typeof option.value === 'string' ? option.value.trim().toLowerCase() : undefined;
    if (text === 'true' || text === 'false') return text === 'true';
    throw option.invalid('true or false');
  };
}

/**
 * A regular expression the whole text must match (a text is anchored), a RegExp as is, or `null`
 * (`acceptsNull`: "any text"). `accepted` says what the pattern is for.
 */
export function wholeMatchPatternOption(accepted: string, acceptsNull: true): VendorOptionReader<RegExp | null>;
export function wholeMatchPatternOption(accepted: string, acceptsNull?: false): VendorOptionReader<RegExp>;
export function wholeMatchPatternOption(accepted: string, acceptsNull = false): VendorOptionReader<RegExp | null> {
  return (option) => {
    const value = option.value;
    if ((value === null && acceptsNull) || value instanceof RegExp) return value;
    if (typeof value !== 'string' || value.trim() === '') throw option.invalid(accepted);
    try {
      return new RegExp(`^(?:${value.trim()})$`);
    } catch (error) {
      throw option.refuse(`is not a valid regular expression: ${(error as Error).message}`, { cause: error });
    }
  };
}

const RETRY_FIELDS = ['maxAttempts', 'initialDelayMs', 'maxDelayMs'] as const;

/** `retry`: a number of attempts (1 to 10), or `{ maxAttempts, initialDelayMs, maxDelayMs }` (delays up to 10 minutes). */
export function sendRetryOption(): VendorOptionReader<Pick<SendRetryPolicyOptions, (typeof RETRY_FIELDS)[number]>> {
  const attempts = integerOption(1, 10);
  const delay = integerOption(0, 600_000);
  return (option) => {
    const accepted = `a number of attempts (1 to 10) or an object with ${RETRY_FIELDS.join(', ')}`;
    const value = option.value;
    if (typeof value === 'number' || typeof value === 'string') {
      const maxAttempts = integerIn(value, 1, 10);
      if (maxAttempts === undefined) throw option.invalid(accepted);
      return { maxAttempts };
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw option.invalid(accepted);
    const fields = value as Record<string, unknown>;
    const unknown = Object.keys(fields).find((field) => !(RETRY_FIELDS as readonly string[]).includes(field));
    if (unknown !== undefined) throw option.refuse(`has no field "${unknown}": use ${RETRY_FIELDS.join(', ')}`, { accepted });
    return {
      ...(fields.maxAttempts !== undefined ? { maxAttempts: attempts(option.field('maxAttempts', fields.maxAttempts)) } : {}),
      ...(fields.initialDelayMs !== undefined ? { initialDelayMs: delay(option.field('initialDelayMs', fields.initialDelayMs)) } : {}),
      ...(fields.maxDelayMs !== undefined ? { maxDelayMs: delay(option.field('maxDelayMs', fields.maxDelayMs)) } : {}),
    };
  };
}
