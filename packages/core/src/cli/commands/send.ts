import type { SendRequest } from '../../model/send-request';
import { createVendorRegistry } from '../../vendors/registry';
import type { CliCommand } from '../cli-command';
import { CliUsageError } from '../cli-usage-error';
import { gatewayOptionSpecs, gatewayOptionsUsage, readGatewayConnection } from '../gateway-options';
import { GatewaySession } from '../gateway-session';
import { parseKeyValueOptions } from '../key-value-options';
import { expectPositionals, parseChoiceOption, parseCommandArgs, parseIntegerOption } from '../parse-command-args';

const name = 'send';

export const sendCommand: CliCommand = {
  name,
  summary: 'send an SMS through a gateway (diafaan, routesms, spangw, jasmin, dinstar)',
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
  --param key=value      per-message vendor parameter (repeatable), e.g. entityid=… (routesms),
                         messageType=sms.text (diafaan); key:=json for numbers and lists,
                         e.g. ports:=[1,2] (dinstar), spans:=[3] (spangw), priority:=3 (diafaan)

${gatewayOptionsUsage}
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
    });
    expectPositionals(name, positionals, []);
    const registry = createVendorRegistry();
    const session = new GatewaySession(name, registry, await readGatewayConnection(name, values, io, registry));

    const to = (values.to ?? []).flatMap((list) => list.split(',')).map((number) => number.trim()).filter((number) => number !== '');
    if (to.length === 0) throw new CliUsageError('--to is required', name);
    if (values.text === undefined) throw new CliUsageError('--text is required', name);
    const request: SendRequest = { to, text: values.text };
    if (values.from !== undefined) request.from = values.from;
    if (values.encoding !== undefined) request.encoding = parseChoiceOption(name, 'encoding', values.encoding, ['auto', 'gsm7', 'ucs2'] as const);
    if (values.flash) request.flash = true;
    if (values['status-report']) request.statusReport = true;
    if (values.validity !== undefined) request.validityMinutes = parseIntegerOption(name, 'validity', values.validity, 1, 525_600);
    if (values.schedule !== undefined) request.scheduleAt = parseScheduleTime(values.schedule);
    const vendorOptions = parseKeyValueOptions(name, 'param', values.param);
    if (Object.keys(vendorOptions).length > 0) request.vendorOptions = vendorOptions;

    const results = await session.run(['send'], (client) => client.send(request));
    session.print(io, results, values.pretty);
    return results.every((result) => result.accepted) ? 0 : 1;
  },
};

function parseScheduleTime(value: string): Date {
  // A date without an offset would silently mean this machine's zone, not the gateway's.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) {
    throw new CliUsageError(`--schedule must be ISO 8601 with an offset, e.g. 2026-05-01T09:00:00+02:00, got '${value}'`, name);
  }
  const at = new Date(value.trim());
  if (Number.isNaN(at.getTime())) throw new CliUsageError(`--schedule is not a real time: '${value}'`, name);
  return at;
}
