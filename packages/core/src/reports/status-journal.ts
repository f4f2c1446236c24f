import { randomBytes } from 'node:crypto';
import { InvalidRequestError } from '../errors/gateway-errors';
import type { DeliveryStatus } from '../model/delivery-status';

/** Statuses kept per source; older ones are dropped (a poller that far behind lost them anyway). */
const DEFAULT_CAPACITY = 1_000;

interface JournalEntry {
  seq: number;
  status: DeliveryStatus;
  /** The status's content, so the same report heard through two subscriptions is kept once. */
  fingerprint: string;
}

/** What a poller gets from the journal: the statuses after its position, and the new position. */
export interface StatusJournalPage {
  statuses: DeliveryStatus[];
  position: string;
}

/**
 * Delivery statuses a host's subscribed clients heard, kept in memory per source until pollers
 * read them. Memory only: a listing whose device deletes what it handed on must not make this the
 * only copy (the modem's listing reads the SIM instead). A position names this journal's
 * instance: after a host restart an old position reads everything kept. Owned by the host, one
 * per process (like the modem hub); nothing here is global.
 */
export class StatusJournal {
  private readonly instance = randomBytes(6).toString('base64url');
  private readonly sources = new Map<string, { next: number; entries: JournalEntry[] }>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** Keeps `status` for `source` (see `connectionIdentity`); the same report heard again is kept once. */
  record(source: string, status: DeliveryStatus): void {
    let kept = this.sources.get(source);
    if (!kept) {
      kept = { next: 1, entries: [] };
      this.sources.set(source, kept);
    }
    const fingerprint = JSON.stringify(status);
    if (kept.entries.some((entry) => entry.fingerprint === fingerprint)) return;
    kept.entries.push({ seq: kept.next++, status, fingerprint });
    if (kept.entries.length > this.capacity) kept.entries.splice(0, kept.entries.length - this.capacity);
  }

  /** The statuses of `source` after `position` (all kept ones for none, or one of an earlier instance), oldest first. */
  read(source: string, position?: string): StatusJournalPage {
    const after = this.positionSeq(position);
    const kept = this.sources.get(source);
    const entries = (kept?.entries ?? []).filter((entry) => entry.seq > after);
    const last = entries.length > 0 ? entries[entries.length - 1]!.seq : Math.max(after, (kept?.next ?? 1) - 1);
    return { statuses: entries.map((entry) => entry.status), position: `${this.instance}:${last}` };
  }

  private positionSeq(position: string | undefined): number {
    if (position === undefined || position === '') return 0;
    const match = /^([A-Za-z0-9_-]{1,16}):(\d{1,15})$/.exec(position);
    if (!match) {
      throw new InvalidRequestError('The delivery report position is not one this journal wrote: pass back the cursor of the previous poll, or none to start afresh.');
    }
    return match[1] === this.instance ? Number(match[2]) : 0;
  }
}
