import type { CliCommand } from './cli-command';

/**
 * A command whose module loads only when it runs or shows its usage, so `smsbridge --help` and a
 * codec command do not load the gateway clients, undici, serialport and the simulators.
 * `summary` is the one `--help` lists; a test holds it equal to the module's own.
 */
export function lazyCommand(name: string, summary: string, load: () => CliCommand): CliCommand {
  let loaded: CliCommand | undefined;
  const command = (): CliCommand => (loaded ??= load());
  return {
    name,
    summary,
    get usage() {
      return command().usage;
    },
    run: (args, io) => command().run(args, io),
  };
}
