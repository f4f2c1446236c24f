import type { SendResult } from '../../model/send-result';
import type { SendJournal, SendJournalEntry } from '../../vendors/contract/send-journal';
import type { JournalStore } from './journal-store';

/** How long an entry is kept by default: a crashed run is retried within days, not months. */
export const DEFAULT_JOURNAL_TTL_SECONDS = 7 * 24 * 3600;

/**
 * A {@link SendJournal} kept in a {@link JournalStore} under `scope`, which names one send the
 * same way on every run of it (for n8n: the first execution of a retry chain, the node, its run
 * and the batch). A settled entry keeps the result without `raw`: the ids and the outcome are what
 * a repeated run hands back.
 */
export class StoreSendJournal implements SendJournal {
  constructor(
    private readonly store: JournalStore,
    private readonly scope: string,
    private readonly ttlSeconds = DEFAULT_JOURNAL_TTL_SECONDS,
  ) {}

  async read(keys: readonly string[]): Promise<(SendJournalEntry | undefined)[]> {
    const values = await this.store.get(keys.map((key) => this.keyOf(key)));
    return values.map((value) => (value === undefined ? undefined : decode(value)));
  }

  claim(keys: readonly string[]): Promise<boolean[]> {
    return this.store.setIfAbsent(
      keys.map((key) => this.keyOf(key)),
      JSON.stringify({ state: 'sending', since: new Date().toISOString() }),
      this.ttlSeconds,
    );
  }

  settle(outcomes: readonly { key: string; result: SendResult }[]): Promise<void> {
    return this.store.set(
      outcomes.map(({ key, result }) => {
        const { raw: _raw, replayed: _replayed, ...kept } = result;
        return [this.keyOf(key), JSON.stringify({ state: 'settled', result: kept })] as const;
      }),
      this.ttlSeconds,
    );
  }

  release(keys: readonly string[]): Promise<void> {
    return this.store.delete(keys.map((key) => this.keyOf(key)));
  }

  private keyOf(key: string): string {
    return `${this.scope}|${key}`;
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
