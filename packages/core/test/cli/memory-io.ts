import { Readable, Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-command';

/** A CliIo over memory: stdin from given chunks, stdout/stderr collected as text. */
export interface MemoryIo extends CliIo {
  stdoutText(): string;
  stderrText(): string;
}

export function collectingWritable(): Writable & { text(): string } {
  const chunks: string[] = [];
  const writable = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return Object.assign(writable, { text: () => chunks.join('') });
}

export function createMemoryIo(stdinChunks: (string | Buffer)[] = []): MemoryIo {
  const stdout = collectingWritable();
  const stderr = collectingWritable();
  return {
    stdin: Readable.from(stdinChunks, { objectMode: false }),
    stdout,
    stderr,
    signal: new AbortController().signal,
    stdoutText: () => stdout.text(),
    stderrText: () => stderr.text(),
  };
}
