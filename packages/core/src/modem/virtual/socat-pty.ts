import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { VirtualModemError } from './virtual-modem-error';

export interface SocatPtyOptions {
  /** Where the pty's symlink goes; hosts open this path. */
  linkPath: string;
  /** The socat executable. Default `socat`. */
  socatPath?: string;
  /** Longest wait for socat to create the pty and its link. Default 5000 ms. */
  startTimeoutMs?: number;
}

/**
 * One socat process holding a pseudo-terminal: the pty end (raw, no echo) is linked at
 * `linkPath`, the other end is socat's stdio, which this process reads and writes. Opening and
 * closing the pty from a host does not end socat; `stop()` does, and socat removes the link.
 */
export class SocatPty {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly linkPath: string,
    readonly exited: Promise<number | null>,
  ) {}

  static async start(options: SocatPtyOptions): Promise<SocatPty> {
    const child = spawn(options.socatPath ?? 'socat', ['-d', '-d', `pty,raw,echo=0,link=${options.linkPath}`, 'STDIO'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // A socat that never started ('error', no 'exit') counts as exited too.
    const exited = new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.once('error', () => resolve(null));
    });
    // A write racing socat's exit fails with EPIPE; the exit itself is what callers see.
    child.stdin.on('error', () => undefined);
    // Stderr must keep draining or a chatty socat would block.
    let log = '';
    const ready = new Promise<void>((resolve, reject) => {
      const onLog = (chunk: Buffer) => {
        log += chunk.toString('utf8');
        if (log.includes('starting data transfer loop')) resolve();
      };
      child.stderr.on('data', onLog);
      child.once('error', (cause) => reject(new VirtualModemError('SMSB_VMODEM_PTY_FAILED', `cannot run socat: ${cause.message}`, { cause })));
      void exited.then((code) =>
        reject(new VirtualModemError('SMSB_VMODEM_PTY_FAILED', `socat exited (${code}) before the pty was ready: ${log.trim()}`)),
      );
    });
    const timeoutMs = options.startTimeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new VirtualModemError('SMSB_VMODEM_PTY_FAILED', `socat did not create ${options.linkPath} within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    const pty = new SocatPty(child, options.linkPath, exited);
    try {
      await Promise.race([ready, timeout]);
    } catch (cause) {
      await pty.stop();
      throw cause;
    } finally {
      clearTimeout(timer);
    }
    return pty;
  }

  get running(): boolean {
    return this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Bytes a host wrote to the pty. */
  onData(listener: (chunk: Buffer) => void): void {
    this.child.stdout.on('data', listener);
  }

  /** Bytes for the host. */
  write(chunk: Buffer): void {
    if (this.running && this.child.stdin.writable) this.child.stdin.write(chunk);
  }

  /** Ends socat (TERM, then KILL after a grace period) and waits for it. */
  async stop(graceMs = 2000): Promise<void> {
    if (!this.running) {
      await this.exited;
      return;
    }
    this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const killed = await Promise.race([
      this.exited.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (!killed) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
