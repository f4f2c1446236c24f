import type { CliCommand } from './cli-command';
import { demoCommand } from './commands/demo';
import { demoCodecCommand } from './commands/demo-codec';
import { modemCommands } from './commands/modem';
import { modemSimCommand } from './commands/modem-sim';
import { pduDecodeCommand } from './commands/pdu-decode';
import { pduEncodeCommand } from './commands/pdu-encode';
import { segmentsCommand } from './commands/segments';
import { simulateCommand } from './commands/simulate';
import { sendCommand } from './commands/send';
import { statusCommand } from './commands/status';
import { inboxCommand } from './commands/inbox';
import { ussdCommand } from './commands/ussd';
import { adminCommand } from './commands/admin';

/** Every `smsbridge` subcommand, in the order `--help` lists them. Adding one = one file + one line here. */
export const cliCommands: readonly CliCommand[] = [
  pduDecodeCommand,
  pduEncodeCommand,
  segmentsCommand,
  demoCommand,
  demoCodecCommand,
  sendCommand,
  statusCommand,
  inboxCommand,
  ussdCommand,
  adminCommand,
  simulateCommand,
  modemSimCommand,
  ...modemCommands,
];
