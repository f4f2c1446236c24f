import type { GatewayKey } from '../../vendors/gateway-client';
import { createVendorRegistry } from '../../vendors/registry';
import { SIMULATED_GATEWAYS } from '../../testing/simulator-catalog';
import { startSimulators } from '../../testing/start-simulators';
import type { CliCommand } from '../cli-command';
import { CliUsageError } from '../cli-usage-error';
import { parseCommandArgs } from '../parse-command-args';

const name = 'simulate';

export const simulateCommand: CliCommand = {
  name,
  summary: 'run gateway simulators on 127.0.0.1 until Ctrl-C',
  usage: `Usage: smsbridge simulate [--gateway <key>]... [options]

Starts fake gateways that speak each vendor's HTTP API, one port each, and prints one JSON
document {"simulators": [{"gateway", "baseUrl", "credentials", "notes"}]}. Runs until SIGINT/SIGTERM.

  --gateway <key>     a gateway to simulate (repeatable or comma separated); default: all
                      known gateways (diafaan, routesms, spangw, jasmin, dinstar)
  --host <address>    address to listen on (default 127.0.0.1)
  --default-ports     listen on each product's usual port (e.g. 9710 for Diafaan) instead of a free one

Example:
  smsbridge simulate --gateway jasmin,dinstar

Exit codes: 0 stopped by Ctrl-C or SIGTERM, 1 a simulator could not start (e.g. a busy port),
2 bad command line.
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(name, args, {
      gateway: { type: 'string', multiple: true },
      host: { type: 'string' },
      'default-ports': { type: 'boolean' },
    });
    if (positionals.length > 0) throw new CliUsageError(`unexpected argument '${positionals[0]}'`, name);
    const registry = createVendorRegistry();
    const keys = (values.gateway ?? []).flatMap((value) => value.split(',')).map((key) => key.trim()).filter((key) => key !== '');
    for (const key of keys) {
      if (!SIMULATED_GATEWAYS.includes(key as GatewayKey)) throw new CliUsageError(`no simulator for '${key}': use one of ${SIMULATED_GATEWAYS.join(', ')}`, name);
    }
    const chosen = keys.length > 0 ? (keys as GatewayKey[]) : SIMULATED_GATEWAYS;
    const perGateway: Partial<Record<GatewayKey, { port?: number }>> = {};
    if (values['default-ports']) {
      for (const key of chosen) perGateway[key] = { port: registry.get(key).describe.defaultPort };
    }
    if (io.signal.aborted) return 0;
    const simulators = await startSimulators(chosen, { common: { host: values.host ?? '127.0.0.1' }, perGateway });
    try {
      io.stdout.write(`${JSON.stringify({ simulators: simulators.describe() }, null, 2)}\n`);
      await new Promise<void>((resolve) => {
        if (io.signal.aborted) resolve();
        else io.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      await simulators.stop();
    }
    return 0;
  },
};
