import { EventEmitter } from 'node:events';
import { SerialPortStream } from '@serialport/stream';
import type { BindingInterface } from '@serialport/bindings-interface';
import { SerialPort } from 'serialport';
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
}

/** SerialTransport over the `serialport` package. The binding is injected, so a mock slots in. */
export class SerialPortTransport extends EventEmitter implements SerialTransport {
  private port: SerialPortStream | undefined;

  constructor(private readonly options: SerialPortTransportOptions) {
    super();
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
      if (this.port === port) this.port = undefined;
      this.emit('close', error ?? undefined);
    });
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
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
