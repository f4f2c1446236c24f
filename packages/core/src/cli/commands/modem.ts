import type { EncodingChoice } from '../../codec/types';
import { GsmModem, type GsmModemOptions } from '../../modem/gsm-modem';
import type { CliCommand, CliIo } from '../cli-command';
import { CliUsageError } from '../cli-usage-error';
import { expectPositionals, parseChoiceOption, parseCommandArgs, parseIntegerOption } from '../parse-command-args';

/** Options every `smsbridge modem …` command takes. */
const connectionOptions = {
  port: { type: 'string' },
  baud: { type: 'string' },
  pin: { type: 'string' },
} as const;

const connectionUsage = `  --port <where>   the modem: a path (/dev/ttyUSB2, COM3), a USB serial number, or VID:PID
                   (2c7c:0125); append #N to pick the Nth port of a multi-port modem
  --baud <rate>    baud rate (default 115200)
  --pin <digits>   SIM PIN, used only when the SIM asks for one`;

function modemOptions(commandName: string, values: { port?: string; baud?: string; pin?: string }): GsmModemOptions {
  if (values.port === undefined || values.port.trim() === '') throw new CliUsageError('--port is required', commandName);
  const options: GsmModemOptions = { port: values.port, reconnect: false };
  if (values.baud !== undefined) options.baudRate = parseIntegerOption(commandName, 'baud', values.baud, 300, 4_000_000);
  if (values.pin !== undefined) {
    if (!/^\d{4,8}$/.test(values.pin)) throw new CliUsageError('--pin must be 4 to 8 digits', commandName);
    options.pin = values.pin;
  }
  return options;
}

/** Starts the modem, runs `work`, and always closes the port. */
async function withModem<T>(options: GsmModemOptions, work: (modem: GsmModem) => Promise<T>): Promise<T> {
  const modem = new GsmModem(options);
  try {
    await modem.start();
    return await work(modem);
  } finally {
    await modem.close();
  }
}

function printJson(io: CliIo, value: unknown, pretty = false): void {
  io.stdout.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
}

const infoName = 'modem info';
const modemInfoCommand: CliCommand = {
  name: infoName,
  summary: 'show a GSM modem: manufacturer, model, IMEI, IMSI, ICCID, operator, signal',
  usage: `Usage: smsbridge modem info --port <where> [--baud <rate>] [--pin <digits>]

Brings the modem up (PDU mode, indications) and prints one JSON object: manufacturer, model,
revision, imei, imsi, iccid, smsc, operator, registration, signal (rssi, ber, dbm).

  --pretty         indent the JSON output
${connectionUsage}

Example:
  smsbridge modem info --port 2c7c:0125 --pin 1234 --pretty

Exit codes: 0 done, 1 the modem failed (port, SIM, PIN, no answer; the message says which),
2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(infoName, args, { ...connectionOptions, pretty: { type: 'boolean' } });
    expectPositionals(infoName, positionals, []);
    const info = await withModem(modemOptions(infoName, values), (modem) => modem.info());
    printJson(io, info, values.pretty === true);
  },
};

const sendName = 'modem send';
const modemSendCommand: CliCommand = {
  name: sendName,
  summary: 'send an SMS through a GSM modem (PDU mode; multipart, Unicode, flash, status report)',
  usage: `Usage: smsbridge modem send --port <where> --to <number> [--to <number> …] --text <text> [options]

Prints a JSON array with one result per recipient: accepted, state, parts, encoding, partIds
(the TP-MR of each part, which status reports refer to), errorCode/errorMessage when refused.
Exits 1 when any recipient was not accepted.

  --to <number>        recipient (repeat for several)
  --text <text>        message text
  --encoding <enc>     auto (default), gsm7 or ucs2
  --flash              class 0 ("flash") message
  --status-report      ask the network for a delivery report
${connectionUsage}

Example:
  smsbridge modem send --port /dev/ttyUSB2 --to +447700900123 --text "Hello" --status-report

Exit codes: 0 every recipient accepted, 1 a recipient not accepted or the modem failed (port, SIM,
PIN, no answer), 2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(sendName, args, {
      ...connectionOptions,
      to: { type: 'string', multiple: true },
      text: { type: 'string' },
      encoding: { type: 'string' },
      flash: { type: 'boolean' },
      'status-report': { type: 'boolean' },
    });
    expectPositionals(sendName, positionals, []);
    const to = values.to ?? [];
    if (to.length === 0) throw new CliUsageError('--to is required', sendName);
    if (values.text === undefined) throw new CliUsageError('--text is required', sendName);
    const encoding: EncodingChoice = parseChoiceOption(sendName, 'encoding', values.encoding ?? 'auto', ['auto', 'gsm7', 'ucs2'] as const);
    const text = values.text;
    const results = await withModem(modemOptions(sendName, values), (modem) =>
      modem.send({ to, text, encoding, flash: values.flash === true, statusReport: values['status-report'] === true }),
    );
    printJson(io, results);
    return results.every((r) => r.accepted) ? 0 : 1;
  },
};

