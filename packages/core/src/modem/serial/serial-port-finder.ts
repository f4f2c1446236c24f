import { SerialPort } from 'serialport';
import { ModemNotFoundError } from '../modem-errors';

/** The fields of `SerialPort.list()` the finder looks at. */
export interface SerialPortListing {
  path: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  pnpId?: string;
}

export type SerialPortLister = () => Promise<SerialPortListing[]>;

/**
 * Where the modem is: a fixed path, or something that survives re-enumeration (a USB modem may
 * come back as another /dev/ttyUSBn). Multi-port modems show several ports with one serial number
 * and VID:PID; `index` picks among them in path order (default 0).
 */
export type ModemPortSelector =
  | { path: string }
  | { serialNumber: string; index?: number }
  | { vendorId: string; productId: string; index?: number };

/** `/dev/ttyUSB2` or `COM3` → path, `2c7c:0125` → VID:PID, `2c7c:0125#2` / `SERIAL#2` → the third match, anything else → serial number. */
export function parsePortSelector(text: string): ModemPortSelector {
  const [base = '', suffix] = text.split('#');
  const index = suffix === undefined ? undefined : Number(suffix);
  const withIndex = <T extends object>(selector: T): T & { index?: number } => (index === undefined || !Number.isInteger(index) ? selector : { ...selector, index });
  if (base.includes('/') || base.includes('\\') || /^COM\d+$/i.test(base)) return { path: text };
  const vidPid = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(base);
  if (vidPid) return withIndex({ vendorId: vidPid[1]!.toLowerCase(), productId: vidPid[2]!.toLowerCase() });
  return withIndex({ serialNumber: base });
}

export const systemPortLister: SerialPortLister = () => SerialPort.list();

/** Resolves a selector to a path now. A fixed path is returned as is (it may be a pty that `list()` never shows). */
export async function findSerialPort(selector: ModemPortSelector, lister: SerialPortLister = systemPortLister): Promise<string> {
  if ('path' in selector) return selector.path;
  const ports = await lister();
  const matches = ports
    .filter((p) =>
      'serialNumber' in selector
        ? p.serialNumber === selector.serialNumber
        : p.vendorId?.toLowerCase() === selector.vendorId && p.productId?.toLowerCase() === selector.productId,
    )
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  const match = matches[selector.index ?? 0];
  if (!match) {
    throw new ModemNotFoundError(`no serial port matches ${JSON.stringify(selector)} (${ports.length} ports listed)`, { details: { selector, listed: ports.map((p) => p.path) } });
  }
  return match.path;
}
