import { createHash } from 'node:crypto';
import { InvalidRequestError } from '../../errors/gateway-errors';
import type { InboundMessage } from '../../model/inbound-message';

/** More than a SIM and the modem's memory hold together; keeps the cursor under ~4 KB. */
const MAX_REMEMBERED = 256;
const VERSION = 1;

/** A short fingerprint of a stored message: its slots, sender, time and text (a freed slot's next message differs). */
export function storedMessageFingerprint(message: InboundMessage): string {
  return createHash('sha256')
    .update(JSON.stringify([message.id, message.from, message.receivedAt ?? null, message.text]))
    .digest('base64url')
    .slice(0, 12);
}

/**
 * The modem's inbox cursor: fingerprints of the messages the SIM held at the last poll, so the
 * next poll hands out only the ones that came since. Messages are deleted only by `acknowledge`,
 * so the SIM's content bounds the cursor; an acknowledged message drops out of it by itself.
 */
export function readModemInboxCursor(cursor: string | undefined): ReadonlySet<string> {
  if (cursor === undefined || cursor === '') return new Set();
  try {
    const parsed = JSON.parse(cursor) as unknown;
    if (isCursor(parsed)) return new Set(parsed.seen);
  } catch {
    // Reported below, like any other cursor that is not ours.
  }
  throw new InvalidRequestError('The inbox cursor is not one this modem gave: pass back the cursor of the previous poll, or none to start afresh.', {
    details: { gateway: 'modem' },
  });
}

export function writeModemInboxCursor(fingerprints: readonly string[]): string {
  return JSON.stringify({ v: VERSION, seen: fingerprints.slice(-MAX_REMEMBERED) });
}

function isCursor(value: unknown): value is { v: number; seen: string[] } {
  if (typeof value !== 'object' || value === null) return false;
  const { v, seen } = value as { v?: unknown; seen?: unknown };
  return v === VERSION && Array.isArray(seen) && seen.length <= MAX_REMEMBERED && seen.every((item) => typeof item === 'string' && item.length <= 32);
}
