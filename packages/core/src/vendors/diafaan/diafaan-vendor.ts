import { InvalidRequestError } from '../../errors/gateway-errors';
import type { PhoneNumberFormat } from '../shared/phone-number';
import { SendRetryPolicy } from '../shared/send-retry-policy';
import type { VendorClientOptions, VendorEntry } from '../vendor-entry';
import { DiafaanClient, type DiafaanClientOptions } from './diafaan-client';
import type { DiafaanDateOrder } from './diafaan-dates';
import { DiafaanSimulator } from './diafaan-simulator';

/** The `DiafaanClientOptions` a CLI `--option` or a host may set, as the text or JSON they carry. */
type DiafaanVendorSettings = Pick<
  DiafaanClientOptions,
  'method' | 'defaultGateway' | 'phoneNumberFormat' | 'defaultCountry' | 'inboxMode' | 'inboxPageSize' | 'serverUtcOffsetMinutes' | 'dateOrder' | 'retry' | 'messageIdPattern'
>;

type SettingReader = (value: unknown, key: string, options: VendorClientOptions) => Partial<DiafaanVendorSettings>;

function invalid(key: string, accepted: string, value: unknown): InvalidRequestError {
  return new InvalidRequestError(`The Diafaan option "${key}" takes ${accepted}; got ${describeValue(value)}.`, {
    details: { gateway: 'diafaan', option: key, accepted },
  });
}

/** Short and never the whole value: a misplaced password must not end up in a log. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 24 ? 'a long text' : `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** One of `choices`, whatever the letter case. */
function oneOf<const T extends string>(key: string, choices: readonly T[], value: unknown): T {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  const found = choices.find((choice) => choice.toLowerCase() === text);
  if (found === undefined) throw invalid(key, choices.join(' or '), value);
  return found;
}

/** An integer in range, as a number or as the digits the CLI's `key=value` hands over. */
function integerIn(value: unknown, min: number, max: number): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

function integer(key: string, value: unknown, min: number, max: number): number {
  const number = integerIn(value, min, max);
  if (number === undefined) throw invalid(key, `an integer from ${min} to ${max}`, value);
  return number;
}

/** Gateway name(s): a text (several joined with `;`, as Diafaan writes them) or a list of texts. */
function gatewayNames(key: string, value: unknown): string {
  const names = typeof value === 'string' ? value.split(';') : Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
  const cleaned = names?.map((name) => name.trim()).filter((name) => name !== '');
  if (!cleaned?.length) throw invalid(key, 'a gateway name, or a list of them ("GSM1;GSM2" or ["GSM1","GSM2"])', value);
  return cleaned.join(';');
}

const RETRY_FIELDS = ['maxAttempts', 'initialDelayMs', 'maxDelayMs'] as const;

