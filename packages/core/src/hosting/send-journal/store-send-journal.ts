import type { SendResult } from '../../model/send-result';
import type { JournalRecipient, SendJournal, SendJournalEntry } from '../../vendors/contract/send-journal';
import type { JournalStore } from './journal-store';

/** How long an entry is kept by default: a crashed run is repeated within days, not weeks. */
export const DEFAULT_JOURNAL_TTL_SECONDS = 3 * 24 * 3600;

/**
 * The store key of one recipient, the same on every run of the same send (the host decides what
 * that is); undefined leaves the recipient out of the journal (sent as without one).
 */
export type JournalKeyOf = (recipient: JournalRecipient) => string | undefined;

/**
 * A {@link SendJournal} kept in a {@link JournalStore} under the keys `keyOf` gives. A settled
 * entry keeps the result without `raw`: the ids and the outcome are what a repeated run hands back.
 */
export class StoreSendJournal implements SendJournal {
  private readonly keyOf: JournalKeyOf;

  /** `scope` as a text names the send; each recipient is then keyed by its position and number within it. */
  constructor(
    private readonly store: JournalStore,
    scope: string | JournalKeyOf,
    private readonly ttlSeconds = DEFAULT_JOURNAL_TTL_SECONDS,
  ) {
    this.keyOf = typeof scope === 'string' ? ({ position, to }) => `${scope}|${position}|${to}` : scope;
  }

  async read(recipients: readonly JournalRecipient[]): Promise<(SendJournalEntry | undefined)[]> {
    const { keys, at } = this.keysOf(recipients);
    const values = await this.store.get(keys);
    return at.map((index) => (index === undefined || values[index] === undefined ? undefined : decode(values[index])));
  }

  async claim(recipients: readonly JournalRecipient[]): Promise<boolean[]> {
    const { keys, at } = this.keysOf(recipients);
    const taken = await this.store.setIfAbsent(keys, JSON.stringify({ state: 'sending', since: new Date().toISOString() }), this.ttlSeconds);
    return at.map((index) => index === undefined || taken[index] === true);
  }

  async settle(outcomes: readonly { recipient: JournalRecipient; result: SendResult }[]): Promise<void> {
    const entries: [string, string][] = [];
    for (const { recipient, result } of outcomes) {
      const key = this.keyOf(recipient);
      const { raw: _raw, replayed: _replayed, ...kept } = result;
      if (key !== undefined) entries.push([key, JSON.stringify({ state: 'settled', result: kept })]);
    }
    await this.store.set(entries, this.ttlSeconds);
  }

  async release(recipients: readonly JournalRecipient[]): Promise<void> {
    await this.store.delete(this.keysOf(recipients).keys);
  }

  /** The keys to ask the store for, and where each recipient's is among them (undefined: not journaled). */
  private keysOf(recipients: readonly JournalRecipient[]): { keys: string[]; at: (number | undefined)[] } {
    const keys: string[] = [];
    const at = recipients.map((recipient) => {
      const key = this.keyOf(recipient);
      if (key === undefined) return undefined;
      keys.push(key);
      return keys.length - 1;
    });
    return { keys, at };
  }
}

/** An entry as stored; anything unreadable counts as "sending": it may have gone out. */
function decode(value: string): SendJournalEntry {
  try {
    const entry = JSON.parse(value) as { state?: unknown; result?: unknown };
    if (entry.state === 'settled' && typeof entry.result === 'object' && entry.result !== null) return { state: 'settled', result: entry.result as SendResult };
  } catch {
    // Falls through: an unreadable entry is treated like one whose send was cut off.
  }
  return { state: 'sending' };
}
