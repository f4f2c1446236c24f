import { systemClock, type Clock } from '@smsbridge/core';

/**
 * Sends of one config node at most `perMinute` messages a minute (one message per recipient),
 * started in the order they came: each send gets the next free slot when it arrives and starts
 * then, without waiting for the sends before it to finish. 0 means no limit: every send starts at
 * once. `waiting` (sends not started yet) is what the status shows.
 */
export class SendQueue {
  private nextSlot = 0;
  private pending = 0;
  private stopped = false;
  private readonly timers = new Set<unknown>();
  private readonly refusals = new Set<() => void>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock = systemClock,
  ) {}

  get waiting(): number {
    return this.pending;
  }

  /** Runs `task` once the rate allows `messages` more. */
  async run<T>(messages: number, task: () => Promise<T>): Promise<T> {
    if (this.stopped) throw closedError();
    const delay = this.slotDelay(messages);
    if (delay > 0) {
      this.pending += 1;
      try {
        await new Promise<void>((resolve, reject) => {
          const refuse = (): void => reject(closedError());
          const handle = this.clock.setTimeout(() => {
            this.timers.delete(handle);
            this.refusals.delete(refuse);
            resolve();
          }, delay);
          this.timers.add(handle);
          this.refusals.add(refuse);
        });
      } finally {
        this.pending -= 1;
      }
    }
    return task();
  }

  /** Refuses what is still waiting; what already started is not touched. */
  stop(): void {
    this.stopped = true;
    for (const handle of this.timers) this.clock.clearTimeout(handle);
    this.timers.clear();
    for (const refuse of this.refusals) refuse();
    this.refusals.clear();
  }

  private slotDelay(messages: number): number {
    if (this.perMinute <= 0) return 0;
    const now = this.clock.now();
    const start = Math.max(now, this.nextSlot);
    this.nextSlot = start + (messages * 60_000) / this.perMinute;
    return start - now;
  }
}

function closedError(): Error {
  return new Error('The gateway configuration was closed (redeploy or stop) before this message went out; it was not sent.');
}
