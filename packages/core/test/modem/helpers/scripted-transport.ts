import { EventEmitter } from 'node:events';
import type { SerialTransport } from '../../../src/transport/serial-transport';

/**
 * An in-memory SerialTransport: the test sees every write and pushes the modem's bytes. A
 * `responder` may answer writes automatically, like a tiny scripted modem.
 */
export class ScriptedTransport extends EventEmitter implements SerialTransport {
  readonly writes: string[] = [];
  isOpen = false;
  responder: ((written: string, transport: ScriptedTransport) => void) | undefined;

  constructor(responder?: (written: string, transport: ScriptedTransport) => void) {
    super();
    this.responder = responder;
  }

  async open(): Promise<void> {
    this.isOpen = true;
  }

  async write(data: string | Uint8Array): Promise<void> {
    if (!this.isOpen) throw new Error('not open');
    const text = typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
    this.writes.push(text);
    this.responder?.(text, this);
  }

  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.emit('close');
  }

  /** The modem sends bytes. */
  push(data: string): void {
    this.emit('data', Buffer.from(data, 'latin1'));
  }

  /** The port vanishes (unplug). */
  unplug(): void {
    this.isOpen = false;
    this.emit('close', new Error('unplugged'));
  }
}
