import { createHash } from 'node:crypto';
import { InvalidRequestError } from '../../errors/gateway-errors';
import type { DinstarDeliverStatus } from './dinstar-deliver-status';

const VERSION = 1;
/** Keys kept at most (~15 characters each): the cursor stays a few KB. */
const MAX_REMEMBERED = 300;

/** A delivery report's key in the cursor: 12 characters of the SHA-256 of port, number, ref id, time and status. */
export function dinstarReportKey(report: DinstarDeliverStatus): string {
  return createHash('sha256')
    .update(JSON.stringify([report.port, report.number, report.refId, report.time, report.statusCode]))
    .digest('base64url')
    .slice(0, 12);
}

/**
 * Where the listing of `query_sms_deliver_status` resumes: `after` (epoch ms) is the `time_after`
 * of the next query, and `seen` the keys of the reports at or after it that were handed out
 * already (the API's times have whole seconds, so reports of the same second as the last one
 * come again and are skipped by key).
 */
export interface DinstarReportCursor {
  after?: number;
  seen: ReadonlySet<string>;
}

export function readDinstarReportCursor(cursor: string | undefined): DinstarReportCursor {
  if (cursor === undefined || cursor === '') return { seen: new Set() };
  try {
    const parsed = JSON.parse(cursor) as { v?: unknown; after?: unknown; seen?: unknown };
    if (
      parsed.v === VERSION &&
      (parsed.after === undefined || (typeof parsed.after === 'number' && Number.isFinite(parsed.after))) &&
      Array.isArray(parsed.seen) &&
      parsed.seen.every((key) => typeof key === 'string' && key.length <= 16)
    ) {
      return { ...(parsed.after === undefined ? {} : { after: parsed.after as number }), seen: new Set(parsed.seen as string[]) };
    }
  } catch {
    // Reported below, like any other cursor that is not ours.
  }
  throw new InvalidRequestError('The Dinstar delivery report cursor is not one this client wrote: reset the trigger\'s saved state, or pass none to start afresh.', {
    details: { gateway: 'dinstar' },
  });
}

/**
 * The cursor after a listing: `after` is `margin` before the newest report (the gateway may file a
 * report a little out of order), and every listed report from then on is remembered. When that is
 * more than fit, `after` moves up to the oldest second still remembered, whole seconds at a time.
 */
export function writeDinstarReportCursor(listed: readonly { key: string; time: number }[], previous: DinstarReportCursor, marginMs: number): string {
  if (listed.length === 0) return JSON.stringify({ v: VERSION, ...(previous.after === undefined ? {} : { after: previous.after }), seen: [...previous.seen] });
  const newest = Math.max(...listed.map((report) => report.time));
  let after = Math.floor((newest - marginMs) / 1000) * 1000;
  let kept = listed.filter((report) => report.time >= after).sort((a, b) => a.time - b.time);
  while (kept.length > MAX_REMEMBERED && kept[0]!.time < newest) {
    after = kept[0]!.time + 1000;
    kept = kept.filter((report) => report.time >= after);
  }
  return JSON.stringify({ v: VERSION, after, seen: [...new Set(kept.map((report) => report.key))] });
}
