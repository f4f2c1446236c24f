import type { InboundMessage } from '../../model/inbound-message';
import { InboundHandlerError } from './inbound-handler-error';

/** What a user of a shared modem runs for each thing the modem hands in (an SMS, a status report); it leaves the SIM once every user's handler resolved. */
export type FanOutHandler<T> = (item: T) => void | Promise<void>;

/** What a user of a shared modem runs for each inbound SMS. */
export type InboundHandler = FanOutHandler<InboundMessage>;

/** Stored items some users already took while another failed: bounded, as a SIM holds few. */
const DEFAULT_REMEMBERED = 256;

export interface InboundFanOutOptions<T> {
  /** What identifies the item while it waits on the SIM (slots and content), so a retry reaches only those who failed. */
  keyOf: (item: T) => string;
  /** How errors name the item: `message`, `status report`. */
  noun: string;
  maxRemembered?: number;
}

/** What identifies a stored message while it waits on the SIM: its slots, sender, time and text. */
function messageKey(message: InboundMessage): string {
  return JSON.stringify([message.id, message.from, message.receivedAt ?? null, message.text]);
}

/**
 * Hands each inbound item (an SMS, a status report) to every subscribed handler and resolves only
 * when all of them resolved, which is when the driver deletes it from the SIM. When one fails it
 * rejects (the item stays stored) and remembers who already has it, so the next sweep offers it
 * only to the handlers that failed and nobody gets it twice from us.
 */
export class InboundFanOut<T = InboundMessage> {
  private readonly handlers = new Set<FanOutHandler<T>>();
  private readonly handedTo = new Map<string, Set<FanOutHandler<T>>>();
  private readonly options: InboundFanOutOptions<T>;

  constructor(options?: Partial<InboundFanOutOptions<T>>) {
    this.options = { keyOf: messageKey as unknown as (item: T) => string, noun: 'inbound message', ...options };
  }

  get subscribers(): number {
    return this.handlers.size;
  }

  /** Adds a handler; the returned function removes it. */
  subscribe(handler: FanOutHandler<T>): () => void {
    const subscription: FanOutHandler<T> = (item) => handler(item);
    this.handlers.add(subscription);
    return () => {
      this.handlers.delete(subscription);
      for (const taken of this.handedTo.values()) taken.delete(subscription);
    };
  }

  async deliver(item: T): Promise<void> {
    const { noun } = this.options;
    const key = this.options.keyOf(item);
    const taken = this.handedTo.get(key) ?? new Set<FanOutHandler<T>>();
    const pending = [...this.handlers].filter((handler) => !taken.has(handler));
    if (this.handlers.size === 0) {
      throw new InboundHandlerError(`Nobody takes ${noun}s on this modem any more; the ${noun} stays on the SIM.`, { details: { gateway: 'modem' } });
    }
    const outcomes = await Promise.allSettled(pending.map(async (handler) => handler(item)));
    const failures: unknown[] = [];
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') taken.add(pending[index]!);
      else failures.push(outcome.reason);
    });
    if (failures.length === 0) {
      this.handedTo.delete(key);
      return;
    }
    this.remember(key, taken);
    throw new InboundHandlerError(`${failures.length} of ${pending.length} ${noun} handlers failed; the ${noun} stays on the SIM and is offered to them again on the next sweep.`, {
      cause: failures[0],
      details: { gateway: 'modem', failed: failures.length, handlers: pending.length },
    });
  }

  private remember(key: string, taken: Set<FanOutHandler<T>>): void {
    this.handedTo.delete(key);
    this.handedTo.set(key, taken);
    while (this.handedTo.size > (this.options.maxRemembered ?? DEFAULT_REMEMBERED)) this.handedTo.delete(this.handedTo.keys().next().value!);
  }
}
