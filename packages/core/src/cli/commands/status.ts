import { createVendorRegistry } from '../../vendors/registry';
import type { CliCommand } from '../cli-command';
import { CliUsageError } from '../cli-usage-error';
import { gatewayOptionSpecs, gatewayOptionsUsage, readGatewayConnection } from '../gateway-options';
import { GatewaySession } from '../gateway-session';
import { expectPositionals, parseCommandArgs } from '../parse-command-args';

const name = 'status';

export const statusCommand: CliCommand = {
  name,
  summary: 'ask a gateway for the delivery status of a sent message',
  usage: `Usage: smsbridge status --gateway <key> --url <base> [--username <name>] --id <messageId>

Prints one JSON object: state (queued, sent, delivered, failed, expired, unknown), messageId,
rawStatus (the vendor's own value), errorCode, at, gateway. Gateways whose reports are only
pushed cannot be asked (\`smsbridge describe\` says how statuses arrive).

  --id <messageId>       the messageId that send printed

${gatewayOptionsUsage}

Example:
  smsbridge status --gateway diafaan --url http://192.168.1.10:9710 --username u --id <messageId>

Exit codes: 0 done (whatever the state), 1 the gateway failed or cannot be asked (see above),
2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, { ...gatewayOptionSpecs, id: { type: 'string' } });
    expectPositionals(name, positionals, []);
    const registry = createVendorRegistry();
    const session = new GatewaySession(name, registry, await readGatewayConnection(name, values, io, registry));
    session.requireOperation('status');
    const id = values.id?.trim();
    if (!id) throw new CliUsageError('--id is required', name);
    const status = await session.run(['status'], (client) => client.status(id));
    session.print(io, status, values.pretty);
  },
};
