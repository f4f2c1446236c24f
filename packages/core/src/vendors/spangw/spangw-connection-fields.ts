import type { FieldDescriptor } from '../contract/field-descriptor';
import { httpConnectionFields } from '../contract/http-connection-fields';
import { SPANGW_PUSH_NAME_FIELDS } from './spangw-push-config';

/** Connection settings: URL and API account, then the gateway's own. */
export const SPANGW_CONNECTION_FIELDS: readonly FieldDescriptor[] = [
  ...httpConnectionFields({ urlExample: 'http://192.168.1.10', usernameRequired: true, passwordRequired: true, accountHint: 'the gateway\'s API account' }),
  {
    name: 'successCodes',
    displayName: 'Success Codes',
    type: 'list',
    itemType: 'number',
    min: -(2 ** 31),
    max: 2 ** 31 - 1,
    description: 'Values of the answer\'s `code` that mean success. The document does not say; 0 and 200 are accepted when left empty.',
  },
  {
    name: 'parameterPlacement',
    displayName: 'Parameter Placement',
    type: 'choice',
    default: 'top-level',
    choices: [
      { value: 'top-level', name: 'Top Level', description: 'Function parameters beside username and password.' },
      { value: 'data', name: 'Under data', description: 'Function parameters inside a `data` object.' },
    ],
    description: 'Where the request body carries the function parameters; the document can be read both ways.',
  },
  {
    name: 'sendMode',
    displayName: 'Send Mode',
    type: 'choice',
    default: 'async',
    choices: [
      { value: 'async', name: 'Asynchronous', description: 'Mode 0: queued, answered at once.' },
      { value: 'sync', name: 'Synchronous', description: 'Mode 1: the answer waits until the module sent it or failed.' },
    ],
    description: 'How /sms/send waits, unless a send says otherwise.',
  },
  {
    name: 'spans',
    displayName: 'Spans',
    type: 'list',
    itemType: 'number',
    min: 0,
    max: 255,
    description: 'Span ports to send through, e.g. 1,2. Left empty: every span /sms/get_valid_spans reports available.',
  },
  {
    name: 'gatewayUtcOffsetMinutes',
    displayName: 'Gateway UTC Offset (minutes)',
    type: 'number',
    min: -720,
    max: 840,
    default: 0,
    description: 'The gateway\'s clock, minutes east of UTC: its times carry no zone (e.g. 60 for CET).',
  },
  {
    name: 'pushParameterNames',
    displayName: 'Push Parameter Names',
    type: 'json',
    placeholder: '{"url_from_num": "from", "url_status": "status"}',
    description: `The parameter names set on the gateway for its push, under the document's names (${SPANGW_PUSH_NAME_FIELDS.map(([, wire]) => wire).join(', ')}). Left empty: from, to, portname, message, time, imsi, status.`,
  },
];

/** Per-send options the client honours. */
export const SPANGW_SEND_OPTIONS: readonly FieldDescriptor[] = [
  { name: 'spans', displayName: 'Spans', type: 'list', itemType: 'number', min: 0, max: 255, description: 'Span ports to send this message through, e.g. 1,2.' },
  {
    name: 'mode',
    displayName: 'Send Mode',
    type: 'choice',
    choices: [
      { value: 'async', name: 'Asynchronous', description: 'Queued, answered at once.' },
      { value: 'sync', name: 'Synchronous', description: 'The answer waits for the module and tells SENT or FAILED.' },
    ],
    description: 'How /sms/send waits for this message.',
  },
];
