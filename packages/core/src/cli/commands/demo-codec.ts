import type { CliCommand } from '../cli-command';
import { codecWalkthroughJson, codecWalkthroughProse, runCodecWalkthrough } from '../demo/codec-walkthrough';
import { expectPositionals, parseCommandArgs } from '../parse-command-args';

const name = 'demo-codec';

export const demoCodecCommand: CliCommand = {
  name,
  summary: 'walk through the codec: segment sample texts, encode a multipart text, decode it back',
  usage: `Usage: smsbridge demo-codec [--json]

Segments a few sample texts (GSM-7, extension characters, emoji, long text), encodes a
multipart Unicode message to SMS-SUBMIT PDUs and decodes those PDUs again.

  --json   print one JSON document instead of the readable walk-through

Exit codes: 0 done, 1 a step did not turn out as expected, 2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, { json: { type: 'boolean' } });
    expectPositionals(name, positionals, []);
    const walkthrough = runCodecWalkthrough();
    io.stdout.write(values.json ? `${JSON.stringify(codecWalkthroughJson(walkthrough), null, 2)}\n` : codecWalkthroughProse(walkthrough));
  },
};
