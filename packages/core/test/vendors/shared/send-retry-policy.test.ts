import { GatewayMalformedResponseError, GatewayRateLimitedError, GatewayUnreachableError, InvalidRequestError } from '../../../src/errors';
import { MAX_TIMER_DELAY_MS } from '../../../src/clock';
import { SendRetryPolicy } from '../../../src/vendors/shared';

/** A clock whose timers run on the next turn and record the delays asked for. */
function recordingClock() {
  const delays: number[] = [];
  return {
    delays,
    clock: { now: () => 0, setTimeout: (fn: () => void, ms: number) => (delays.push(ms), setImmediate(fn)), clearTimeout: () => undefined },
  };
}

describe('SendRetryPolicy', () => {
  it('retries retryable errors with exponential backoff up to the attempt limit', async () => {
    const { clock, delays } = recordingClock();
    const policy = new SendRetryPolicy({ maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 250, clock });
    const attempts: number[] = [];
    await expect(
      policy.run(async (attempt) => {
        attempts.push(attempt);
        throw new GatewayUnreachableError('down');
      }),
    ).rejects.toBeInstanceOf(GatewayUnreachableError);
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(delays).toEqual([100, 200, 250]);
  });

  it('returns the first success', async () => {
    const { clock } = recordingClock();
    let calls = 0;
    const value = await new SendRetryPolicy({ clock }).run(async () => {
      calls += 1;
      if (calls < 2) throw new GatewayUnreachableError('down');
      return 'ok';
    });
    expect([value, calls]).toEqual(['ok', 2]);
  });

  it('never retries an error that is not retryable (the gateway may have acted)', async () => {
    const { clock } = recordingClock();
    let calls = 0;
    await expect(
      new SendRetryPolicy({ maxAttempts: 5, clock }).run(async () => {
        calls += 1;
        throw new GatewayMalformedResponseError('cut', { retryable: false });
      }),
    ).rejects.toBeInstanceOf(GatewayMalformedResponseError);
    await expect(new SendRetryPolicy({ clock }).run(async () => Promise.reject(new InvalidRequestError('bad')))).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(new SendRetryPolicy({ clock }).run(async () => Promise.reject(new TypeError('bug')))).rejects.toBeInstanceOf(TypeError);
    expect(calls).toBe(1);
  });

  it('waits a delay longer than one Node timer holds in pieces, not at once', async () => {
    const { clock, delays } = recordingClock();
    const fortyDaysMs = 40 * 24 * 60 * 60 * 1000;
    const policy = new SendRetryPolicy({ maxAttempts: 2, initialDelayMs: fortyDaysMs, maxDelayMs: fortyDaysMs, clock });
    await expect(
      policy.run(async () => {
        throw new GatewayUnreachableError('down');
      }),
    ).rejects.toBeInstanceOf(GatewayUnreachableError);
    expect(delays.length).toBeGreaterThan(1);
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
    expect(delays.reduce((sum, ms) => sum + ms, 0)).toBe(fortyDaysMs);
  });

  it('honours Retry-After and a vendor veto', async () => {
    const { clock, delays } = recordingClock();
    let calls = 0;
    await new SendRetryPolicy({ clock, maxDelayMs: 60_000 }).run(async () => {
      calls += 1;
      if (calls === 1) throw new GatewayRateLimitedError('slow down', { details: { retryAfterMs: 3_000 } });
      return 'ok';
    });
    expect(delays).toEqual([3_000]);
    const vetoed = new SendRetryPolicy({ clock, shouldRetry: (error) => error.details['vendorCode'] !== 1715 });
    let vetoCalls = 0;
    await expect(
      vetoed.run(async () => {
        vetoCalls += 1;
        throw new GatewayUnreachableError('x', { details: { vendorCode: 1715 } });
      }),
    ).rejects.toBeInstanceOf(GatewayUnreachableError);
    expect(vetoCalls).toBe(1);
  });
});
