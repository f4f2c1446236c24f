import type { Clock } from '../clock/clock';

/** Node fires a timer whose delay exceeds this after 1 ms (TimeoutOverflowWarning). */
const NODE_TIMER_LIMIT_MS = 2 ** 31 - 1;

/**
 * A Clock that only moves when the test says so. A delay beyond 2^31−1 ms fires after 1 ms, as in
 * Node, so code that relies on a longer timer fails here too.
 */
export class ManualClock implements Clock {
  private time: number;
  private nextHandle = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  constructor(start = Date.UTC(2026, 0, 15, 10, 30, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    const delay = ms > NODE_TIMER_LIMIT_MS ? 1 : Math.max(0, ms);
    this.timers.set(handle, { at: this.time + delay, fn });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time forward, firing due timers in time order (bounded, so a runaway loop fails loudly). */
  advance(ms: number): void {
    const target = this.time + ms;
    for (let guard = 0; guard < 10_000; guard += 1) {
      const due = [...this.timers.entries()].filter(([, timer]) => timer.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = target;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}
