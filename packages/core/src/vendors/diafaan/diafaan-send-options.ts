import type { FieldDescriptor } from '../contract/field-descriptor';
import { DIAFAAN_MESSAGE_TYPES } from './diafaan-message-type';

/** The per-send `vendorOptions` the Diafaan client honours, each a `send-message` parameter. */
export const DIAFAAN_SEND_OPTIONS: readonly FieldDescriptor[] = [
  {
    name: 'priority',
    displayName: 'Priority',
    type: 'number',
    min: 0,
    max: 1_000_000,
    description: 'A higher number places the message higher in the send queue, so it goes before messages of lower priority.',
  },
  {
    name: 'gateway',
    displayName: 'Gateways',
    type: 'list',
    itemType: 'string',
    separator: ';',
    description: 'Gateway names that may send this message ("GSM1;GSM2"); overrides the connection\'s default gateways.',
  },
  {
    name: 'messageGuid',
    displayName: 'Message ID',
    type: 'string',
    description: 'Your own unique id for the message instead of the one the server makes up (one recipient only).',
  },
  {
    name: 'messageInfo',
    displayName: 'Message Info',
    type: 'string',
    description: 'Free text kept with the message; the server does not use it.',
  },
  {
    name: 'messageType',
    displayName: 'Message Type',
    type: 'choice',
    choices: DIAFAAN_MESSAGE_TYPES.filter((type) => type !== 'gsm.ussd').map((type) => ({ value: type, name: type })),
    description: 'Overrides the type chosen from the text (sms.text, sms.unicode, or sms.text.flash for flash). sms.binary and sms.pdu take their payload as the text.',
  },
];
