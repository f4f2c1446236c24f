import { EventEmitter } from 'node:events';
import type { SerialTransport } from '../../transport/serial-transport';
import type { ModemLink, VirtualModem } from './virtual-modem';
import { VirtualModemError } from './virtual-modem-error';

/**
 * The in-process `SerialTransport` of a `VirtualModem`: bytes go straight to the modem's
 * interpreter, answers come back as `data` events on a later microtask (never synchronously inside
 * `write`, and independent of fake timers). When the modem vanishes the transport emits `close`
 * with an error, as a port whose USB device was pulled.
 */
export class VirtualModemTransport extends EventEmitter implements SerialTransport {
  private link: ModemLink | null = null;
  private readonly onVanish = () => this.drop(new VirtualModemError('SMSB_VMODEM_VANISHED', 'the virtual modem vanished'));

  constructor(private readonly modem: VirtualModem) {
    super();
  }

  override on(event: 'data', listener: (chunk: Buffer) => void): this;
  override on(event: 'close', listener: (error?: Error) => void): this;
  override on(event: 'error', listener: (error: Error) => void): this;
  override on(event: string, listener: (...args: never[]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  override off(event: 'data' | 'close' | 'error', listener: (...args: never[]) => void): this {
    return super.off(event, listener as (...args: unknown[]) => void);
  }

  get isOpen(): boolean {
    return this.link !== null;
  }

  async open(): Promise<void> {
    if (this.link) throw new VirtualModemError('SMSB_VMODEM_BAD_OPTION', 'the transport is already open');
    if (this.modem.vanished) throw new VirtualModemError('SMSB_VMODEM_VANISHED', 'the virtual modem has vanished');
    this.link = this.modem.attach((chunk) => {
      void Promise.resolve().then(() => {
        if (this.link) this.emit('data', chunk);
      });
    });
    this.modem.once('vanish', this.onVanish);
  }

  async write(data: string | Uint8Array): Promise<void> {
    if (!this.link) throw new VirtualModemError('SMSB_VMODEM_NOT_OPEN', 'write on a closed virtual modem transport');
    this.link.write(data);
  }

  async close(): Promise<void> {
    if (!this.link) return;
    this.drop(undefined);
  }

  private drop(reason: Error | undefined): void {
    this.modem.off('vanish', this.onVanish);
    this.link?.detach();
    this.link = null;
    // `close` after any data still queued on the microtask queue.
    void Promise.resolve().then(() => this.emit('close', reason));
  }
}
