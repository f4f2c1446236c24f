import { createHash } from 'node:crypto';
import { InvalidRequestError } from '../../errors/gateway-errors';

/** A cursor past this length drops its oldest ids: hosts store it, and it must stay a few KB. */
const MAX_CURSOR_CHARS = 3_000;
const DIGEST = /^[A-Za-z0-9_-]{22}$/;

/**
 * A received message's key in the cursor: 22 characters of its id's SHA-256 (128 bits, so two
 * ids never meet in practice), whatever length the id has. GUIDs are compared without case.
 */
export function diafaanSeenKey(messageId: string): string {
  const id = /^[0-9a-f-]{36}$/i.test(messageId) ? messageId.toLowerCase() : messageId;
  return createHash('sha256').update(id, 'utf8').digest('base64url').slice(0, 22);
}

/**
 * What a Diafaan inbox cursor remembers: the keys of the messages already handed out, newest
 * last, at most `limit` of them and never more than about 3 KB. The server may keep a message
 * after it was handed out (not yet acknowledged, or `remove=1` did not remove [C]), so every poll
 * skips what the cursor names.
 */
export class DiafaanInboxCursor {
  private readonly keys: string[];
  private readonly known: Set<string>;

  private constructor(keys: string[]) {
    this.keys = keys;
    this.known = new Set(keys);
  }

  /** Reads a cursor this client wrote (older cursors held whole ids: they are keyed on reading). */
  static read(cursor: string | undefined): DiafaanInboxCursor {
    if (!cursor) return new DiafaanInboxCursor([]);
    let parsed: unknown;
    try {
      parsed = JSON.parse(cursor);
    } catch {
      parsed = undefined;
    }
    const seen = typeof parsed === 'object' && parsed !== null ? (parsed as { seen?: unknown }).seen : undefined;
    if (!Array.isArray(seen)) {
      throw new InvalidRequestError('The Diafaan inbox cursor is not one this client wrote: reset the trigger\'s saved state.', { details: { gateway: 'diafaan' } });
    }
    return new DiafaanInboxCursor(seen.filter((id): id is string => typeof id === 'string').map((id) => (DIGEST.test(id) ? id : diafaanSeenKey(id))));
  }

  has(messageKey: string): boolean {
    return this.known.has(messageKey);
  }

  add(messageKey: string): void {
    if (this.known.has(messageKey)) return;
    this.known.add(messageKey);
    this.keys.push(messageKey);
  }

  /** The cursor text with the newest `limit` keys (fewer if it would pass ~3 KB). */
  write(limit: number): string {
    const perKey = 25;
    const kept = this.keys.slice(-Math.min(limit, Math.floor((MAX_CURSOR_CHARS - 20) / perKey)));
    return JSON.stringify({ seen: kept });
  }
}
