import type { FieldDescriptor } from '../contract/field-descriptor';

/** The per-send options a Jasmin send honours (`SendRequest.vendorOptions`), spelled as the document spells them. */
export const JASMIN_SEND_OPTIONS: readonly FieldDescriptor[] = [
  {
    name: 'hex_content',
    displayName: 'Binary Content (Hex)',
    type: 'string',
    pattern: '[0-9A-Fa-f\\s]+',
    placeholder: '0048006900210021',
    patternHint: 'hex digits, two per byte',
    replacesText: true,
    description: 'Binary content in hex, sent instead of the text (leave the text empty), with "coding".',
  },
  {
    name: 'coding',
    displayName: 'Data Coding',
    type: 'number',
    min: 0,
    max: 14,
    description: 'SMPP data_coding of the binary content: 0–10, 13 or 14 (default 4, 8-bit data; 8 is UCS-2). Only with hex_content.',
  },
  { name: 'priority', displayName: 'Priority', type: 'number', min: 0, max: 3, description: 'SMPP priority, 0 (lowest) to 3.' },
  { name: 'dlr_url', displayName: 'Delivery Report URL', type: 'url', description: 'Where Jasmin pushes this send\'s delivery reports, instead of the connection\'s.' },
  { name: 'dlr_level', displayName: 'Delivery Report Level', type: 'number', min: 1, max: 3, description: '1: SMSC; 2: handset; 3: both.' },
  {
    name: 'dlr_method',
    displayName: 'Delivery Report Method',
    type: 'choice',
    choices: [
      { value: 'POST', name: 'POST (form)' },
      { value: 'GET', name: 'GET (query)' },
    ],
    description: 'How Jasmin calls the delivery report URL.',
  },
  { name: 'tags', displayName: 'Tags', type: 'string', pattern: '\\d+(\\s*,\\s*\\d+)*', placeholder: '1,2', patternHint: 'comma-separated numbers', description: 'Jasmin routing tags (comma-separated numbers).' },
  {
    name: 'sdt',
    displayName: 'Scheduled Delivery Time (SMPP)',
    type: 'string',
    pattern: '\\d{12}\\d{3}[+\\-R]',
    placeholder: '261224180000000R',
    patternHint: 'SMPP time YYMMDDhhmmsstnnp, e.g. 000000001000000R (in 10 minutes)',
    description: 'SMPP schedule_delivery_time handed to the SMSC; scheduleAt (a Jasmin batch) is the usual way to send later.',
  },
];
