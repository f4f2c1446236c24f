import { SmsBridgeError } from '../errors';

/** The command line itself is wrong (unknown command or option, missing argument); the CLI exits with 2. */
export class CliUsageError extends SmsBridgeError {
  override name = 'CliUsageError';
  /** The command whose usage the hint should point at, when known. */
  readonly commandName: string | undefined;

  constructor(message: string, commandName?: string, cause?: unknown) {
    super('SMSB_CLI_USAGE', message, { retryable: false, details: commandName ? { command: commandName } : {}, cause });
    this.commandName = commandName;
  }
}
