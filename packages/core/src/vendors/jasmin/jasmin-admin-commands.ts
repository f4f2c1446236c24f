import { InvalidRequestError } from '../../errors';
import type { AdminCommandResult } from '../../model';
import type { AdminCommandDescriptor } from '../contract/field-descriptor';
import type { JasminApi } from './jasmin-api';

/** Jasmin's read-only commands, as a host offers them. */
export const JASMIN_ADMIN_COMMANDS: readonly AdminCommandDescriptor[] = [
  {
    name: 'balance',
    displayName: 'Balance',
    description: 'The Jasmin user\'s balance and SMS quota (GET /secure/balance); "not defined" means unlimited.',
    changesState: false,
    args: [],
  },
  {
    name: 'rate',
    displayName: 'Rate',
    description: 'What a text to a number would cost and in how many parts, without sending it (GET /secure/rate).',
    changesState: false,
    args: [
      { name: 'to', displayName: 'To', type: 'string', required: true, description: 'The destination number, in international form such as +447700900123.' },
      { name: 'text', displayName: 'Text', type: 'string', required: true, description: 'The text whose price and parts to ask for.' },
    ],
  },
  {
    name: 'ping',
    displayName: 'Ping',
    description: 'Whether Jasmin\'s HTTP API answers (GET /ping, no credentials needed): ok when it says PONG.',
    changesState: false,
    args: [],
  },
];

/** Runs one command of the table; `args` are already read by its descriptors, `to` already in Jasmin's digits. */
export async function runJasminAdminCommand(api: JasminApi, command: string, args: Record<string, unknown>): Promise<AdminCommandResult> {
  switch (command) {
    case 'balance':
      return { command, ok: true, gateway: 'jasmin', data: { ...(await api.balance()) } };
    case 'rate': {
      if (typeof args.to !== 'string' || typeof args.text !== 'string') {
        throw new InvalidRequestError('The rate command needs "to" and "text"', { details: { gateway: 'jasmin', command } });
      }
      return { command, ok: true, gateway: 'jasmin', data: { ...(await api.rate({ to: args.to, text: args.text })) } };
    }
    case 'ping': {
      const answer = await api.ping();
      return { command, ok: /PONG/i.test(answer), gateway: 'jasmin', data: { answer } };
    }
    default:
      throw new InvalidRequestError(`Jasmin has no "${command}" command: use ${JASMIN_ADMIN_COMMANDS.map((entry) => entry.name).join(', ')}`, {
        details: { gateway: 'jasmin', command },
      });
  }
}
