import { systemClock, type Clock } from '@smsbridge/core';

/**
 * Sends of one config node in the order they came, at most `perMinute` messages a minute (one
 * message per recipient); 0 means no limit. `waiting` is what the status shows.
 */
export class SendQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private nextSlot = 0;
  private pending = 0;
  private stopped = false;

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock = systemClock,
  ) {}

  get waiting(): number {
    return this.pending;
  }

  /** Runs `task` once the messages before it went and the rate allows `messages` more. */
  run<T>(messages: number, task: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const turn = this.tail.then(async () => {
      if (this.stopped) throw new Error('The gateway configuration was closed (redeploy or stop) before this message went out; it was not sent.');
      await this.waitForSlot(messages);
      return task();
    });
    const settled = turn.finally(() => {
      this.pending -= 1;
    });
    this.tail = settled.catch(() => undefined);
    return settled;
  }

  /** Refuses what is still waiting; what already went is not touched. */
  stop(): void {
    this.stopped = true;
  }

  private waitForSlot(messages: number): Promise<void> {
    if (this.perMinute <= 0) return Promise.resolve();
    const now = this.clock.now();
    const start = Math.max(now, this.nextSlot);
    this.nextSlot = start + (messages * 60_000) / this.perMinute;
    const delay = start - now;
    if (delay <= 0) return Promise.resolve();
    return new Promise((resolve) => this.clock.setTimeout(resolve, delay));
  }
}
