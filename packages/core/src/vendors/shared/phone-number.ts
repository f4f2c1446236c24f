import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { InvalidRequestError } from '../../errors/gateway-errors';

/** How a gateway wants destination numbers written. */
export type PhoneNumberFormat = 'e164' | 'e164-no-plus' | 'as-is';

export interface PhoneNumberOptions {
  format: PhoneNumberFormat;
  /** ISO country for numbers written nationally (`07700 900123` with `GB`). */
  defaultCountry?: string;
  /** Leave 3–8 digit short codes (`10086`, `6717`) alone. */
  allowShortCodes?: boolean;
  /** Leave alphanumeric destinations (contact names, test aliases) alone. */
  allowAlphanumeric?: boolean;
  /** Require a number valid for its country, not just one of a possible length (default false). */
  strict?: boolean;
}

const SHORT_CODE = /^\d{3,8}$/;
/** What people write between digits (spaces, dashes, brackets, dots): dropped before reading a number. */
export const PHONE_NUMBER_SEPARATORS = /[\s\-().\u00A0\u2010-\u2015]/g;

/** International numbers parsed lately: the send check and the client's normaliser read the same number, and each parse costs ~30 µs. */
const PARSED_LIMIT = 4_096;
const parsedNumbers = new Map<string, PhoneNumber | undefined>();

/** libphonenumber's reading of `+` and digits (undefined when it cannot read one), remembered for the next caller. */
export function parseInternationalNumber(international: string): PhoneNumber | undefined {
  if (parsedNumbers.has(international)) return parsedNumbers.get(international);
  const parsed = parsePhoneNumberFromString(international);
  if (parsedNumbers.size >= PARSED_LIMIT) parsedNumbers.clear();
  parsedNumbers.set(international, parsed);
  return parsed;
}

/**
 * Writes one destination the way a gateway wants it, or throws {@link InvalidRequestError} saying
 * what is wrong with it. `00…` counts as international; a bare digit string of 10+ digits without
 * a default country is read as international without the plus (how most gateways are fed).
 * A client that sends often holds a `PhoneNumberNormaliser` (phone-number-normaliser.ts), which remembers its answers.
 */
export function normalisePhoneNumber(input: string, options: PhoneNumberOptions): string {
  const trimmed = input.trim();
  if (trimmed === '') throw new InvalidRequestError('A phone number is empty: give the recipient in international form, e.g. +447700900123.');
  const compact = trimmed.replace(PHONE_NUMBER_SEPARATORS, '');
  if (options.allowAlphanumeric && /[A-Za-z]/.test(compact) && /^[\w .@&'-]+$/.test(trimmed)) return trimmed;
  if (!/^\+?\d+$/.test(compact)) {
    throw new InvalidRequestError(`"${trimmed}" is not a phone number: use digits, optionally starting with + (e.g. +447700900123).`);
  }
  if (options.format === 'as-is') return compact;
  if (options.allowShortCodes && SHORT_CODE.test(compact)) return compact;

  let international = compact;
  if (international.startsWith('00')) international = `+${international.slice(2)}`;
  const country = options.defaultCountry?.toUpperCase() as CountryCode | undefined;
  let parsed = international.startsWith('+')
    ? parseInternationalNumber(international)
    : country
      ? parsePhoneNumberFromString(international, country)
      : undefined;
  if (!parsed && !international.startsWith('+') && international.length >= 10) parsed = parseInternationalNumber(`+${international}`);
  const usable = parsed && (options.strict ? parsed.isValid() : parsed.isPossible());
  if (!parsed || !usable) {
    const hint = international.startsWith('+') || country ? '' : ' or set a default country for national numbers';
    throw new InvalidRequestError(
      `"${trimmed}" is not a ${options.strict ? 'valid' : 'possible'} phone number: write it in international form (+ country code, e.g. +447700900123)${hint}.`,
      { details: { input: trimmed, defaultCountry: country } },
    );
  }
  return options.format === 'e164' ? parsed.number : parsed.number.slice(1);
}
