import { InvalidRequestError } from '../../errors/gateway-errors';
import type { FieldDescriptor } from '../../vendors/contract/field-descriptor';

/** Where the modem is and how to open it: what a host's connection form gives for one port. */
export interface ModemPortSettings {
  /** Device path (`/dev/ttyUSB2`, `COM3`), USB serial number or `VID:PID` (see parsePortSelector). */
  port: string;
  baudRate: number;
  /** SIM PIN, used only when the SIM asks for one. */
  pin?: string;
}

export const DEFAULT_MODEM_BAUD_RATE = 115_200;

/** The connection fields of a modem: no URL or account, a port, its speed and the SIM's PIN. */
export const MODEM_CONNECTION_FIELDS: readonly FieldDescriptor[] = [
  {
    name: 'port',
    displayName: 'Serial Port',
    type: 'string',
    required: true,
    placeholder: '/dev/ttyUSB2',
    description:
      'The modem\'s AT port: a device path (/dev/ttyUSB2, COM3), or its USB serial number or VID:PID (2c7c:0125), which find it again after it comes back under another name; "#2" picks the third port of a multi-port modem.',
  },
  {
    name: 'baudRate',
    displayName: 'Baud Rate',
    type: 'number',
    default: DEFAULT_MODEM_BAUD_RATE,
    min: 300,
    max: 4_000_000,
    description: 'Serial speed of the AT port; USB modems accept any, 115200 is the usual.',
  },
  {
    name: 'pin',
    displayName: 'SIM PIN',
    type: 'string',
    secret: true,
    pattern: '\\d{4,8}',
    placeholder: '1234',
    patternHint: '4 to 8 digits',
    description: 'Entered only when the SIM asks for one. A wrong PIN is not retried: three wrong ones lock the SIM.',
  },
];

/** The port settings from values already read by {@link MODEM_CONNECTION_FIELDS}. */
export function modemPortSettings(settings: ModemPortSettings | Readonly<Record<string, unknown>>): ModemPortSettings {
  const { port, baudRate, pin } = settings as Readonly<Record<string, unknown>>;
  if (typeof port !== 'string' || port.trim() === '') {
    throw new InvalidRequestError('The modem\'s serial port is missing: give a device path such as /dev/ttyUSB2, or its USB serial number.', {
      details: { gateway: 'modem', option: 'port' },
    });
  }
  const read: ModemPortSettings = { port: port.trim(), baudRate: typeof baudRate === 'number' ? baudRate : DEFAULT_MODEM_BAUD_RATE };
  if (typeof pin === 'string' && pin !== '') read.pin = pin;
  return read;
}
