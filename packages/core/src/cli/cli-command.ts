import type { Readable, Writable } from 'node:stream';

/** The process streams a command talks to; injected so tests run commands in-process. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Aborted on SIGINT/SIGTERM; long-running commands (servers, simulators) stop when it fires. */
  signal: AbortSignal;
  /** The process environment, handed in so commands never read `process.env` themselves. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * One `smsbridge` subcommand. `name` may have two words (`pdu decode`) to group related commands.
 * `run` receives the arguments after the name and resolves to the exit code (undefined = 0).
 * Throw `CliUsageError` for bad arguments (exit 2) and any other error for a failure (exit 1).
 */
export interface CliCommand {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text printed by `smsbridge <name> --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number | void>;
}
