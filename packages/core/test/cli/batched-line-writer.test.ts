import { Writable } from 'node:stream';
import { BatchedLineWriter } from '../../src/cli/batched-line-writer';
import { CliOutputClosedError } from '../../src/cli/cli-output-closed-error';

/** A slow reader: accepts one chunk per event-loop turn, tiny buffer, records how far it was overfilled. */
function slowWritable() {
  const chunks: string[] = [];
  let maxBuffered = 0;
  const writable = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      setImmediate(callback);
    },
  });
  const originalWrite = writable.write.bind(writable);
  writable.write = ((chunk: string) => {
    const accepted = originalWrite(chunk);
    maxBuffered = Math.max(maxBuffered, writable.writableLength);
    return accepted;
  }) as typeof writable.write;
  return { writable, chunks, maxBuffered: () => maxBuffered };
}

describe('BatchedLineWriter', () => {
  it('writes lines in order, batched into few writes', async () => {
    const { writable, chunks } = slowWritable();
    const writer = new BatchedLineWriter(writable, 1000);
    for (let i = 0; i < 5000; i++) {
      writer.push(`line ${i}`);
      await writer.flushIfFull();
    }
    await writer.flush();
    const lines = chunks.join('').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual(Array.from({ length: 5000 }, (_, i) => `line ${i}`));
    expect(chunks.length).toBeLessThan(100);
  });

  it('waits for drain so a slow reader never has more than one batch buffered', async () => {
    const { writable, maxBuffered } = slowWritable();
    const writer = new BatchedLineWriter(writable, 1000);
    for (let i = 0; i < 20000; i++) {
      writer.push(`line number ${i}`);
      await writer.flushIfFull();
    }
    await writer.flush();
    // Without backpressure the whole ~300 KB would pile up in the writable's buffer.
    expect(maxBuffered()).toBeLessThan(2 * 1024);
  });

  it('rejects with CliOutputClosedError when the reader closes before draining', async () => {
    const writable = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, _callback) {
        // Never completes: the reader is stuck until it is destroyed.
      },
    });
    const writer = new BatchedLineWriter(writable, 1);
    writer.push('x');
    const flushed = writer.flush();
    writable.destroy();
    await expect(flushed).rejects.toBeInstanceOf(CliOutputClosedError);
  });

  it('does nothing on flush when nothing is pending', async () => {
    const { writable, chunks } = slowWritable();
    await new BatchedLineWriter(writable).flush();
    expect(chunks).toEqual([]);
  });
});
