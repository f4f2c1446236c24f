import { createVendorRegistry } from '../../vendors/registry';
import type { CliCommand } from '../cli-command';
import { CliUsageError } from '../cli-usage-error';
import { gatewayOptionSpecs, gatewayOptionsUsage, readGatewayConnection } from '../gateway-options';
import { GatewaySession } from '../gateway-session';
import { parseKeyValueOptions } from '../key-value-options';
import { expectPositionals, parseCommandArgs } from '../parse-command-args';

const name = 'admin';

export const adminCommand: CliCommand = {
  name,
  summary: 'run an administrative command on a gateway (server status, balance, port info …)',
  usage: `Usage: smsbridge admin --gateway <key> --url <base> [--username <name>] --command <name> [--arg key=value …]

Prints one JSON object: command, ok, data (shaped per command), gateway.

  --command <name>       the command; \`smsbridge describe --gateway <key>\` lists each gateway's
                         commands, what they do, whether they change the gateway, and their arguments
  --arg key=value        an argument of the command (repeatable), read by its description
                         ("5" is a number where a number is due); key:=json for lists, e.g. ports:=[1,2]

${gatewayOptionsUsage}

Example:
  smsbridge admin --gateway jasmin --url http://127.0.0.1:8080 --username u --command balance

Exit codes: 0 done, 1 the gateway failed (unreachable, wrong account, refused; the message says
which), 2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, {
      ...gatewayOptionSpecs,
      command: { type: 'string' },
      arg: { type: 'string', multiple: true },
    });
    expectPositionals(name, positionals, []);
    const registry = createVendorRegistry();
    const session = new GatewaySession(name, registry, await readGatewayConnection(name, values, io, registry));
    session.requireOperation('admin');
    const command = values.command?.trim();
    if (!command) throw new CliUsageError('--command is required', name);
    const commandArgs = parseKeyValueOptions(name, 'arg', values.arg);
    const result = await session.run(['admin'], (client) => client.admin(command, commandArgs));
    session.print(io, result, values.pretty);
  },
};
