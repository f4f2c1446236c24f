import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** One input line and its 1-based line number in the stream. */
export interface NumberedLine {
  text: string;
  lineNumber: number;
}

/**
 * Yields the lines of a stream one chunk at a time (an array per chunk) rather than one line per
 * await, so a million-line log costs a few hundred async steps. Strips `\r` of CRLF logs; the last
 * line needs no terminator. The consumer's pace is the backpressure: the next chunk is only read
 * after the previous batch was handled.
 */
export async function* readLineBatches(input: Readable): AsyncGenerator<NumberedLine[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNumber = 0;
  const split = (text: string, final: boolean): NumberedLine[] => {
    const batch: NumberedLine[] = [];
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      batch.push({ text: text.slice(start, end), lineNumber: ++lineNumber });
      start = newline + 1;
    }
    carry = text.slice(start);
    if (final && carry.length > 0) {
      const end = carry.charCodeAt(carry.length - 1) === 13 ? carry.length - 1 : carry.length;
      batch.push({ text: carry.slice(0, end), lineNumber: ++lineNumber });
      carry = '';
    }
    return batch;
  };
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    const batch = split(carry + text, false);
    if (batch.length > 0) yield batch;
  }
  const batch = split(carry + decoder.end(), true);
  if (batch.length > 0) yield batch;
}
