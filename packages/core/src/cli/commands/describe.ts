import type { FieldDescriptor } from '../../vendors/contract/field-descriptor';
import { createVendorRegistry } from '../../vendors/registry';
import type { VendorEntry } from '../../vendors/vendor-entry';
import type { CliCommand } from '../cli-command';
import { CliUsageError } from '../cli-usage-error';
import { expectPositionals, parseCommandArgs } from '../parse-command-args';

const name = 'describe';

/** A descriptor as JSON: everything but what only the reader uses. */
function fieldJson(field: FieldDescriptor): Record<string, unknown> {
  return Object.fromEntries(Object.entries(field).filter(([, value]) => value !== undefined));
}

function entryJson(entry: VendorEntry): Record<string, unknown> {
  return {
    ...entry.describe,
    capabilities: entry.capabilities,
    connection: entry.connection.map(fieldJson),
    sendOptions: entry.sendOptions.map(fieldJson),
    adminCommands: entry.adminCommands.map((command) => ({ ...command, args: command.args.map(fieldJson) })),
    push: entry.push ? { carries: entry.push.carries, methods: entry.push.methods, setup: entry.push.setup.how, instructions: entry.push.setup.instructions('<your URL>') } : undefined,
  };
}

export const describeCommand: CliCommand = {
  name,
  summary: 'what a gateway offers: operations, connection settings, send options, admin commands, push',
  usage: `Usage: smsbridge describe [--gateway <key>] [--pretty]

Prints, as JSON, what the registry knows of every gateway (or of one): its operations, how
statuses and received SMS arrive, the send fields it honours, its connection settings
(\`--option\` of the gateway commands), its send options (\`send --param\`), its admin commands
and their arguments (\`admin --command … --arg\`), and how push is set up.

  --gateway <key>        one gateway only (diafaan, routesms, jasmin, spangw, dinstar or modem)
  --pretty               indent the JSON output

Example:
  smsbridge describe --gateway dinstar --pretty

Exit codes: 0 done, 2 bad command line or unknown gateway.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, { gateway: { type: 'string' }, pretty: { type: 'boolean' } });
    expectPositionals(name, positionals, []);
    const registry = createVendorRegistry();
    const key = values.gateway?.trim();
    if (key !== undefined && !registry.has(key)) throw new CliUsageError(`unknown gateway '${key}': use one of ${registry.keys().join(', ')}`, name);
    const entries = key === undefined ? registry.list() : [registry.get(key)];
    const described = entries.map(entryJson);
    io.stdout.write(`${JSON.stringify(key === undefined ? described : described[0], null, values.pretty ? 2 : undefined)}\n`);
  },
};
