import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SocatPty } from './socat-pty';
import { VirtualModem, type ModemLink, type VirtualModemOptions } from './virtual-modem';

export interface PtyVirtualModemOptions extends VirtualModemOptions {
  /** An existing modem to expose; default a new one built from the other options. */
  modem?: VirtualModem;
  /** Directory for the device link; default a fresh temporary directory, removed on close. */
  directory?: string;
  /** File name of the device link. Default `modem`. */
  linkName?: string;
  socatPath?: string;
  startTimeoutMs?: number;
}

/**
 * A virtual modem behind a pseudo-terminal, so that real serial clients (`serialport`, Gammu,
 * minicom) open `path` as they would `/dev/ttyUSB0`. When the modem vanishes, socat and the device
 * go away; when it reappears, a new pty comes up, possibly under another name.
 */
export class PtyVirtualModem extends EventEmitter {
  private pty: SocatPty | null = null;
  private link: ModemLink | null = null;
  private currentPath: string;
  private closed = false;
  private stopping: Promise<void> = Promise.resolve();
  private readonly onVanish = () => void this.takeDown();
  private readonly onReappear = () => void this.bringUp().catch((cause: unknown) => this.emit('error', cause));

  private constructor(
    readonly modem: VirtualModem,
    readonly directory: string,
    private readonly ownsModem: boolean,
    private readonly ownsDirectory: boolean,
    private readonly options: PtyVirtualModemOptions,
  ) {
    super();
    this.currentPath = join(directory, options.linkName ?? 'modem');
  }

  static async start(options: PtyVirtualModemOptions = {}): Promise<PtyVirtualModem> {
    const ownsDirectory = options.directory === undefined;
    const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'smsbridge-vmodem-'));
    const ownsModem = options.modem === undefined;
    const modem = options.modem ?? new VirtualModem(options);
    const pty = new PtyVirtualModem(modem, directory, ownsModem, ownsDirectory, options);
    try {
      await pty.bringUp();
    } catch (cause) {
      await pty.close();
      throw cause;
    }
    modem.on('vanish', pty.onVanish);
    modem.on('reappear', pty.onReappear);
    return pty;
  }

  /** The device path hosts open (a symlink to /dev/pts/N). */
  get path(): string {
    return this.currentPath;
  }

  /** The device disappears (socat ends, the link is removed) and the modem stops listening. */
  async vanish(): Promise<void> {
    this.modem.vanish();
    await this.takeDown();
  }

  /** The device comes back, under `linkName` when given (a new /dev/ttyUSBn after re-enumeration). */
  async reappear(linkName?: string): Promise<string> {
    if (linkName !== undefined) this.currentPath = join(this.directory, linkName);
    this.modem.off('reappear', this.onReappear);
    try {
      this.modem.reappear();
    } finally {
      this.modem.on('reappear', this.onReappear);
    }
    await this.bringUp();
    return this.currentPath;
  }

  /** Ends socat, removes the temporary directory and (when this created it) closes the modem. */
  async close(): Promise<void> {
    this.closed = true;
    this.modem.off('vanish', this.onVanish);
    this.modem.off('reappear', this.onReappear);
    await this.takeDown();
    if (this.ownsModem) this.modem.close();
    if (this.ownsDirectory) rmSync(this.directory, { recursive: true, force: true });
  }

  private async bringUp(): Promise<void> {
    if (this.closed || this.pty?.running) return;
    const pty = await SocatPty.start({ linkPath: this.currentPath, socatPath: this.options.socatPath, startTimeoutMs: this.options.startTimeoutMs });
    this.pty = pty;
    const link = this.modem.attach((chunk) => pty.write(chunk));
    this.link = link;
    pty.onData((chunk) => link.write(chunk));
    void pty.exited.then(() => {
      if (this.pty === pty && !this.closed) this.emit('exit');
    });
    this.emit('ready', this.currentPath);
  }

  /** Stops socat; concurrent callers all wait for the same stop. */
  private takeDown(): Promise<void> {
    this.link?.detach();
    this.link = null;
    const pty = this.pty;
    this.pty = null;
    if (pty) this.stopping = pty.stop();
    return this.stopping;
  }
}

/** Starts a virtual modem on a pseudo-terminal; `path` is the device to open. */
export function startVirtualModemOnPty(options: PtyVirtualModemOptions = {}): Promise<PtyVirtualModem> {
  return PtyVirtualModem.start(options);
}
