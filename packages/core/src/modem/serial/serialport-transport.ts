import { EventEmitter } from 'node:events';
import { access } from 'node:fs/promises';
import { SerialPortStream } from '@serialport/stream';
import type { BindingInterface } from '@serialport/bindings-interface';
import { SerialPort } from 'serialport';
import { type Clock, systemClock } from '../../clock/clock';
import type { SerialTransport } from '../../transport/serial-transport';
import { ModemUnavailableError } from '../modem-errors';

export interface SerialPortTransportOptions {
  path: string;
  /** Default 115200. */
  baudRate?: number;
  /** Another binding than the OS one, e.g. `MockBinding` of `@serialport/binding-mock`. */
  binding?: BindingInterface;
  /** RTS/CTS hardware flow control (off by default). */
  rtscts?: boolean;
  clock?: Clock;
  /**
   * While open, how often to check that the device path still exists (default 1000 ms with the OS
   * binding, off with an injected one; 0 = never). On a hung-up tty the OS binding retries empty
   * reads forever and never reports 'close', so without this an unplug shows only as a timeout.
   */
  hangupCheckMs?: number;
  /** Whether the device path is still there; default `fs.access`. */
  pathExists?: (path: string) => Promise<boolean>;
}

const accessible = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/** SerialTransport over the `serialport` package. The binding is injected, so a mock slots in. */
export class SerialPortTransport extends EventEmitter implements SerialTransport {
  private port: SerialPortStream | undefined;
  private hangupTimer: unknown;
  private readonly clock: Clock;

  constructor(private readonly options: SerialPortTransportOptions) {
    super();
    this.clock = options.clock ?? systemClock;
  }

  get path(): string {
    return this.options.path;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const { path, baudRate = 115200, binding, rtscts = false } = this.options;
    const port = binding
      ? new SerialPortStream({ binding, path, baudRate, rtscts, autoOpen: false })
      : new SerialPort({ path, baudRate, rtscts, autoOpen: false });
    await new Promise<void>((resolve, reject) =>
      port.open((error) => (error ? reject(new ModemUnavailableError(`cannot open ${path}: ${error.message}`, { cause: error, details: { path } })) : resolve())),
    );
    this.port = port;
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    port.on('error', (error: Error) => {
      // An 'error' nobody listens to would throw out of the event loop.
      if (this.listenerCount('error') > 0) this.emit('error', error);
    });
    port.on('close', (error?: Error | null) => {
      if (this.port !== port) return; // already reported by the hang-up check
      this.port = undefined;
      this.stopHangupCheck();
      this.emit('close', error ?? undefined);
    });
    this.scheduleHangupCheck(port);
  }

  private scheduleHangupCheck(port: SerialPortStream): void {
    const everyMs = this.options.hangupCheckMs ?? (this.options.binding ? 0 : 1000);
    if (everyMs <= 0) return;
    const pathExists = this.options.pathExists ?? accessible;
    this.hangupTimer = this.clock.setTimeout(() => {
      this.hangupTimer = undefined;
      void pathExists(this.options.path)
        .catch(() => true) // a failing check is no proof of an unplug
        .then((exists) => {
          if (this.port !== port) return;
          if (exists) this.scheduleHangupCheck(port);
          else this.hungUp(port);
        });
    }, everyMs);
  }

  private stopHangupCheck(): void {
    if (this.hangupTimer !== undefined) this.clock.clearTimeout(this.hangupTimer);
    this.hangupTimer = undefined;
  }

  /** Reports the loss at once; the port's own close may never come on a hung-up tty. */
  private hungUp(port: SerialPortStream): void {
    const { path } = this.options;
    this.port = undefined;
    this.stopHangupCheck();
    port.close(() => undefined);
    this.emit('close', new ModemUnavailableError(`${path} is gone (unplugged?)`, { details: { path } }));
  }

  async write(data: string | Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new ModemUnavailableError(`${this.options.path} is not open`, { details: { path: this.options.path } });
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data);
    await new Promise<void>((resolve, reject) => {
      port.write(bytes, (error) => {
        if (error) reject(new ModemUnavailableError(`write to ${this.options.path} failed: ${error.message}`, { cause: error }));
        else port.drain((drainError) => (drainError ? reject(new ModemUnavailableError(`drain failed: ${drainError.message}`, { cause: drainError })) : resolve()));
      });
    });
  }

  override off(event: 'data' | 'close' | 'error', listener: (...args: never[]) => void): this {
    return super.off(event, listener as (...args: unknown[]) => void);
  }

  async close(): Promise<void> {
    const port = this.port;
    this.stopHangupCheck();
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