const inboxName = 'modem inbox';
const modemInboxCommand: CliCommand = {
  name: inboxName,
  summary: 'list the SMS stored on a GSM modem (reassembled), optionally deleting them',
  usage: `Usage: smsbridge modem inbox --port <where> [--delete]

Prints a JSON array of the stored messages, multipart messages joined; parts of an incomplete
message are listed with raw.incomplete = true and are never deleted.

  --delete         delete the complete messages after listing them
${connectionUsage}

Example:
  smsbridge modem inbox --port 2c7c:0125 --delete

Exit codes: 0 done, 1 the modem failed (port, SIM, PIN, no answer; the message says which),
2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(inboxName, args, { ...connectionOptions, delete: { type: 'boolean' } });
    expectPositionals(inboxName, positionals, []);
    const messages = await withModem({ ...modemOptions(inboxName, values), sweepOnConnect: false }, (modem) => modem.inbox({ delete: values.delete === true }));
    printJson(io, messages);
  },
};

const ussdName = 'modem ussd';
const modemUssdCommand: CliCommand = {
  name: ussdName,
  summary: 'send a USSD code (*100#) through a GSM modem and print the reply',
  usage: `Usage: smsbridge modem ussd --port <where> --code <code>

Prints one JSON object: code, reply, awaitingInput (the network menu waits for an answer), state.

  --code <code>    the USSD code, e.g. *100#
${connectionUsage}

Example:
  smsbridge modem ussd --port /dev/ttyUSB2 --code '*100#'

Exit codes: 0 done, 1 the modem failed (port, SIM, PIN, no answer; the message says which),
2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(ussdName, args, { ...connectionOptions, code: { type: 'string' } });
    expectPositionals(ussdName, positionals, []);
    if (values.code === undefined || values.code === '') throw new CliUsageError('--code is required', ussdName);
    const code = values.code;
    const exchange = await withModem({ ...modemOptions(ussdName, values), sweepOnConnect: false }, (modem) => modem.ussd(code));
    printJson(io, exchange);
  },
};

const listenName = 'modem listen';
const modemListenCommand: CliCommand = {
  name: listenName,
  summary: 'print incoming SMS and status reports of a GSM modem as JSON lines until Ctrl-C',
  usage: `Usage: smsbridge modem listen --port <where>

Prints one JSON line per event until SIGINT/SIGTERM:
  {"event":"message", …InboundMessage}   (deleted from the SIM once printed)
  {"event":"status-report", …DeliveryStatus}
  {"event":"incomplete-message", …}      (kept on the SIM)
  {"event":"state", "connection", "health"}
Stored messages are printed first. A vanished modem is reopened (same --port rules).

${connectionUsage}

Example:
  smsbridge modem listen --port 2c7c:0125#2 > events.jsonl

Exit codes: 0 stopped by Ctrl-C or SIGTERM, 1 the modem could not be opened or failed for good
(SIM, PIN; one unplugged while listening is waited for), 2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(listenName, args, connectionOptions);
    expectPositionals(listenName, positionals, []);
    const options = { ...modemOptions(listenName, values), reconnect: {} };
    if (io.signal.aborted) return;
    const modem = new GsmModem(options);
    const print = (event: string, value: object) => printJson(io, { event, ...value });
    modem.on('message', (message) => print('message', message));
    modem.on('status-report', (status) => print('status-report', status));
    modem.on('incomplete-message', (message) => print('incomplete-message', message));
    modem.on('state', ({ connection, health }) => print('state', { connection, health }));
    modem.on('error', (error) => io.stderr.write(`smsbridge: ${error instanceof Error ? error.message : String(error)}\n`));
    try {
      await modem.start();
      await new Promise<void>((resolve) => {
        if (io.signal.aborted) resolve();
        else io.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      await modem.close();
    }
  },
};

/** `smsbridge modem info|send|inbox|ussd|listen`. */
export const modemCommands: readonly CliCommand[] = [modemInfoCommand, modemSendCommand, modemInboxCommand, modemUssdCommand, modemListenCommand];
