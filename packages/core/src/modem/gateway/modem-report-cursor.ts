import { createHash } from 'node:crypto';
import { InvalidRequestError } from '../../errors/gateway-errors';
import type { DeliveryStatus } from '../../model/delivery-status';
import { storedReportKey } from '../sms/sms-receiver';

/** More than a SIM's report memory holds; keeps the cursor under ~4 KB. */
const MAX_LISTED = 256;
const VERSION = 1;

/** A short fingerprint of a stored report: its slot and what the PDU says (a freed slot's next report differs). */
export function storedReportFingerprint(status: DeliveryStatus): string {
  return createHash('sha256').update(storedReportKey(status)).digest('base64url').slice(0, 12);
}

/**
 * The modem's report cursor: fingerprints of the stored reports the previous poll handed out.
 * A host passes it back only after it handed that page on, so the next poll deletes those from
 * the SIM (acknowledges them) and lists the rest; a host that stops before keeps its older
 * cursor and gets them again.
 */
export function readModemReportCursor(cursor: string | undefined): ReadonlySet<string> {
  if (cursor === undefined || cursor === '') return new Set();
  try {
    const parsed = JSON.parse(cursor) as unknown;
    if (isCursor(parsed)) return new Set(parsed.listed);
  } catch {
    // Reported below, like any other cursor that is not ours.
  }
  throw new InvalidRequestError('The delivery report cursor is not one this modem gave: pass back the cursor of the previous poll, or none to start afresh.', {
    details: { gateway: 'modem' },
  });
}

export function writeModemReportCursor(fingerprints: readonly string[]): string {
  return JSON.stringify({ v: VERSION, listed: fingerprints.slice(0, MAX_LISTED) });
}

function isCursor(value: unknown): value is { v: number; listed: string[] } {
  if (typeof value !== 'object' || value === null) return false;
  const { v, listed } = value as { v?: unknown; listed?: unknown };
  return v === VERSION && Array.isArray(listed) && listed.length <= MAX_LISTED && listed.every((item) => typeof item === 'string' && item.length <= 32);
}
