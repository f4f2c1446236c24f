import { SmsBridgeError } from '../errors';

/** The reader of our output went away (closed pipe) before everything was written. */
export class CliOutputClosedError extends SmsBridgeError {
  override name = 'CliOutputClosedError';

  constructor(cause?: unknown) {
    super('SMSB_CLI_OUTPUT_CLOSED', 'output closed before all lines were written', { retryable: false, cause });
  }
}
