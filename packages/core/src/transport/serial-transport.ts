/**
 * A byte pipe to a modem. Real `serialport`, `@serialport/binding-mock` and the in-process virtual
 * modem all implement it, so the AT engine never knows which one it talks to.
 */
export interface SerialTransport {
  open(): Promise<void>;
  write(data: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
  readonly isOpen: boolean;
  /** Incoming bytes. */
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  /** The port went away (unplug, reset) or failed. */
  on(event: 'close', listener: (error?: Error) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  off(event: 'data', listener: (chunk: Buffer) => void): this;
  off(event: 'close', listener: (error?: Error) => void): this;
  off(event: 'error', listener: (error: Error) => void): this;
}
