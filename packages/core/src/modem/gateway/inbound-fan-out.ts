import type { InboundMessage } from '../../model/inbound-message';
import { InboundHandlerError } from './inbound-handler-error';

/** What a user of a shared modem runs for each inbound SMS; the message leaves the SIM once every user's handler resolved. */
export type InboundHandler = (message: InboundMessage) => void | Promise<void>;

/** Stored messages some users already took while another failed: bounded, as a SIM holds few. */
const DEFAULT_REMEMBERED = 256;

/** What identifies a stored message while it waits on the SIM: its slots, sender, time and text. */
function messageKey(message: InboundMessage): string {
  return JSON.stringify([message.id, message.from, message.receivedAt ?? null, message.text]);
}

/**
 * Hands each inbound message to every subscribed handler and resolves only when all of them
 * resolved, which is when the driver deletes it from the SIM. When one fails it rejects (the
 * message stays stored) and remembers who already has it, so the next sweep offers it only to
 * the handlers that failed and nobody gets it twice from us.
 */
export class InboundFanOut {
  private readonly handlers = new Set<InboundHandler>();
  private readonly handedTo = new Map<string, Set<InboundHandler>>();

  constructor(private readonly maxRemembered = DEFAULT_REMEMBERED) {}

  get subscribers(): number {
    return this.handlers.size;
  }

  /** Adds a handler; the returned function removes it. */
  subscribe(handler: InboundHandler): () => void {
    const subscription: InboundHandler = (message) => handler(message);
    this.handlers.add(subscription);
    return () => {
      this.handlers.delete(subscription);
      for (const taken of this.handedTo.values()) taken.delete(subscription);
    };
  }

  async deliver(message: InboundMessage): Promise<void> {
    const key = messageKey(message);
    const taken = this.handedTo.get(key) ?? new Set<InboundHandler>();
    const pending = [...this.handlers].filter((handler) => !taken.has(handler));
    if (this.handlers.size === 0) {
      throw new InboundHandlerError('Nobody takes inbound messages on this modem any more; the message stays on the SIM.', { details: { gateway: 'modem' } });
    }
    const outcomes = await Promise.allSettled(pending.map(async (handler) => handler(message)));
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
    throw new InboundHandlerError(`${failures.length} of ${pending.length} inbound handlers failed; the message stays on the SIM and is offered to them again on the next sweep.`, {
      cause: failures[0],
      details: { gateway: 'modem', failed: failures.length, handlers: pending.length },
    });
  }

  private remember(key: string, taken: Set<InboundHandler>): void {
    this.handedTo.delete(key);
    this.handedTo.set(key, taken);
    while (this.handedTo.size > this.maxRemembered) this.handedTo.delete(this.handedTo.keys().next().value!);
  }
}
