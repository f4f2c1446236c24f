import { InvalidRequestError } from '../../errors';
import type { FieldDescriptor } from '../contract/field-descriptor';
import { httpConnectionFields } from '../contract/http-connection-fields';
import { ROUTESMS_ALPHANUMERIC_SOURCE_MAX, ROUTESMS_NUMERIC_SOURCE_MAX } from './routesms-source-address';
import { ROUTESMS_TIME_ZONE_OWNER } from './routesms-time-zone';

/** The seed's source rule (validateRoutesmsSource): up to 18 digits (a leading + allowed) or 11 printable ASCII characters. */
const SENDER_ID_PATTERN = `\\+?\\d{1,${ROUTESMS_NUMERIC_SOURCE_MAX}}|[\\x20-\\x7e]{1,${ROUTESMS_ALPHANUMERIC_SOURCE_MAX}}`;

/** The connection of a Route Mobile HTTP account: URL and credentials, then the client's own settings. */
export const ROUTESMS_CONNECTION_FIELDS: readonly FieldDescriptor[] = [
  ...httpConnectionFields({
    urlExample: 'http://smsplus.example.com:8080',
    usernameRequired: true,
    passwordRequired: true,
    accountHint: 'the Route Mobile HTTP account (it travels in the query string, so prefer https on :8443)',
  }),
  {
    name: 'defaultSource',
    displayName: 'Default Sender',
    type: 'string',
    pattern: SENDER_ID_PATTERN,
    placeholder: 'MyShop',
    patternHint: `a sender id of the account: up to ${ROUTESMS_NUMERIC_SOURCE_MAX} digits or ${ROUTESMS_ALPHANUMERIC_SOURCE_MAX} plain ASCII characters`,
    description: 'Sender id used when a send gives no "from". Route Mobile refuses a send without a sender (1702).',
  },
  {
    name: 'timeZone',
    displayName: 'Account Time Zone',
    type: 'string',
    default: 'UTC',
    placeholder: ROUTESMS_TIME_ZONE_OWNER.exampleZone,
    description: 'IANA zone (e.g. Asia/Kolkata) the scheduler dates are written in and the delivery report dates are read in.',
  },
  {
    name: 'defaultCountry',
    displayName: 'Default Country',
    type: 'string',
    pattern: '[A-Za-z]{2}',
    placeholder: 'IN',
    patternHint: 'a two-letter ISO country code such as GB',
    description: 'Country of numbers written nationally (without + or 00), as a two-letter ISO code.',
  },
  {
    name: 'deliveryReports',
    displayName: 'Reports Unless Told Otherwise',
    type: 'boolean',
    default: false,
    description: 'Ask for a delivery report on sends that do not say (statusReport unset). Off: only sends with statusReport true ask (dlr=1).',
  },
];

/** The time zone setting, checked as a zone (a pattern cannot). */
export function routesmsTimeZoneSetting(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value;
  } catch (cause) {
    throw new InvalidRequestError(
      `The Route Mobile setting "timeZone" takes an IANA time zone such as ${ROUTESMS_TIME_ZONE_OWNER.exampleZone} or UTC; got "${value.slice(0, 40)}".`,
      { details: { gateway: 'routesms', option: 'timeZone' }, cause },
    );
  }
}
