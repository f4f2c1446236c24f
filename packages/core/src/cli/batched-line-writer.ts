import type { Writable } from 'node:stream';
import { CliOutputClosedError } from './cli-output-closed-error';

/** Flush once this many UTF-16 units are pending: one write per ~64 KiB instead of one per line. */
const DEFAULT_FLUSH_CHARS = 64 * 1024;

/**
 * Collects output lines and writes them in large chunks, waiting for `drain` when the destination
 * is full so a slow reader (a pipe into `less`) never makes us buffer the whole output.
 */
export class BatchedLineWriter {
  private pending = '';

  constructor(
    private readonly output: Writable,
    private readonly flushChars = DEFAULT_FLUSH_CHARS,
  ) {}

  /** Queues one line (without its newline). Call `flushIfFull` between input batches. */
  push(line: string): void {
    this.pending += line + '\n';
  }

  /** Enough is pending to be worth a write; checked per line without an await. */
  get full(): boolean {
    return this.pending.length >= this.flushChars;
  }

  async flushIfFull(): Promise<void> {
    if (this.full) await this.flush();
  }

  /** Writes whatever is pending and waits until the destination accepted it. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending;
    this.pending = '';
    if (!this.output.write(chunk)) await waitForDrain(this.output);
  }
}

function waitForDrain(output: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      output.off('drain', onDrain);
      output.off('close', onClose);
      output.off('error', onError);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    // A destination closed under us (reader gone) will never drain; stop writing.
    const onClose = () => {
      cleanup();
      reject(new CliOutputClosedError());
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    output.on('drain', onDrain);
    output.on('close', onClose);
    output.on('error', onError);
  });
}
