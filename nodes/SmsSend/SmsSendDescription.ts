import { SEND_REQUEST_FIELDS, type VendorEntry } from '@smsbridge/core';
import type { INodeProperties } from 'n8n-workflow';
import { collectionOptions } from '../shared/FieldProperties';
import { forGateways } from '../shared/GatewayParameter';

/** The neutral send fields a gateway honours, beside encoding and best effort (which every gateway reads). */
function neutralFields(entry: VendorEntry) {
  const honoured = new Set<string>([...entry.capabilities.sendFields, 'encoding', 'bestEffort']);
  return SEND_REQUEST_FIELDS.filter((field) => honoured.has(field.name));
}

/** Options every gateway gets from the node itself (not from a vendor). */
const HOST_OPTIONS: INodeProperties[] = [
  {
    displayName: 'Allowed Recipients',
    name: 'allowedRecipients',
    type: 'string',
    default: '',
    placeholder: '+4477009*, /^\\+4179\\d{7}$/',
    description:
      'Only these numbers may receive anything: patterns where * stands for any digits, or /regular expressions/, separated by commas. Anything else is refused before sending. Set it when an AI agent drives this node.',
  },
  {
    displayName: 'Transliterate to GSM 7-Bit',
    name: 'transliterate',
    type: 'boolean',
    default: false,
    description: 'Whether to replace characters outside the GSM alphabet with their closest GSM ones (é stays, ł becomes l) and send GSM 7-bit, for gateways or routes that reject Unicode',
  },
  {
    displayName: 'Idempotency Key',
    name: 'idempotencyKey',
    type: 'string',
    default: '',
    placeholder: '={{ $json.alertId }}',
    description:
      'Names this message: another run of this node with the same key (the webhook called again, the execution retried) sends it only to recipients that never got it and hands back the earlier results. Kept 3 days, in the queue\'s Redis in queue mode, else in memory until n8n restarts.',
  },
  {
    displayName: 'Price per Part',
    name: 'pricePerPart',
    type: 'number',
    default: 0,
    typeOptions: { minValue: 0, numberPrecision: 6 },
    description: 'What one SMS part costs you; a preview then shows the cost per recipient',
  },
];

/** Names of the options the node handles itself (everything else in `options` is a core send field). */
export const HOST_OPTION_NAMES: readonly string[] = HOST_OPTIONS.map((option) => option.name);

/** Everything after the gateway parameter: recipients, text, preview, and per gateway its options. */
export function sendProperties(entries: readonly VendorEntry[]): INodeProperties[] {
  const properties: INodeProperties[] = [
    {
      displayName: 'To',
      name: 'to',
      type: 'string',
      required: true,
      default: '',
      placeholder: '+447700900123, +447700900124',
      description: 'Recipient numbers in international form, several separated by commas; each recipient becomes one output item',
    },
    {
      displayName: 'Text',
      name: 'text',
      type: 'string',
      default: '',
      typeOptions: { rows: 4 },
      description: 'The message. Longer texts go out as several parts that the phone joins again.',
    },
    {
      displayName: 'Preview Only',
      name: 'previewOnly',
      type: 'boolean',
      default: false,
      description: 'Whether to only work out encoding, parts and cost per recipient, with the same checks as a real send, and send nothing',
    },
  ];
  for (const entry of entries) {
    properties.push(
      forGateways([entry.key], {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add Option',
        default: {},
        options: [...collectionOptions(neutralFields(entry)), ...HOST_OPTIONS].sort((a, b) => a.displayName.localeCompare(b.displayName)),
      }),
    );
    if (entry.sendOptions.length > 0) {
      properties.push(
        forGateways([entry.key], {
          displayName: `${entry.describe.displayName} Options`,
          name: 'vendorOptions',
          type: 'collection',
          placeholder: 'Add Option',
          default: {},
          options: collectionOptions(entry.sendOptions),
        }),
      );
    }
  }
  return properties;
}
