import { systemClock, type Clock } from '../clock/clock';
import { InvalidRequestError } from '../errors/gateway-errors';
import type { DeliveryStatus } from '../model/delivery-status';
import type { GatewayClient } from '../vendors/gateway-client';
import { isFinalState } from './final-state';

export interface WaitForFinalStatusOptions {
  /** Give up after this long and return the last status seen (default 5 minutes). */
  timeoutMs?: number;
  /** First wait between two queries (default 2 s); doubles each time up to `maxIntervalMs`. */
  initialIntervalMs?: number;
  /** Longest wait between two queries (default 60 s). */
  maxIntervalMs?: number;
  clock?: Clock;
  /** Stops waiting early (a node closing); the last status seen is returned. */
  signal?: AbortSignal;
}

/** The last status seen, and whether it is final or the wait ran out first. */
export interface FinalStatusWait {
  status: DeliveryStatus;
  final: boolean;
  queries: number;
}

/**
 * Queries a message's status until it is final (delivered, failed, expired) or the time is up,
 * waiting longer between queries each time so a gateway is not hammered. Errors of a query are
 * thrown as they are: the caller decides whether to wait again.
 */
export async function waitForFinalStatus(client: GatewayClient, messageId: string, options: WaitForFinalStatusOptions = {}): Promise<FinalStatusWait> {
  const status = client.status?.bind(client);
  if (!status) throw new InvalidRequestError(`The ${client.gateway} gateway cannot be asked for a message's status; its reports arrive by push.`, { details: { gateway: client.gateway } });
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const maxIntervalMs = options.maxIntervalMs ?? 60_000;
  const deadline = clock.now() + timeoutMs;
  let interval = Math.min(options.initialIntervalMs ?? 2_000, maxIntervalMs);
  let queries = 0;
  for (;;) {
    const current = await status(messageId);
    queries += 1;
    if (isFinalState(current.state)) return { status: current, final: true, queries };
    const left = deadline - clock.now();
    if (left <= 0 || options.signal?.aborted) return { status: current, final: false, queries };
    const stopped = await sleep(clock, Math.min(interval, left), options.signal);
    if (stopped) return { status: current, final: false, queries };
    interval = Math.min(interval * 2, maxIntervalMs);
  }
}

/** Resolves true when the signal stopped the wait. */
function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clock.clearTimeout(handle);
      resolve(true);
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(false);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
