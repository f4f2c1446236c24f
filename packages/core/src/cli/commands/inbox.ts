import { createVendorRegistry } from '../../vendors/registry';
import type { CliCommand } from '../cli-command';
import { gatewayOptionSpecs, gatewayOptionsUsage, readGatewayConnection } from '../gateway-options';
import { GatewaySession } from '../gateway-session';
import { expectPositionals, parseCommandArgs } from '../parse-command-args';

const name = 'inbox';

export const inboxCommand: CliCommand = {
  name,
  summary: 'fetch the SMS a gateway received since the last cursor',
  usage: `Usage: smsbridge inbox --gateway <key> --url <base> [--username <name>] [--cursor <c>] [--ack]

Prints one JSON object {"messages": [...], "cursor": "..."}: each message has id, from, to,
text, receivedAt, port, gateway. Pass the printed cursor to the next call to get only newer
messages (some gateways delete what they hand out; see the vendor notes).

  --cursor <c>           the cursor an earlier inbox call printed
  --ack                  acknowledge the messages after reading them, for gateways that need it

${gatewayOptionsUsage}

Example:
  smsbridge inbox --gateway dinstar --url https://192.168.1.100 --insecure --username admin --cursor <cursor printed last time>

Exit codes: 0 done, 1 the gateway failed (unreachable, wrong account, refused; the message says
which), 2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, {
      ...gatewayOptionSpecs,
      cursor: { type: 'string' },
      ack: { type: 'boolean' },
    });
    expectPositionals(name, positionals, []);
    const registry = createVendorRegistry();
    const session = new GatewaySession(name, registry, await readGatewayConnection(name, values, io, registry));
    const cursor = values.cursor === undefined || values.cursor === '' ? undefined : values.cursor;
    const page = values.ack
      ? await session.run(['inbox', 'acknowledge'], async (client) => {
          const read = await client.inbox(cursor);
          if (read.messages.length > 0) await client.acknowledge(read.messages);
          return read;
        })
      : await session.run(['inbox'], (client) => client.inbox(cursor));
    session.print(io, { messages: page.messages, cursor: page.cursor }, values.pretty);
  },
};
