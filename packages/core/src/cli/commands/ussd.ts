import type { UssdRequest } from '../../vendors/gateway-client';
import { createVendorRegistry } from '../../vendors/registry';
import type { CliCommand } from '../cli-command';
import { CliUsageError } from '../cli-usage-error';
import { gatewayOptionSpecs, gatewayOptionsUsage, readGatewayConnection } from '../gateway-options';
import { GatewaySession } from '../gateway-session';
import { expectPositionals, parseCommandArgs } from '../parse-command-args';

const name = 'ussd';

export const ussdCommand: CliCommand = {
  name,
  summary: 'send a USSD code (*100#) through a gateway and print the reply',
  usage: `Usage: smsbridge ussd --gateway <key> --url <base> [--username <name>] --code <code> [--port <p>]

Prints one JSON object: code, reply, awaitingInput, state (replied, pending, ended, failed),
port, gateway. Some gateways answer later (diafaan: the reply arrives in the inbox), so the
state may be pending.

  --code <code>          the USSD code, e.g. *100#
  --port <p>             gateway port, span or gateway name to use (default: the gateway's choice)

${gatewayOptionsUsage}

Example:
  smsbridge ussd --gateway dinstar --url https://192.168.1.100 --insecure --username admin --code '*100#' --port 1

Exit codes: 0 done, 1 the gateway failed (unreachable, wrong account, refused; the message says
which), 2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, {
      ...gatewayOptionSpecs,
      code: { type: 'string' },
      port: { type: 'string' },
    });
    expectPositionals(name, positionals, []);
    const registry = createVendorRegistry();
    const session = new GatewaySession(name, registry, await readGatewayConnection(name, values, io, registry));
    session.requireOperation('ussd');
    const code = values.code?.trim();
    if (!code) throw new CliUsageError('--code is required', name);
    const request: UssdRequest = { code };
    const port = values.port?.trim();
    // Port numbers go as numbers (dinstar ports); names such as a Diafaan gateway stay text.
    if (port) request.port = /^\d+$/.test(port) ? Number(port) : port;
    const exchange = await session.run(['ussd'], (client) => client.ussd(request));
    session.print(io, exchange, values.pretty);
  },
};
