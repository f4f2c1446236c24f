import type { CliIo } from './cli-command';
import { BatchedLineWriter } from './batched-line-writer';
import { readLineBatches } from './read-line-batches';

/**
 * The `-` mode of the codec commands: one input per stdin line, one JSON line out per input, in
 * order. A line that fails becomes `{"error": "...", "line": n}` and the stream goes on; blank
 * lines are skipped. Only a failing stdin or stdout rejects.
 */
export async function mapInputLines(io: CliIo, convert: (line: string) => unknown): Promise<void> {
  const writer = new BatchedLineWriter(io.stdout);
  for await (const batch of readLineBatches(io.stdin)) {
    for (const { text, lineNumber } of batch) {
      const line = text.trim();
      if (line.length === 0) continue;
      let output: string;
      try {
        output = JSON.stringify(convert(line));
      } catch (error) {
        output = JSON.stringify({ error: error instanceof Error ? error.message : String(error), line: lineNumber });
      }
      writer.push(output);
      if (writer.full) await writer.flush();
    }
    // One write per input chunk: large when a file is piped in, immediate when a live log
    // (`tail -f`) or a person types, who must not wait for end of input to see an answer.
    await writer.flush();
  }
}
