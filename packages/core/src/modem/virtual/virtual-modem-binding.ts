import type { BindingInterface, BindingPortInterface, OpenOptions, PortInfo, PortStatus } from '@serialport/bindings-interface';
import type { ModemLink, VirtualModem } from './virtual-modem';
import { VirtualModemError } from './virtual-modem-error';

/** A read or write ended by `close()`: the serialport stream ignores errors marked `canceled`. */
class CanceledReadError extends VirtualModemError {
  readonly canceled = true;
  constructor() {
    super('SMSB_VMODEM_NOT_OPEN', 'read canceled: the port was closed');
  }
}

/** One open port of the binding: reads wait for the modem's bytes, writes go to its interpreter. */
class VirtualModemBindingPort implements BindingPortInterface {
  isOpen = true;
  private readonly received: Buffer[] = [];
  private pendingRead: { buffer: Buffer; offset: number; length: number; resolve: (result: { buffer: Buffer; bytesRead: number }) => void; reject: (error: Error) => void } | null = null;
  private readonly link: ModemLink;
  /** Set when the modem vanished: the port stays "open" until the stream closes it, but every read and write fails. */
  private gone: VirtualModemError | null = null;
  private readonly onVanish = () => this.fail(new VirtualModemError('SMSB_VMODEM_VANISHED', 'the virtual modem vanished'));

  constructor(
    private readonly modem: VirtualModem,
    readonly openOptions: Required<OpenOptions>,
  ) {
    this.link = modem.attach((chunk) => {
      this.received.push(chunk);
      this.serveRead();
    });
    modem.once('vanish', this.onVanish);
  }

  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
    if (!this.isOpen) return Promise.reject(new CanceledReadError());
    if (this.gone) return Promise.reject(this.gone);
    return new Promise((resolve, reject) => {
      this.pendingRead = { buffer, offset, length, resolve, reject };
      this.serveRead();
    });
  }

  async write(buffer: Buffer): Promise<void> {
    if (!this.isOpen) throw new VirtualModemError('SMSB_VMODEM_NOT_OPEN', 'write on a closed port');
    if (this.gone) throw this.gone;
    this.link.write(buffer);
  }

  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.detach();
    const read = this.pendingRead;
    this.pendingRead = null;
    read?.reject(new CanceledReadError());
  }

  async update(): Promise<void> {}

  async set(): Promise<void> {}

  async get(): Promise<PortStatus> {
    return { cts: true, dsr: true, dcd: false };
  }

  async getBaudRate(): Promise<{ baudRate: number }> {
    return { baudRate: this.openOptions.baudRate };
  }

  async flush(): Promise<void> {
    this.received.length = 0;
  }

  async drain(): Promise<void> {}

  private serveRead(): void {
    const read = this.pendingRead;
    if (!read || this.received.length === 0) return;
    this.pendingRead = null;
    let bytesRead = 0;
    while (bytesRead < read.length && this.received.length > 0) {
      const chunk = this.received[0]!;
      const taken = chunk.copy(read.buffer, read.offset + bytesRead, 0, Math.min(chunk.length, read.length - bytesRead));
      bytesRead += taken;
      if (taken === chunk.length) this.received.shift();
      else this.received[0] = chunk.subarray(taken);
    }
    read.resolve({ buffer: read.buffer, bytesRead });
  }

  /** The device went away: the pending read fails (not canceled), so the stream closes as disconnected. */
  private fail(error: VirtualModemError): void {
    this.gone = error;
    this.modem.off('vanish', this.onVanish);
    this.link.detach();
    const read = this.pendingRead;
    this.pendingRead = null;
    read?.reject(error);
  }

  private detach(): void {
    this.isOpen = false;
    this.modem.off('vanish', this.onVanish);
    this.link.detach();
  }
}

/**
 * A `serialport` binding whose ports are virtual modems, keyed by path: `new SerialPortStream({
 * binding, path })` (or the driver's `SerialPortTransport`) then talks to a modem in-process
 * through the real serialport stream layer. `list()` reports the profile's manufacturer and the
 * IMEI as serial number.
 */
export function createVirtualModemBinding(modems: Readonly<Record<string, VirtualModem>>): BindingInterface {
  return {
    async list(): Promise<PortInfo[]> {
      return Object.entries(modems)
        .filter(([, modem]) => !modem.vanished)
        .map(([path, modem]) => ({
          path,
          manufacturer: modem.profile.manufacturer,
          serialNumber: modem.profile.imei,
          pnpId: undefined,
          locationId: undefined,
          productId: undefined,
          vendorId: undefined,
        }));
    },
    async open(options: OpenOptions): Promise<BindingPortInterface> {
      const modem = modems[options.path];
      if (!modem) throw new VirtualModemError('SMSB_VMODEM_NOT_OPEN', `no virtual modem at ${options.path}`);
      const openOptions: Required<OpenOptions> = {
        dataBits: 8,
        lock: true,
        stopBits: 1,
        parity: 'none',
        rtscts: false,
        xon: false,
        xoff: false,
        xany: false,
        hupcl: true,
        ...options,
      };
      return new VirtualModemBindingPort(modem, openOptions);
    },
  };
}
