import { SmsBridgeError } from '../../errors';

/** A demo step did not finish in time: the simulators or the virtual modem stopped answering. */
export class DemoTimeoutError extends SmsBridgeError {
  override name = 'DemoTimeoutError';

  constructor(what: string, timeoutMs: number) {
    super('SMSB_DEMO_TIMEOUT', `the demo gave up after ${timeoutMs / 1000} s waiting for ${what}`, {
      retryable: true,
      details: { waitingFor: what, timeoutMs },
    });
  }
}
