import { PassThrough } from 'node:stream';
import { mapInputLines } from '../../src/cli/map-input-lines';
import { CodecError } from '../../src/errors';
import { createMemoryIo } from './memory-io';

function parseLines(text: string): unknown[] {
  expect(text.endsWith('\n') || text === '').toBe(true);
  return text.split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line));
}

describe('mapInputLines', () => {
  it('writes one JSON line per non-blank input line, in order', async () => {
    const io = createMemoryIo(['  a \n\nbb\r\n', '\n   \nccc']);
    await mapInputLines(io, (line) => ({ line, length: line.length }));
    expect(parseLines(io.stdoutText())).toEqual([
      { line: 'a', length: 1 },
      { line: 'bb', length: 2 },
      { line: 'ccc', length: 3 },
    ]);
    expect(io.stderrText()).toBe('');
  });

  it('turns a failing line into an error line with its line number and goes on', async () => {
    const io = createMemoryIo(['ok1\nbad\n\nok2\n']);
    await mapInputLines(io, (line) => {
      if (line === 'bad') throw new CodecError('SMSB_CODEC_BAD_HEX', 'not hex');
      return line;
    });
    expect(parseLines(io.stdoutText())).toEqual(['ok1', { error: 'not hex', line: 2 }, 'ok2']);
  });

  it('writes nothing for empty input', async () => {
    const io = createMemoryIo([]);
    await mapInputLines(io, (line) => line);
    expect(io.stdoutText()).toBe('');
  });

  it('rejects when stdin fails', async () => {
    const io = createMemoryIo([]);
    io.stdin.destroy(new Error('stdin broke'));
    await expect(mapInputLines(io, (line) => line)).rejects.toThrow('stdin broke');
  });

  it('answers each line as it arrives, before stdin ends (live logs, typing)', async () => {
    const io = createMemoryIo([]);
    const stdin = new PassThrough();
    const outputSeen = new Promise<string>((resolve) => io.stdout.once('pipe-check', resolve));
    const originalWrite = io.stdout.write.bind(io.stdout);
    io.stdout.write = ((chunk: string) => {
      io.stdout.emit('pipe-check', chunk);
      return originalWrite(chunk);
    }) as typeof io.stdout.write;
    const done = mapInputLines({ ...io, stdin }, (line) => line.toUpperCase());
    stdin.write('first\n');
    expect(await outputSeen).toBe('"FIRST"\n');
    stdin.end('second\n');
    await done;
    expect(io.stdoutText()).toBe('"FIRST"\n"SECOND"\n');
  });

  it('writes a huge single chunk in several bounded writes', async () => {
    const io = createMemoryIo([`${'x'.repeat(1000)}\n`.repeat(500)]);
    const writes: number[] = [];
    const originalWrite = io.stdout.write.bind(io.stdout);
    io.stdout.write = ((chunk: string) => {
      writes.push(chunk.length);
      return originalWrite(chunk);
    }) as typeof io.stdout.write;
    await mapInputLines(io, (line) => line);
    expect(writes.length).toBeGreaterThan(1);
    expect(Math.max(...writes)).toBeLessThan(128 * 1024);
    expect(writes.reduce((sum, length) => sum + length, 0)).toBe(500 * 1003);
  });
});
