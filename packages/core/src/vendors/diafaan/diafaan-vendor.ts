import type { PhoneNumberFormat } from '../shared/phone-number';
import { SendRetryPolicy } from '../shared/send-retry-policy';
import {
  choiceOption,
  countryCodeOption,
  integerOption,
  readVendorOptions,
  sendRetryOption,
  textListOption,
  utcOffsetMinutesOption,
  wholeMatchPatternOption,
  type VendorOptionSchema,
} from '../shared/vendor-option-reader';
import type { VendorClientOptions, VendorEntry } from '../vendor-entry';
import { DiafaanClient, type DiafaanClientOptions } from './diafaan-client';
import type { DiafaanDateOrder } from './diafaan-dates';
import { DiafaanSimulator } from './diafaan-simulator';

/** The `DiafaanClientOptions` a CLI `--option` or a host may set, as the text or JSON they carry. */
type DiafaanVendorSettings = Pick<
  DiafaanClientOptions,
  'method' | 'defaultGateway' | 'phoneNumberFormat' | 'defaultCountry' | 'inboxMode' | 'inboxPageSize' | 'serverUtcOffsetMinutes' | 'dateOrder' | 'retry' | 'messageIdPattern'
>;

const gatewayNames = textListOption('a gateway name, or a list of them ("GSM1;GSM2" or ["GSM1","GSM2"])', ';');
const retry = sendRetryOption();

const DIAFAAN_OPTIONS: VendorOptionSchema<DiafaanVendorSettings> = {
  method: choiceOption(['POST', 'GET']),
  // Diafaan writes several gateways as "A;B".
  defaultGateway: (option) => gatewayNames(option).join(';'),
  phoneNumberFormat: choiceOption<PhoneNumberFormat>(['as-is', 'e164', 'e164-no-plus']),
  defaultCountry: countryCodeOption(),
  inboxMode: choiceOption(['remove', 'keep']),
  inboxPageSize: integerOption(1, 10_000),
  serverUtcOffsetMinutes: utcOffsetMinutesOption(),
  dateOrder: choiceOption<DiafaanDateOrder>(['dmy', 'mdy']),
  retry: (option) => new SendRetryPolicy({ ...retry(option), ...(option.clientOptions.clock ? { clock: option.clientOptions.clock } : {}) }),
  messageIdPattern: wholeMatchPatternOption('a regular expression the whole id must match, or null to accept any id', true),
};

function diafaanClientSettings(options: VendorClientOptions): Partial<DiafaanVendorSettings> {
  return readVendorOptions({ gateway: 'diafaan', name: 'Diafaan' }, DIAFAAN_OPTIONS, options);
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
