import { segmentText, type EncodingChoice, type NationalLanguage, type SegmentOptions, type SegmentPlan } from '../../codec';
import type { CliCommand } from '../cli-command';
import { mapInputLines } from '../map-input-lines';
import { expectPositionals, parseChoiceOption, parseCommandArgs } from '../parse-command-args';
import { CliUsageError } from '../cli-usage-error';

const name = 'segments';
const encodings: readonly EncodingChoice[] = ['auto', 'gsm7', 'ucs2'];
const nationalLanguages: readonly NationalLanguage[] = [
  'turkish', 'spanish', 'portuguese', 'bengali', 'gujarati', 'hindi', 'kannada',
  'malayalam', 'oriya', 'punjabi', 'tamil', 'telugu', 'urdu',
];

export const segmentsCommand: CliCommand = {
  name,
  summary: 'show how a text splits into SMS parts (encoding, parts, count)',
  usage: `Usage: smsbridge segments <text> [options]
       smsbridge segments - [options]

Prints {"encoding": "gsm7"|"ucs2", "segments": [...], "count": n, "units": [...]}.

  <text>                  the message; with '-' read one JSON string per stdin line
                          (e.g. "h\\u00e9llo") and print one JSON line per text, in order
  --encoding <e>          auto (default), gsm7 (transliterates) or ucs2
  --national <list>       allowed national shift tables, comma separated (e.g. turkish,spanish)
  --reference-bits <8|16> concatenation reference size (16 leaves one character less per part)

Example:
  smsbridge segments "Total: 25€ – thanks!"

Exit codes: 0 done, 2 bad command line (with '-': also a line that is not a JSON string).
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, {
      encoding: { type: 'string' },
      national: { type: 'string' },
      'reference-bits': { type: 'string' },
    });
    const [text] = expectPositionals(name, positionals, ['text']);
    const options: SegmentOptions = {};
    if (values.encoding !== undefined) options.encoding = parseChoiceOption(name, 'encoding', values.encoding, encodings);
    if (values.national !== undefined) {
      options.nationalLanguages = values.national
        .split(',')
        .filter((language) => language.length > 0)
        .map((language) => parseChoiceOption(name, 'national', language.trim(), nationalLanguages));
    }
    if (values['reference-bits'] !== undefined) {
      const bits = values['reference-bits'];
      if (bits !== '8' && bits !== '16') throw new CliUsageError(`--reference-bits must be 8 or 16, got '${bits}'`, name);
      options.referenceBits = bits === '8' ? 8 : 16;
    }
    if (text === '-') {
      await mapInputLines(io, (line) => segmentPlanJson(segmentText(parseJsonStringLine(line), options)));
      return;
    }
    io.stdout.write(`${JSON.stringify(segmentPlanJson(segmentText(text!, options)))}\n`);
  },
};

/** The JSON shape of `segments`: what a user asks first, in that order. */
export function segmentPlanJson(plan: SegmentPlan): Record<string, unknown> {
  const json: Record<string, unknown> = { encoding: plan.encoding, segments: plan.segments, count: plan.count, units: plan.units };
  if (plan.national) json.national = plan.national;
  return json;
}

/** Stdin texts are JSON strings so a text may hold newlines and any character. */
function parseJsonStringLine(line: string): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new CliUsageError('line is not a JSON string (write texts as "...")', name);
  }
  if (typeof value !== 'string') throw new CliUsageError('line is not a JSON string (write texts as "...")', name);
  return value;
}
