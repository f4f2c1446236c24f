import type { FieldDescriptor } from '../contract/field-descriptor';

/** Per-send options of the bridge: which modem sends. */
export const MODEMBRIDGE_SEND_OPTIONS: readonly FieldDescriptor[] = [
  {
    name: 'modem',
    displayName: 'Modem',
    type: 'string',
    placeholder: '1',
    description: 'The bridge\'s modem to send from: its number (1 for the first --port) or its --port value; default the connection\'s default modem, else the first.',
  },
];
