import { encodeSubmit, type EncodingChoice, type SubmitOptions } from '../../codec';
import type { CliCommand } from '../cli-command';
import { CliUsageError } from '../cli-usage-error';
import { expectPositionals, parseChoiceOption, parseCommandArgs, parseIntegerOption } from '../parse-command-args';

const name = 'pdu encode';
const encodings: readonly EncodingChoice[] = ['auto', 'gsm7', 'ucs2'];
/** TP-VP relative reaches 63 weeks. */
const MAX_VALIDITY_MINUTES = 63 * 7 * 24 * 60;

export const pduEncodeCommand: CliCommand = {
  name,
  summary: 'encode a text as SMS-SUBMIT PDUs (one per part) for AT+CMGS',
  usage: `Usage: smsbridge pdu encode --to <number> --text <text> [options]

Prints a JSON array of {"pdu": "<HEX>", "length": <n>}, one per part; length is the
TPDU octet count AT+CMGS=<length> expects.

  --to <number>           destination; a leading + makes it international
  --text <text>           the message; long texts become concatenated parts
  --smsc <number>         SMSC to put in front (default: 00 = the SIM's)
  --encoding <e>          auto (default), gsm7 (transliterates) or ucs2
  --flash                 class 0: shown at once, not stored
  --class <0-3>           message class
  --validity <minutes>    relative validity period
  --status-report         request a delivery report
  --reference <n>         concatenation reference (0-255; default 0)
  --message-reference <n> TP-MR of the first part (0-255; default 0 = the modem assigns)

Example:
  smsbridge pdu encode --to +41791234567 --text "Grüezi 👋" --status-report

Exit codes: 0 done, 1 the message cannot be encoded, 2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, {
      to: { type: 'string' },
      text: { type: 'string' },
      smsc: { type: 'string' },
      encoding: { type: 'string' },
      flash: { type: 'boolean' },
      class: { type: 'string' },
      validity: { type: 'string' },
      'status-report': { type: 'boolean' },
      reference: { type: 'string' },
      'message-reference': { type: 'string' },
    });
    expectPositionals(name, positionals, []);
    if (values.to === undefined) throw new CliUsageError('missing --to <number>', name);
    if (values.text === undefined) throw new CliUsageError('missing --text <text>', name);

    const options: SubmitOptions = { to: values.to, text: values.text };
    if (values.smsc !== undefined) options.smsc = values.smsc;
    if (values.encoding !== undefined) options.encoding = parseChoiceOption(name, 'encoding', values.encoding, encodings);
    if (values.flash) options.flash = true;
    if (values.class !== undefined) options.messageClass = parseIntegerOption(name, 'class', values.class, 0, 3) as 0 | 1 | 2 | 3;
    if (values.validity !== undefined) {
      options.validity = { relativeMinutes: parseIntegerOption(name, 'validity', values.validity, 1, MAX_VALIDITY_MINUTES) };
    }
    if (values['status-report']) options.statusReport = true;
    if (values.reference !== undefined) options.concatReference = parseIntegerOption(name, 'reference', values.reference, 0, 255);
    if (values['message-reference'] !== undefined) {
      options.messageReference = parseIntegerOption(name, 'message-reference', values['message-reference'], 0, 255);
    }

    const parts = encodeSubmit(options).map(({ pdu, length }) => ({ pdu, length }));
    io.stdout.write(`${JSON.stringify(parts)}\n`);
  },
};
