import type { FieldDescriptor } from '../contract/field-descriptor';

/** The per-send options a Route Mobile send honours (`SendRequest.vendorOptions`). */
export const ROUTESMS_SEND_OPTIONS: readonly FieldDescriptor[] = [
  {
    name: 'type',
    displayName: 'Message Type',
    type: 'choice',
    choices: [
      { value: '0', name: 'Plain text (GSM 03.38)' },
      { value: '1', name: 'Flash (GSM 03.38)' },
      { value: '2', name: 'Unicode' },
      { value: '4', name: 'WAP push', description: 'Needs the link in "url".' },
      { value: '5', name: 'Plain text (ISO-8859-1)' },
      { value: '6', name: 'Unicode flash' },
      { value: '7', name: 'Flash (ISO-8859-1)' },
    ],
    description: 'The message type instead of the automatic choice (0/2 by the text, 1/6 with flash).',
  },
  { name: 'entityid', displayName: 'DLT Entity ID', type: 'string', description: 'India DLT: the registered principal entity id.' },
  { name: 'tempid', displayName: 'DLT Template ID', type: 'string', description: 'India DLT: the registered content template id the text matches (else 1033).' },
  { name: 'tmid', displayName: 'DLT Telemarketer Chain', type: 'string', description: 'India DLT: the telemarketer id chain, as your provider gives it (e.g. 1,2).' },
  { name: 'url', displayName: 'WAP Push URL', type: 'url', description: 'The link a WAP push (type 4) carries.' },
  {
    name: 'extraParameters',
    displayName: 'Extra Query Parameters',
    type: 'json',
    description: 'Other query parameters your provider documents for the account, as a JSON object of names to texts or numbers (e.g. {"ip": "10.0.0.1"}); the client\'s own parameters cannot be replaced.',
  },
];
