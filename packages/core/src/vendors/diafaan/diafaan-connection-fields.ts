import { InvalidRequestError } from '../../errors/gateway-errors';
import type { FieldDescriptor } from '../contract/field-descriptor';
import { httpClientOptions, httpConnectionFields } from '../contract/http-connection-fields';
import type { PhoneNumberFormat } from '../shared/phone-number';
import type { ConnectContext } from '../vendor-entry';
import type { DiafaanClientOptions } from './diafaan-client';
import type { DiafaanDateOrder } from './diafaan-dates';
import { readDiafaanRetrySetting } from './diafaan-retry-setting';

/** URL, account, TLS, timeout, then Diafaan's own client settings. */
export const DIAFAAN_CONNECTION_FIELDS: readonly FieldDescriptor[] = [
  ...httpConnectionFields({
    urlExample: 'http://192.168.1.10:9710',
    usernameRequired: false,
    passwordRequired: false,
    accountHint: 'the Diafaan SMS Server user (leave both empty for the guest account)',
  }),
  {
    name: 'method',
    displayName: 'HTTP Method',
    type: 'choice',
    default: 'POST',
    choices: [
      { value: 'POST', name: 'POST', description: 'Form body: the password stays out of URLs and proxy logs.' },
      { value: 'GET', name: 'GET', description: 'Query string, as the manual\'s examples.' },
    ],
    description: 'How requests carry their parameters.',
  },
  {
    name: 'defaultGateway',
    displayName: 'Default Gateways',
    type: 'list',
    itemType: 'string',
    separator: ';',
    description: 'Gateway names to send through when a send names none ("GSM1;GSM2"); empty lets the server\'s routing decide.',
  },
  {
    name: 'phoneNumberFormat',
    displayName: 'Phone Number Format',
    type: 'choice',
    default: 'as-is',
    choices: [
      { value: 'as-is', name: 'As Written', description: 'Diafaan routes on the number as written.' },
      { value: 'e164', name: 'E.164 With +', description: 'National numbers are completed with the default country.' },
      { value: 'e164-no-plus', name: 'E.164 Without +' },
    ],
    description: 'How numbers go to the server.',
  },
  {
    name: 'defaultCountry',
    displayName: 'Default Country',
    type: 'string',
    pattern: '[A-Za-z]{2}',
    patternHint: 'a two-letter ISO country code such as GB',
    placeholder: 'GB',
    description: 'Country of national numbers (07700 900123), for the E.164 formats.',
  },
  {
    name: 'inboxMode',
    displayName: 'Inbox Mode',
    type: 'choice',
    default: 'remove',
    choices: [
      { value: 'remove', name: 'Remove When Acknowledged', description: 'Reads the oldest messages; acknowledged ones are removed from the server.' },
      { value: 'keep', name: 'Keep On The Server', description: 'Reads the newest messages and never removes any.' },
    ],
    description: 'What happens to received messages on the server once they were handed on. Reading never removes anything.',
  },
  {
    name: 'inboxPageSize',
    displayName: 'Inbox Page Size',
    type: 'number',
    min: 1,
    max: 100,
    default: 50,
    description: 'Messages per inbox request. More than this many arriving between two polls in Keep mode are not all seen.',
  },
  {
    name: 'serverUtcOffsetMinutes',
    displayName: 'Server UTC Offset (Minutes)',
    type: 'number',
    min: -720,
    max: 840,
    description: 'The server\'s offset from UTC, for the zone-less dates Diafaan writes (60 for CET in winter); empty leaves them without a zone.',
  },
  {
    name: 'dateOrder',
    displayName: 'Date Order',
    type: 'choice',
    default: 'dmy',
    choices: [
      { value: 'dmy', name: 'Day First' },
      { value: 'mdy', name: 'Month First' },
    ],
    description: 'How to read a 24-hour a/b/yyyy date the server writes in its locale.',
  },
  {
    name: 'retry',
    displayName: 'Retry',
    type: 'json',
    description:
      'Repeats requests that provably never reached the server: a number of attempts (1 to 10), false, or {"maxAttempts":3,"initialDelayMs":500,"maxDelayMs":10000}. Default one attempt. A Retry-After is honoured as given.',
  },
  {
    name: 'messageIdPattern',
    displayName: 'Message ID Pattern',
    type: 'string',
    description: 'Regular expression the whole message id must match (default a GUID, as Diafaan writes ids); another id means a cut-off answer. ".*" accepts any id.',
  },
];

function wholePattern(source: string): RegExp {
  try {
    return new RegExp(`^(?:${source})$`);
  } catch {
    throw new InvalidRequestError('The Diafaan setting "messageIdPattern" is not a valid regular expression.', { details: { gateway: 'diafaan', option: 'messageIdPattern' } });
  }
}

/** The client options for connection values read by {@link DIAFAAN_CONNECTION_FIELDS}. */
export function diafaanClientOptions(settings: Readonly<Record<string, unknown>>, context: ConnectContext = {}): DiafaanClientOptions {
  const { vendorOptions, ...connection } = httpClientOptions(settings, context);
  const own = vendorOptions ?? {};
  const options: DiafaanClientOptions = { ...connection };
  if (own['method'] !== undefined) options.method = own['method'] as 'GET' | 'POST';
  if (Array.isArray(own['defaultGateway'])) options.defaultGateway = own['defaultGateway'] as string[];
  if (own['phoneNumberFormat'] !== undefined) options.phoneNumberFormat = own['phoneNumberFormat'] as PhoneNumberFormat;
  if (typeof own['defaultCountry'] === 'string') options.defaultCountry = own['defaultCountry'].toUpperCase();
  if (own['inboxMode'] !== undefined) options.inboxMode = own['inboxMode'] as 'remove' | 'keep';
  if (typeof own['inboxPageSize'] === 'number') options.inboxPageSize = own['inboxPageSize'];
  if (typeof own['serverUtcOffsetMinutes'] === 'number') options.serverUtcOffsetMinutes = own['serverUtcOffsetMinutes'];
  if (own['dateOrder'] !== undefined) options.dateOrder = own['dateOrder'] as DiafaanDateOrder;
  const retry = readDiafaanRetrySetting(own['retry'], context.clock);
  if (retry) options.retry = retry;
  if (typeof own['messageIdPattern'] === 'string') options.messageIdPattern = wholePattern(own['messageIdPattern']);
  return options;
}
