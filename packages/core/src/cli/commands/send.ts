import { readSendRequest } from '../../vendors/contract/send-request-fields';
import { createVendorRegistry } from '../../vendors/registry';
import type { CliCommand } from '../cli-command';
import { CliUsageError } from '../cli-usage-error';
import { gatewayOptionSpecs, gatewayOptionsUsage, readGatewayConnection } from '../gateway-options';
import { GatewaySession } from '../gateway-session';
import { parseKeyValueOptions } from '../key-value-options';
import { expectPositionals, parseCommandArgs } from '../parse-command-args';

const name = 'send';

export const sendCommand: CliCommand = {
  name,
  summary: 'send an SMS through a gateway',
  usage: `Usage: smsbridge send --gateway <key> --url <base> [--username <name>] --to <number>[,<number>…] --text <text> [options]

Prints a JSON array with one result per recipient: to, accepted, messageId, parts, encoding,
state, errorCode/errorMessage when refused. Exits 1 when any recipient was not accepted.

  --to <numbers>         recipients, comma separated (repeatable)
  --text <text>          message text
  --from <sender>        sender id or number, where the gateway allows one
  --encoding <enc>       auto (default), gsm7 or ucs2
  --flash                class 0 ("flash") message
  --status-report        ask for a delivery report
  --validity <minutes>   validity period
  --schedule <time>      send later, ISO 8601 with offset (2026-05-01T09:00:00+02:00)
  --best-effort          leave out what the gateway cannot honour (flash, schedule …) instead of refusing
  --param key=value      a send option of the gateway (repeatable), as \`smsbridge describe\` lists them;
                         key:=json for lists, e.g. ports:=[1,2]

${gatewayOptionsUsage}

Example (password from the environment):
  SMSBRIDGE_PASSWORD=… smsbridge send --gateway jasmin --url http://127.0.0.1:8080 --username u \\
    --to +447700900123 --text "Hello" --status-report

Exit codes: 0 every recipient accepted, 1 a recipient not accepted or the gateway failed,
2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, {
      ...gatewayOptionSpecs,
      to: { type: 'string', multiple: true },
      text: { type: 'string' },
      from: { type: 'string' },
      encoding: { type: 'string' },
      flash: { type: 'boolean' },
      'status-report': { type: 'boolean' },
      validity: { type: 'string' },
      schedule: { type: 'string' },
      param: { type: 'string', multiple: true },
      'best-effort': { type: 'boolean' },
    });
    expectPositionals(name, positionals, []);
    const registry = createVendorRegistry();
    const session = new GatewaySession(name, registry, await readGatewayConnection(name, values, io, registry));

    if (values.to === undefined) throw new CliUsageError('--to is required', name);
    if (values.text === undefined) throw new CliUsageError('--text is required', name);
    const request = readSendRequest(
      {
        to: values.to.join(','),
        text: values.text,
        from: values.from,
        encoding: values.encoding,
        flash: values.flash,
        statusReport: values['status-report'],
        validityMinutes: values.validity,
        scheduleAt: values.schedule,
        bestEffort: values['best-effort'],
      },
      parseKeyValueOptions(name, 'param', values.param),
    );

    const results = await session.run(['send'], (client) => client.send(request));
    session.print(io, results, values.pretty);
    return results.every((result) => result.accepted) ? 0 : 1;
  },
};
