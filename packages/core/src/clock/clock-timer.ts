import type { Clock } from './clock';

/**
 * The longest delay Node's timers hold (2^31−1 ms, about 24.8 days); a longer one fires after
 * 1 ms with a TimeoutOverflowWarning.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** A pending {@link startClockTimer}. */
export interface ClockTimer {
  /** Stops the timer; `run` will not be called. Safe to call more than once or after it fired. */
  cancel(): void;
}

/**
 * Calls `run` once after `ms` on the Clock, however far ahead that is: the wait is armed in chunks
 * of at most {@link MAX_TIMER_DELAY_MS}, so a message scheduled weeks ahead does not go out at once.
 */
export function startClockTimer(clock: Clock, ms: number, run: () => void): ClockTimer {
  let remaining = Number.isNaN(ms) ? 0 : Math.max(0, ms);
  let handle: unknown;
  let active = true;
  const arm = (): void => {
    const chunk = Math.min(remaining, MAX_TIMER_DELAY_MS);
    remaining -= chunk;
    handle = clock.setTimeout(() => {
      if (!active) return;
      if (remaining > 0) {
        arm();
        return;
      }
      active = false;
      run();
    }, chunk);
  };
  arm();
  return {
    cancel() {
      if (!active) return;
      active = false;
      clock.clearTimeout(handle);
    },
  };
}
