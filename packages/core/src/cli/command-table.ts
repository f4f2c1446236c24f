import type { CliCommand } from './cli-command';
import { lazyCommand } from './lazy-command';

// One line per subcommand: its name, the summary `--help` lists, and the module that holds it.
// Modules load on first use (see lazy-command.ts); `require` keeps that synchronous.
type Commands = object;
const from = <M extends Commands>(path: string, pick: (module: M) => CliCommand) => () => pick(require(path) as M);
const modem = (name: string) => from<typeof import('./commands/modem')>('./commands/modem', (module) => module.modemCommands.find((command) => command.name === name)!);

/** Every `smsbridge` subcommand, in the order `--help` lists them. Adding one = one file + one line here. */
export const cliCommands: readonly CliCommand[] = [
  lazyCommand('pdu decode', 'decode an SMS PDU (hex, as AT+CMGL/+CMT show it) to JSON', from<typeof import('./commands/pdu-decode')>('./commands/pdu-decode', (m) => m.pduDecodeCommand)),
  lazyCommand('pdu encode', 'encode a text as SMS-SUBMIT PDUs (one per part) for AT+CMGS', from<typeof import('./commands/pdu-encode')>('./commands/pdu-encode', (m) => m.pduEncodeCommand)),
  lazyCommand('segments', 'show how a text splits into SMS parts (encoding, parts, count)', from<typeof import('./commands/segments')>('./commands/segments', (m) => m.segmentsCommand)),
  lazyCommand('demo', 'a tour in a few seconds: the codec, five gateway simulators and a virtual modem, all on 127.0.0.1', from<typeof import('./commands/demo')>('./commands/demo', (m) => m.demoCommand)),
  lazyCommand('demo-codec', 'walk through the codec: segment sample texts, encode a multipart text, decode it back', from<typeof import('./commands/demo-codec')>('./commands/demo-codec', (m) => m.demoCodecCommand)),
  lazyCommand('describe', 'what a gateway offers: operations, connection settings, send options, admin commands, push', from<typeof import('./commands/describe')>('./commands/describe', (m) => m.describeCommand)),
  lazyCommand('send', 'send an SMS through a gateway', from<typeof import('./commands/send')>('./commands/send', (m) => m.sendCommand)),
  lazyCommand('status', 'ask a gateway for the delivery status of a sent message', from<typeof import('./commands/status')>('./commands/status', (m) => m.statusCommand)),
  lazyCommand('inbox', 'fetch the SMS a gateway received since the last cursor', from<typeof import('./commands/inbox')>('./commands/inbox', (m) => m.inboxCommand)),
  lazyCommand('ussd', 'send a USSD code (*100#) through a gateway and print the reply', from<typeof import('./commands/ussd')>('./commands/ussd', (m) => m.ussdCommand)),
  lazyCommand('admin', 'run an administrative command on a gateway (server status, balance, port info …)', from<typeof import('./commands/admin')>('./commands/admin', (m) => m.adminCommand)),
  lazyCommand('simulate', 'run gateway simulators on 127.0.0.1 until Ctrl-C', from<typeof import('./commands/simulate')>('./commands/simulate', (m) => m.simulateCommand)),
  lazyCommand('modem-sim', 'run a virtual GSM modem on a pseudo-terminal until Ctrl-C', from<typeof import('./commands/modem-sim')>('./commands/modem-sim', (m) => m.modemSimCommand)),
  lazyCommand('modem info', 'show a GSM modem: manufacturer, model, IMEI, IMSI, ICCID, operator, signal', modem('modem info')),
  lazyCommand('modem send', 'send an SMS through a GSM modem (PDU mode; multipart, Unicode, flash, status report)', modem('modem send')),
  lazyCommand('modem inbox', 'list the SMS stored on a GSM modem (reassembled), optionally deleting them', modem('modem inbox')),
  lazyCommand('modem ussd', 'send a USSD code (*100#) through a GSM modem and print the reply', modem('modem ussd')),
  lazyCommand('modem listen', 'print incoming SMS and status reports of a GSM modem as JSON lines until Ctrl-C', modem('modem listen')),
  lazyCommand('modem serve', 'serve GSM modems to other machines over an authenticated HTTP(S) API (the modembridge gateway)', from<typeof import('./commands/modem-serve')>('./commands/modem-serve', (m) => m.modemServeCommand)),
];
