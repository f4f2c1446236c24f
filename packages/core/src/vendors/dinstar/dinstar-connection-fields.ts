import type { FieldDescriptor } from '../contract/field-descriptor';
import { httpConnectionFields } from '../contract/http-connection-fields';

/** Connection settings: URL and web account, then the gateway's own. */
export const DINSTAR_CONNECTION_FIELDS: readonly FieldDescriptor[] = [
  ...httpConnectionFields({ urlExample: 'https://192.168.1.100', usernameRequired: true, passwordRequired: true, accountHint: 'the gateway\'s web account' }),
  {
    name: 'authScheme',
    displayName: 'Authentication',
    type: 'choice',
    default: 'digest',
    choices: [
      { value: 'digest', name: 'Digest', description: 'What the gateway and production clients use.' },
      { value: 'basic', name: 'Basic', description: 'Accepted by some firmware.' },
    ],
    description: 'How the account is sent: HTTP Digest, or Basic for firmware that takes it.',
  },
  {
    name: 'keepAlive',
    displayName: 'Keep Connections Open',
    type: 'boolean',
    default: true,
    description: 'Reuse connections between requests; turn off for a box that cannot keep them (every request then says Connection: close).',
  },
  {
    name: 'ports',
    displayName: 'Ports',
    type: 'list',
    itemType: 'number',
    min: 0,
    max: 255,
    description: 'Ports to send through, e.g. 0,2. Left empty: the gateway chooses.',
  },
  {
    name: 'gatewayUtcOffsetMinutes',
    displayName: 'Gateway UTC Offset (minutes)',
    type: 'number',
    min: -720,
    max: 840,
    default: 0,
    description: 'The gateway\'s clock, minutes east of UTC: its times carry no zone (e.g. 480 for UTC+8).',
  },
  {
    name: 'requestStatusReport',
    displayName: 'Always Request Delivery Reports',
    type: 'boolean',
    default: false,
    description: 'Ask for a delivery report on every send (newer firmware), not only on sends that ask for one.',
  },
];

/** Per-send options the client honours. */
export const DINSTAR_SEND_OPTIONS: readonly FieldDescriptor[] = [
  { name: 'ports', displayName: 'Ports', type: 'list', itemType: 'number', min: 0, max: 31, description: 'Ports to send this message through, e.g. 0,2.' },
  {
    name: 'textParams',
    displayName: 'Text Parameters',
    type: 'json',
    placeholder: '[["Ann", "1"], ["Bob", "2"]]',
    description: 'One list of texts per recipient, in order, filling the #param# placeholders of the text (send_sms text_param).',
  },
];
