import { Readable } from 'node:stream';
import fc from 'fast-check';
import { readLineBatches, type NumberedLine } from '../../src/cli/read-line-batches';

async function collect(chunks: (string | Buffer)[]): Promise<{ lines: NumberedLine[]; batches: number }> {
  const lines: NumberedLine[] = [];
  let batches = 0;
  for await (const batch of readLineBatches(Readable.from(chunks, { objectMode: false }))) {
    batches++;
    lines.push(...batch);
  }
  return { lines, batches };
}

describe('readLineBatches', () => {
  it('numbers lines and keeps a last line without newline', async () => {
    const { lines } = await collect(['a\nb', 'c\n\nd']);
    expect(lines).toEqual([
      { text: 'a', lineNumber: 1 },
      { text: 'bc', lineNumber: 2 },
      { text: '', lineNumber: 3 },
      { text: 'd', lineNumber: 4 },
    ]);
  });

  it('strips the CR of CRLF, also when CR and LF arrive in different chunks', async () => {
    const { lines } = await collect(['one\r', '\ntwo\r\nthree\r']);
    expect(lines.map((line) => line.text)).toEqual(['one', 'two', 'three']);
  });

  it('decodes a UTF-8 character split across chunks', async () => {
    const bytes = Buffer.from('é€🙂\n', 'utf8');
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    const { lines } = await collect(chunks);
    expect(lines).toEqual([{ text: 'é€🙂', lineNumber: 1 }]);
  });

  it('hands out one batch per chunk, not one per line', async () => {
    const chunk = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const { lines, batches } = await collect([chunk, chunk]);
    expect(lines).toHaveLength(2000);
    expect(batches).toBe(2);
  });

  it('yields nothing for empty input', async () => {
    expect((await collect([])).lines).toEqual([]);
  });

  it('reassembles the same lines however the input is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }).filter((line) => !/[\r\n]/.test(line)), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        async (expectedLines, cuts) => {
          const bytes = Buffer.from(expectedLines.map((line) => `${line}\n`).join(''), 'utf8');
          const positions = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
          const chunks: Buffer[] = [];
          let start = 0;
          for (const position of [...positions, bytes.length]) {
            if (position > start) chunks.push(bytes.subarray(start, position));
            start = Math.max(start, position);
          }
          const { lines } = await collect(chunks);
          expect(lines.map((line) => line.text)).toEqual(expectedLines);
        },
      ),
      { numRuns: 200 },
    );
  });
});
