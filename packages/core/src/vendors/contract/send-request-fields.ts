import { InvalidRequestError } from '../../errors/gateway-errors';
import type { SendRequest } from '../../model/send-request';
import type { FieldDescriptor } from './field-descriptor';
import { readFields } from './read-fields';

/**
 * The vendor-neutral send form, the same for every gateway (a host shows only the fields in the
 * gateway's `capabilities.sendFields` beside `to`, `text` and `encoding`).
 */
export const SEND_REQUEST_FIELDS: readonly FieldDescriptor[] = [
  { name: 'to', displayName: 'To', type: 'list', itemType: 'string', required: true, description: 'Recipient numbers in international form (+447700900123), several separated by commas.' },
  { name: 'text', displayName: 'Text', type: 'string', description: 'The message. Longer texts go out as several parts, joined again on the phone.' },
  {
    name: 'encoding',
    displayName: 'Encoding',
    type: 'choice',
    default: 'auto',
    choices: [
      { value: 'auto', name: 'Automatic', description: 'GSM 7-bit when every character fits, else Unicode (UCS-2)' },
      { value: 'gsm7', name: 'GSM 7-bit', description: 'Characters outside the GSM alphabet are transliterated' },
      { value: 'ucs2', name: 'Unicode (UCS-2)', description: 'Any character; 70 per part instead of 160' },
    ],
    description: 'How the text is encoded: it decides how many characters fit in one SMS.',
  },
  { name: 'from', displayName: 'From', type: 'string', description: 'Sender id (up to 11 letters and digits) or number, where the gateway lets you choose it.' },
  { name: 'flash', displayName: 'Flash', type: 'boolean', default: false, description: 'Class 0 message: shown at once on the screen and not stored.' },
  { name: 'statusReport', displayName: 'Delivery Report', type: 'boolean', default: false, description: 'Ask the network to report when the message reached the phone.' },
  { name: 'validityMinutes', displayName: 'Validity (minutes)', type: 'number', min: 1, max: 635_040, description: 'How long the network keeps trying to deliver the message.' },
  { name: 'scheduleAt', displayName: 'Send At', type: 'dateTime', description: 'Send later, at this time (ISO 8601 with an offset, e.g. 2026-12-24T18:00:00+01:00).' },
  { name: 'bestEffort', displayName: 'Best Effort', type: 'boolean', default: false, description: 'Send without the options this gateway cannot honour instead of refusing the message.' },
];

const FIELDS_BESIDE_TEXT = SEND_REQUEST_FIELDS.filter((field) => field.name !== 'text');

/**
 * A {@link SendRequest} from form, CLI or message values (`to` as "a,b" or a list, numbers and
 * flags as text), read by {@link SEND_REQUEST_FIELDS}; `vendorOptions` are passed on for the
 * gateway's own descriptors. `false` flags are left out.
 */
export function readSendRequest(values: Readonly<Record<string, unknown>>, vendorOptions?: Readonly<Record<string, unknown>>): SendRequest {
  // The text goes as typed: spaces and line breaks are part of the message.
  const { text, ...others } = values;
  if (typeof text !== 'string') throw new InvalidRequestError('The send field "text" (Text) is required: the message to send.');
  const read = readFields({ gateway: 'send', label: 'The send field' }, FIELDS_BESIDE_TEXT, others);
  const request: SendRequest = { to: read['to'] as string[], text };
  if (read['encoding'] !== undefined) request.encoding = read['encoding'] as SendRequest['encoding'];
  if (read['from'] !== undefined) request.from = read['from'] as string;
  if (read['flash'] === true) request.flash = true;
  if (read['statusReport'] === true) request.statusReport = true;
  if (read['validityMinutes'] !== undefined) request.validityMinutes = read['validityMinutes'] as number;
  if (read['scheduleAt'] !== undefined) request.scheduleAt = read['scheduleAt'] as Date;
  if (read['bestEffort'] === true) request.bestEffort = true;
  if (vendorOptions && Object.keys(vendorOptions).length > 0) request.vendorOptions = { ...vendorOptions };
  return request;
}
