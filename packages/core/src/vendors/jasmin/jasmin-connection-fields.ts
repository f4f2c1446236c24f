import type { FieldDescriptor } from '../contract/field-descriptor';
import { httpConnectionFields } from '../contract/http-connection-fields';

/** The connection of a Jasmin user: URL and Basic credentials, then the client's own settings. */
export const JASMIN_CONNECTION_FIELDS: readonly FieldDescriptor[] = [
  ...httpConnectionFields({ urlExample: 'http://jasmin.example.com:8080', usernameRequired: true, passwordRequired: true, accountHint: 'the Jasmin user' }),
  { name: 'defaultFrom', displayName: 'Default Sender', type: 'string', description: 'Sender (a name or a number) used when a send gives no "from".' },
  {
    name: 'defaultCountry',
    displayName: 'Default Country',
    type: 'string',
    pattern: '[A-Za-z]{2}',
    placeholder: 'GB',
    patternHint: 'a two-letter ISO country code such as GB',
    description: 'Country of numbers written nationally (without + or 00), as a two-letter ISO code.',
  },
  {
    name: 'dlrUrl',
    displayName: 'Delivery Report URL',
    type: 'url',
    description: 'Where Jasmin pushes delivery reports. With it, every send that does not say otherwise (statusReport false) asks for one.',
  },
  {
    name: 'dlrLevel',
    displayName: 'Delivery Report Level',
    type: 'number',
    min: 1,
    max: 3,
    default: 1,
    description: '1: the SMSC took or refused the message; 2: the handset\'s receipt; 3: both. Needs the delivery report URL.',
  },
  {
    name: 'dlrMethod',
    displayName: 'Delivery Report Method',
    type: 'choice',
    choices: [
      { value: 'POST', name: 'POST (form)' },
      { value: 'GET', name: 'GET (query)' },
    ],
    default: 'POST',
    description: 'How Jasmin calls the delivery report URL. Needs the delivery report URL.',
  },
  { name: 'batchCallbackUrl', displayName: 'Batch Callback URL', type: 'url', description: 'Called (GET) for every message of a scheduled send Jasmin accepted, with its message id.' },
  { name: 'batchErrbackUrl', displayName: 'Batch Errback URL', type: 'url', description: 'Called (GET) for every message of a scheduled send Jasmin refused.' },
];