/** `retry`: the number of attempts, or `{ maxAttempts, initialDelayMs, maxDelayMs }`. */
function retryPolicy(key: string, value: unknown, options: VendorClientOptions): SendRetryPolicy {
  const accepted = `a number of attempts (1 to 10) or an object with ${RETRY_FIELDS.join(', ')}`;
  if (typeof value === 'number' || typeof value === 'string') {
    const maxAttempts = integerIn(value, 1, 10);
    if (maxAttempts === undefined) throw invalid(key, accepted, value);
    return new SendRetryPolicy({ maxAttempts, ...(options.clock ? { clock: options.clock } : {}) });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(key, accepted, value);
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).find((field) => !(RETRY_FIELDS as readonly string[]).includes(field));
  if (unknown !== undefined) {
    throw new InvalidRequestError(`The Diafaan option "${key}" has no field "${unknown}": use ${RETRY_FIELDS.join(', ')}.`, {
      details: { gateway: 'diafaan', option: key, accepted },
    });
  }
  return new SendRetryPolicy({
    ...(fields.maxAttempts !== undefined ? { maxAttempts: integer(`${key}.maxAttempts`, fields.maxAttempts, 1, 10) } : {}),
    ...(fields.initialDelayMs !== undefined ? { initialDelayMs: integer(`${key}.initialDelayMs`, fields.initialDelayMs, 0, 600_000) } : {}),
    ...(fields.maxDelayMs !== undefined ? { maxDelayMs: integer(`${key}.maxDelayMs`, fields.maxDelayMs, 0, 600_000) } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

/** A text is the pattern of the whole id (anchored); `null` accepts any id. */
function messageIdPattern(key: string, value: unknown): RegExp | null {
  if (value === null || value instanceof RegExp) return value;
  if (typeof value !== 'string' || value.trim() === '') throw invalid(key, 'a regular expression the whole id must match, or null to accept any id', value);
  try {
    return new RegExp(`^(?:${value.trim()})$`);
  } catch (error) {
    throw new InvalidRequestError(`The Diafaan option "${key}" is not a valid regular expression: ${(error as Error).message}.`, {
      details: { gateway: 'diafaan', option: key },
      cause: error,
    });
  }
}

const SETTINGS: Readonly<Record<keyof DiafaanVendorSettings, SettingReader>> = {
  method: (value, key) => ({ method: oneOf(key, ['POST', 'GET'] as const, value) }),
  defaultGateway: (value, key) => ({ defaultGateway: gatewayNames(key, value) }),
  phoneNumberFormat: (value, key) => ({ phoneNumberFormat: oneOf<PhoneNumberFormat>(key, ['as-is', 'e164', 'e164-no-plus'], value) }),
  defaultCountry: (value, key) => {
    if (typeof value !== 'string' || !/^[A-Za-z]{2}$/.test(value.trim())) throw invalid(key, 'a two-letter ISO country code such as GB', value);
    return { defaultCountry: value.trim().toUpperCase() };
  },
  inboxMode: (value, key) => ({ inboxMode: oneOf(key, ['remove', 'keep'] as const, value) }),
  inboxPageSize: (value, key) => ({ inboxPageSize: integer(key, value, 1, 10_000) }),
  // Real zones lie between UTC−12:00 and UTC+14:00.
  serverUtcOffsetMinutes: (value, key) => ({ serverUtcOffsetMinutes: integer(key, value, -720, 840) }),
  dateOrder: (value, key) => ({ dateOrder: oneOf<DiafaanDateOrder>(key, ['dmy', 'mdy'], value) }),
  retry: (value, key, options) => ({ retry: retryPolicy(key, value, options) }),
  messageIdPattern: (value, key) => ({ messageIdPattern: messageIdPattern(key, value) }),
};

/**
 * Reads `vendorOptions` into client settings. Unlike a typo in a send, a typo here would silently
 * change how every request goes out, so an unknown key or a wrong value is refused.
 */
function diafaanClientSettings(options: VendorClientOptions): Partial<DiafaanVendorSettings> {
  const settings: Partial<DiafaanVendorSettings> = {};
  for (const [key, value] of Object.entries(options.vendorOptions ?? {})) {
    if (value === undefined) continue;
    const read = Object.hasOwn(SETTINGS, key) ? SETTINGS[key as keyof DiafaanVendorSettings] : undefined;
    if (!read) {
      throw new InvalidRequestError(`"${key}" is not a Diafaan option: use ${Object.keys(SETTINGS).join(', ')}.`, {
        details: { gateway: 'diafaan', option: key, accepted: Object.keys(SETTINGS) },
      });
    }
    Object.assign(settings, read(value, key, options));
  }
  return settings;
}

/**
 * Diafaan SMS Server in the vendor registry. `vendorOptions`: `method` (`POST`|`GET`),
 * `defaultGateway` (name, "A;B" or a list), `phoneNumberFormat` (`as-is`|`e164`|`e164-no-plus`),
 * `defaultCountry` (ISO code), `inboxMode` (`remove`|`keep`), `inboxPageSize`,
 * `serverUtcOffsetMinutes`, `dateOrder` (`dmy`|`mdy`), `retry` (attempts, or
 * `{ maxAttempts, initialDelayMs, maxDelayMs }`), `messageIdPattern` (regular expression of the
 * whole id, or null for any id). Numbers may come as digits in text (`inboxPageSize=50`).
 */
export const diafaanVendor: VendorEntry = {
  key: 'diafaan',
  describe: {
    key: 'diafaan',
    displayName: 'Diafaan SMS Server',
    summary: 'Windows SMS server (GSM modems, SMPP, HTTP gateways); Web connector HTTP API under /http/<command>.',
    defaultPort: 9710,
    seed: '000_3cce85851df421fd.txt',
    operations: ['send', 'status', 'inbox', 'ussd', 'admin'],
  },
  createClient: (options) => new DiafaanClient({ ...options, ...diafaanClientSettings(options) }),
  createSimulator: (options) => new DiafaanSimulator(options),
};
