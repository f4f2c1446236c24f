import type { AdminCommandDescriptor, FieldDescriptor } from '../contract/field-descriptor';

const MODEM_ARG: FieldDescriptor = {
  name: 'modem',
  displayName: 'Modem',
  type: 'string',
  placeholder: '1',
  description: 'Which of the bridge\'s modems: its number (1 for the first --port) or its --port value; default the first.',
};

/** What a bridge can be asked besides messages: its modems and journal, and each modem's own commands. */
export const MODEMBRIDGE_ADMIN_COMMANDS: readonly AdminCommandDescriptor[] = [
  {
    name: 'modems',
    displayName: 'Modems and Journal',
    description: 'Every modem of the bridge with its registration, operator, signal and connection state, and what the journal holds (inbox, owed pushes).',
    changesState: false,
    args: [],
  },
  {
    name: 'info',
    displayName: 'Device Info',
    description: 'One modem\'s manufacturer, model, firmware, IMEI, IMSI, ICCID, SMS centre, operator, registration and signal.',
    changesState: false,
    args: [MODEM_ARG],
  },
  {
    name: 'network',
    displayName: 'Network Status',
    description: 'One modem\'s registration, operator and signal strength in dBm, plus its connection state.',
    changesState: false,
    args: [MODEM_ARG],
  },
  {
    name: 'restart',
    displayName: 'Restart Modem',
    description: 'Resets one modem (AT+CFUN=1,1); the bridge sets its session up again and goes on.',
    changesState: true,
    args: [MODEM_ARG],
  },
];
