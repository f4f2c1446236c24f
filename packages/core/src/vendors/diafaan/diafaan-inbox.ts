import { GatewayRejectedError } from '../../errors/gateway-errors';
import { SmsBridgeError } from '../../errors/smsbridge-error';
import type { InboundMessage } from '../../model/inbound-message';
import type { InboxPage } from '../gateway-client';
import type { DiafaanApi } from './diafaan-api';
import type { DiafaanDateOrder } from './diafaan-dates';
import { DiafaanInboxCursor, diafaanSeenKey } from './diafaan-inbox-cursor';
import { toInboundMessage, type DiafaanReceivedMessage } from './diafaan-received-messages';

export interface DiafaanInboxOptions {
  /** `remove`: acknowledged messages are removed from the server; `keep`: they stay there. */
  mode: 'remove' | 'keep';
  /** Messages per request (the cursor remembers twice as many). */
  pageSize: number;
  serverUtcOffsetMinutes?: number;
  dateOrder?: DiafaanDateOrder;
}

/** Acknowledged ids kept in memory until the server shows them at the head of its list. */
const MAX_PENDING_ACKNOWLEDGEMENTS = 1_000;
/** Removed-but-unacknowledged messages kept for the next poll. */
const MAX_RESCUED = 500;

function seenKeyOf(message: DiafaanReceivedMessage): string {
  // A message without an id is known by what it is; it cannot be acknowledged.
  return diafaanSeenKey(message.messageId || `${message.from}\u0000${message.receiveTime ?? ''}\u0000${message.text}`);
}

/**
 * The Diafaan inbox as the contract wants it: reading never removes anything, and acknowledging
 * removes only messages that were handed out and acknowledged.
 *
 * The API can remove received messages only as `request-received-messages?remove=1`, which
 * deletes exactly what that request returns: the oldest `limit` messages. So `acknowledge` first
 * reads the oldest page (without removing), counts how many messages at its head were all
 * acknowledged, and removes that many — never a message behind the first one that was not.
 * Acknowledged messages further back stay on the server (the cursor keeps them from being handed
 * out twice) and are removed by a later `acknowledge` once everything before them was. Should
 * another program remove messages from the same inbox between those two requests, the removal
 * could take a message nobody acknowledged: it is kept and handed out by the next poll of this
 * client.
 */
export class DiafaanInbox {
  private readonly pendingAcknowledgements = new Set<string>();
  private readonly rescued: DiafaanReceivedMessage[] = [];

  constructor(
    private readonly api: DiafaanApi,
    private readonly options: DiafaanInboxOptions,
  ) {}

  /**
   * New messages, oldest first. Mode `remove` reads the oldest page; when all of it was handed out
   * already (nobody acknowledged it, or the server did not remove it), new messages are at the
   * other end and the newest page is read instead. Mode `keep` reads the newest page.
   */
  async read(cursor?: string): Promise<InboxPage> {
    const seen = DiafaanInboxCursor.read(cursor);
    const limit = this.options.pageSize;
    const keep = this.options.mode === 'keep';
    const received = await this.api.requestReceivedMessages({ limit, order: keep ? 'newest' : 'oldest' });
    if (keep) received.reverse();
    this.dropRescued((message) => seen.has(seenKeyOf(message)));
    let fresh = this.unseen([...this.rescued, ...received], seen);
    if (!keep && fresh.length === 0 && received.length >= limit) {
      fresh = this.unseen((await this.api.requestReceivedMessages({ limit, order: 'newest' })).reverse(), seen);
    }
    for (const message of fresh) seen.add(seenKeyOf(message));
    const read = { offsetMinutes: this.options.serverUtcOffsetMinutes, dateOrder: this.options.dateOrder };
    return { messages: fresh.map((message) => toInboundMessage(message, read)), cursor: seen.write(limit * 2) };
  }

  /** Removes the acknowledged messages the server can remove without touching any other (see the class). */
  async acknowledge(messages: readonly InboundMessage[]): Promise<void> {
    if (this.options.mode === 'keep') return;
    const ids = new Set(messages.map((message) => message.id).filter((id) => id !== ''));
    this.dropRescued((message) => ids.has(message.messageId));
    for (const id of ids) {
      this.pendingAcknowledgements.delete(id);
      this.pendingAcknowledgements.add(id);
    }
    while (this.pendingAcknowledgements.size > MAX_PENDING_ACKNOWLEDGEMENTS) this.pendingAcknowledgements.delete(this.pendingAcknowledgements.values().next().value!);
    if (this.pendingAcknowledgements.size === 0) return;

    const oldest = await this.api.requestReceivedMessages({ limit: this.options.pageSize, order: 'oldest' });
    let head = 0;
    while (head < oldest.length && oldest[head]!.messageId !== '' && this.pendingAcknowledgements.has(oldest[head]!.messageId)) head += 1;
    if (head === 0) return;
    const removed = await this.removeOldest(head);
    for (const message of removed) {
      if (this.pendingAcknowledgements.has(message.messageId)) continue;
      this.rescued.push(message);
    }
    this.rescued.splice(0, Math.max(0, this.rescued.length - MAX_RESCUED));
  }

  private async removeOldest(count: number): Promise<DiafaanReceivedMessage[]> {
    try {
      return await this.api.requestReceivedMessages({ limit: count, order: 'oldest', remove: true });
    } catch (error) {
      if (!(error instanceof SmsBridgeError) || error.httpStatus === undefined || error.httpStatus < 500) throw error;
      throw new GatewayRejectedError(
        `Diafaan failed with HTTP ${error.httpStatus} while removing ${count} acknowledged message(s): they may or may not have been removed. None is lost: the cursor keeps them from being handed out again, and a later acknowledge removes what is left.`,
        error.vendorCode,
        { httpStatus: error.httpStatus, outcome: 'maybe-sent', retryable: false, details: { gateway: 'diafaan', command: 'request-received-messages' }, cause: error },
      );
    }
  }

  private unseen(candidates: readonly DiafaanReceivedMessage[], seen: DiafaanInboxCursor): DiafaanReceivedMessage[] {
    const fresh: DiafaanReceivedMessage[] = [];
    const onThisPage = new Set<string>();
    for (const message of candidates) {
      const key = seenKeyOf(message);
      if (seen.has(key)) continue;
      // The same message twice in one answer (a rescued one the server also lists) is one message.
      const identity = `${key}\u0000${message.from}\u0000${message.text}`;
      if (onThisPage.has(identity)) continue;
      onThisPage.add(identity);
      fresh.push(message);
    }
    return fresh;
  }

  private dropRescued(drop: (message: DiafaanReceivedMessage) => boolean): void {
    for (let index = this.rescued.length - 1; index >= 0; index -= 1) if (drop(this.rescued[index]!)) this.rescued.splice(index, 1);
  }
}
