import type { Clock } from '../clock/clock';

/** Waits `ms` on the injected clock. */
export function delay(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}
