import {
  DEFAULT_BATCH_RECIPIENTS,
  MemoryJournalStore,
  SendBatch,
  StoreSendJournal,
  systemClock,
  type Clock,
  type SendOptions,
  type SendRequest,
  type SendResult,
} from '@smsbridge/core';

/** Sends of one config node that talk to the gateway at the same time, at most. */
export const DEFAULT_SENDS_IN_FLIGHT = 16;

/** How a queued request goes out: the shared client's `send`. */
export type SendFunction = (request: SendRequest, options?: SendOptions) => Promise<SendResult[]>;

/**
 * Sends named by an idempotency key (`msg.idempotencyKey`), remembered in this process until
 * Node-RED restarts: a message sent again under the same name goes only to recipients that never
 * got it, and the others get their first results back.
 */
const namedSends = new MemoryJournalStore();

interface QueuedSend {
  request: SendRequest;
  send: SendFunction;
  /** Told when the request is handed to the gateway, with how many recipients go in that request. */
  started?: (recipients: number) => void;
  /** The send's name in the journal (the sending node and its idempotency key), if it has one. */
  name?: string;
  resolve(results: SendResult[]): void;
  reject(error: unknown): void;
}

/**
 * Sends of one config node: at most `perMinute` messages a minute (one message per recipient;
 * 0 = no limit) and at most `maxInFlight` requests talking to the gateway at once, started in the
 * order they came. Each send gets the next free rate slot when it arrives, so a slow answer does
 * not hold back the sends behind it beyond the in-flight bound. Sends that wait for a free slot
 * and share everything but their recipients leave together as one request (the vendor's batch
 * form, see `SendBatch`); each caller still gets only its own results. `waiting` (sends not
 * started yet) is what the status shows.
 */
export class SendQueue {
  private nextSlot = 0;
  private delayed = 0;
  private inFlight = 0;
  private readonly ready: QueuedSend[] = [];
  private stopped = false;
  private readonly timers = new Map<unknown, QueuedSend>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock = systemClock,
    private readonly maxInFlight = DEFAULT_SENDS_IN_FLIGHT,
    private readonly maxRecipients = DEFAULT_BATCH_RECIPIENTS,
  ) {}

  get waiting(): number {
    return this.delayed + this.ready.length;
  }

  /**
   * Sends `request` once the rate allows its recipients and a request slot is free; resolves with
   * its results. A `name` journals it: sent again under that name, it reaches only the recipients
   * it never reached.
   */
  send(request: SendRequest, send: SendFunction, started?: (recipients: number) => void, name?: string): Promise<SendResult[]> {
    if (this.stopped) return Promise.reject(closedError());
    return new Promise<SendResult[]>((resolve, reject) => {
      const queued: QueuedSend = { request, send, resolve, reject, ...(started ? { started } : {}), ...(name ? { name } : {}) };
      const delay = this.slotDelay(request.to.length);
      if (delay <= 0) return this.enqueue(queued);
      this.delayed += 1;
      const handle = this.clock.setTimeout(() => {
        this.timers.delete(handle);
        this.delayed -= 1;
        this.enqueue(queued);
      }, delay);
      this.timers.set(handle, queued);
    });
  }

  /** Refuses what is still waiting; what already started is not touched. */
  stop(): void {
    this.stopped = true;
    for (const [handle, queued] of this.timers) {
      this.clock.clearTimeout(handle);
      queued.reject(closedError());
    }
    this.timers.clear();
    this.delayed = 0;
    for (const queued of this.ready.splice(0)) queued.reject(closedError());
  }

  private enqueue(queued: QueuedSend): void {
    this.ready.push(queued);
    this.pump();
  }

  private pump(): void {
    while (!this.stopped && this.inFlight < this.maxInFlight && this.ready.length > 0) {
      const head = this.ready.shift()!;
      const batch = new SendBatch(head, head.request, this.maxRecipients);
      while (this.ready.length > 0 && batch.tryAdd(this.ready[0]!, this.ready[0]!.request)) this.ready.shift();
      void this.start(head.send, batch);
    }
  }

  private async start(send: SendFunction, batch: SendBatch<QueuedSend>): Promise<void> {
    this.inFlight += 1;
    const callers = batch.callers;
    try {
      for (const caller of callers) caller.started?.(batch.request.to.length);
      const named = callers.some((caller) => caller.name !== undefined);
      const journal = named
        ? new StoreSendJournal(namedSends, ({ position, to }) => {
            const name = batch.ownerAt(position)?.name;
            return name === undefined ? undefined : `${name}|${to}`;
          })
        : undefined;
      const results = batch.split(await send(batch.request, journal ? { journal } : undefined));
      for (const caller of callers) caller.resolve(results.get(caller) ?? []);
    } catch (error) {
      for (const caller of callers) caller.reject(error);
    } finally {
      this.inFlight -= 1;
      this.pump();
    }
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
