import { SmsBridgeError } from '../../errors';

/** A demo step ended other than the walk-through expects (e.g. a simulator took a wrong password). */
export class DemoOutcomeError extends SmsBridgeError {
  override name = 'DemoOutcomeError';

  constructor(message: string, details: Record<string, unknown> = {}) {
    super('SMSB_DEMO_OUTCOME', message, { retryable: false, details });
  }
}
