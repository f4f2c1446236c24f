import { systemClock, type Clock } from '../../clock/clock';
import { startClockTimer } from '../../clock/clock-timer';
import { SmsBridgeError } from '../../errors/smsbridge-error';

export interface SendRetryPolicyOptions {
  /** Attempts including the first (default 3). */
  maxAttempts?: number;
  /** Delay before the second attempt (default 500 ms); doubles each time up to `maxDelayMs`. */
  initialDelayMs?: number;
  /**
   * The caller's budget for one wait (default 10 s). A gateway's `Retry-After` is honoured as
   * given; one longer than this is not slept through: the error is thrown at once with its
   * `retryAfterMs`, so the host can schedule the retry itself.
   */
  maxDelayMs?: number;
  clock?: Clock;
  /** Extra veto, e.g. a vendor rule ("never resubmit on 1715"); runs only for retryable errors. */
  shouldRetry?: (error: SmsBridgeError, attempt: number) => boolean;
}

/**
 * Repeats an operation only when its error says that is safe (`retryable`: the request provably
 * never reached the gateway, or the vendor documents a retry), a bounded number of times, waiting
 * through the Clock between attempts — never re-sending a message the gateway may have accepted.
 */
export class SendRetryPolicy {
  private readonly maxAttempts: number;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly clock: Clock;
  private readonly shouldRetry: SendRetryPolicyOptions['shouldRetry'];

  constructor(options: SendRetryPolicyOptions = {}) {
    this.maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
    this.initialDelayMs = options.initialDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.clock = options.clock ?? systemClock;
    this.shouldRetry = options.shouldRetry;
  }

  /** Runs `operation(attempt)` (attempt counts from 1) and returns its result or throws its last error. */
  async run<T>(operation: (attempt: number) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await operation(attempt);
      } catch (error) {
        if (!this.mayRetry(error, attempt)) throw error;
        const delay = this.delayBefore(attempt + 1, error as SmsBridgeError);
        if (delay > this.maxDelayMs) throw error;
        await this.wait(delay);
      }
    }
  }

  private mayRetry(error: unknown, attempt: number): boolean {
    if (attempt >= this.maxAttempts) return false;
    if (!(error instanceof SmsBridgeError) || !error.retryable) return false;
    return this.shouldRetry ? this.shouldRetry(error, attempt) : true;
  }

  /** The gateway's own `Retry-After` when it gave one (as given), else exponential backoff. */
  private delayBefore(attempt: number, error: SmsBridgeError): number {
    if (error.retryAfterMs !== undefined && error.retryAfterMs >= 0) return error.retryAfterMs;
    return Math.min(this.initialDelayMs * 2 ** (attempt - 2), this.maxDelayMs);
  }

  /** `maxDelayMs` is the caller's and may exceed what one Node timer holds. */
  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      startClockTimer(this.clock, ms, resolve);
    });
  }
}

/** The policy a client's `retry` option asks for: retries are on unless it is `false`. */
export function sendRetryPolicyFor(retry: SendRetryPolicyOptions | false | undefined, clock: Clock): SendRetryPolicy | undefined {
  return retry === false ? undefined : new SendRetryPolicy({ clock, ...retry });
}
