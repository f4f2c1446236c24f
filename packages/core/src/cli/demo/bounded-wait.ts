import type { Clock } from '../../clock/clock';
import { DemoTimeoutError } from './demo-timeout-error';

/** Resolves as `work` does, or rejects with {@link DemoTimeoutError} naming `what` after `timeoutMs`. */
export function withinDeadline<T>(work: Promise<T>, what: string, timeoutMs: number, clock: Clock): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(new DemoTimeoutError(what, timeoutMs)), timeoutMs);
    work.then(
      (value) => {
        clock.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clock.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export interface PollOptions {
  what: string;
  intervalMs: number;
  timeoutMs: number;
  clock: Clock;
}

/**
 * Calls `read` every `intervalMs` until `done` holds for its answer, and returns every answer
 * seen (the last one satisfies `done`); {@link DemoTimeoutError} after `timeoutMs`.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, options: PollOptions): Promise<T[]> {
  const deadline = options.clock.now() + options.timeoutMs;
  const seen: T[] = [];
  for (;;) {
    const value = await read();
    seen.push(value);
    if (done(value)) return seen;
    if (options.clock.now() + options.intervalMs > deadline) throw new DemoTimeoutError(options.what, options.timeoutMs);
    await new Promise<void>((resolve) => options.clock.setTimeout(resolve, options.intervalMs));
  }
}
