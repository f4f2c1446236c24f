import type { DeliveryStatus } from '../../model';
import type { PushReceipt } from '../../vendors/contract/push-descriptor';
import type { PushReply } from './loopback-push-receiver';

interface Waiter {
  done: (status: DeliveryStatus) => boolean;
  resolve: (history: DeliveryStatus[]) => void;
}

/**
 * The statuses gateways pushed, per message id, for gateways without a status call: the receiver
 * routes put each receipt here and the demo waits here for a message's final report.
 */
export class PushedStatusBoard {
  private readonly histories = new Map<string, DeliveryStatus[]>();
  private readonly waiters = new Map<string, Waiter[]>();

  /** Records the receipt's statuses and returns the answer for the gateway. */
  take(receipt: PushReceipt): PushReply {
    for (const status of receipt.statuses) this.record(status);
    return receipt.answer;
  }

  /** Resolves with every status pushed for `messageId` once one satisfies `done`. */
  until(messageId: string, done: (status: DeliveryStatus) => boolean): Promise<DeliveryStatus[]> {
    const history = this.histories.get(messageId) ?? [];
    if (history.some(done)) return Promise.resolve(history.slice(0, history.findIndex(done) + 1));
    return new Promise((resolve) => {
      const waiters = this.waiters.get(messageId) ?? [];
      waiters.push({ done, resolve });
      this.waiters.set(messageId, waiters);
    });
  }

  private record(status: DeliveryStatus): void {
    const history = this.histories.get(status.messageId) ?? [];
    history.push(status);
    this.histories.set(status.messageId, history);
    const waiters = this.waiters.get(status.messageId) ?? [];
    const satisfied = waiters.filter((waiter) => waiter.done(status));
    this.waiters.set(status.messageId, waiters.filter((waiter) => !satisfied.includes(waiter)));
    for (const waiter of satisfied) waiter.resolve([...history]);
  }
}
