import { systemClock, type Clock } from '@smsbridge/core';

/** Sends of one config node that talk to the gateway at the same time, at most. */
export const DEFAULT_SENDS_IN_FLIGHT = 16;

/**
 * Sends of one config node: at most `perMinute` messages a minute (one message per recipient;
 * 0 = no limit) and at most `maxInFlight` talking to the gateway at once, started in the order
 * they came. Each send gets the next free rate slot when it arrives, so a slow answer does not
 * hold back the sends behind it beyond the in-flight bound. `waiting` (sends not started yet) is
 * what the status shows.
 */
export class SendQueue {
  private nextSlot = 0;
  private pending = 0;
  private inFlight = 0;
  private readonly turns: (() => void)[] = [];
  private stopped = false;
  private readonly timers = new Set<unknown>();
  private readonly refusals = new Set<() => void>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock = systemClock,
    private readonly maxInFlight = DEFAULT_SENDS_IN_FLIGHT,
  ) {}

  get waiting(): number {
    return this.pending;
  }

  /** Runs `task` once the rate allows `messages` more and fewer than `maxInFlight` sends are under way. */
  async run<T>(messages: number, task: () => Promise<T>): Promise<T> {
    if (this.stopped) throw closedError();
    const delay = this.slotDelay(messages);
    this.pending += 1;
    try {
      if (delay > 0) await this.wait(delay);
      if (this.inFlight >= this.maxInFlight) await this.nextTurn();
    } finally {
      this.pending -= 1;
    }
    if (this.stopped) throw closedError();
    this.inFlight += 1;
    try {
      return await task();
    } finally {
      this.inFlight -= 1;
      this.turns.shift()?.();
    }
  }

  private wait(delay: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const refuse = (): void => reject(closedError());
      const handle = this.clock.setTimeout(() => {
        this.timers.delete(handle);
        this.refusals.delete(refuse);
        resolve();
      }, delay);
      this.timers.add(handle);
      this.refusals.add(refuse);
    });
  }

  private nextTurn(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const refuse = (): void => reject(closedError());
      this.refusals.add(refuse);
      this.turns.push(() => {
        this.refusals.delete(refuse);
        resolve();
      });
    });
  }

  /** Refuses what is still waiting; what already started is not touched. */
  stop(): void {
    this.stopped = true;
    for (const handle of this.timers) this.clock.clearTimeout(handle);
    this.timers.clear();
    for (const refuse of this.refusals) refuse();
    this.refusals.clear();
    this.turns.length = 0;
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
