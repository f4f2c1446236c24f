import { InvalidRequestError } from '../../errors';
import type { DeliveryStatus } from '../../model';
import type { DinstarApi } from './dinstar-api';
import type { DinstarDeliverStatus } from './dinstar-deliver-status';
import { parseDinstarMessageId } from './dinstar-message-id';

/**
 * The status of a message id from `send`: its result (by `user_id` and number), then — once
 * SENT_OK — the delivery reports of its parts, matched by port, number and `ref_id` (each part has
 * the next ref id, modulo 256) and not older than the result.
 */
export async function lookUpDinstarStatus(api: DinstarApi, messageId: string): Promise<DeliveryStatus> {
  const parsed = parseDinstarMessageId(messageId);
  if (!parsed) throw new InvalidRequestError(`"${messageId}" is not a dinstar message id; use the messageId returned by send.`, { details: { gateway: 'dinstar' } });
  const results = (await api.querySmsResult({ userIds: [parsed.userId], numbers: [parsed.number] })).filter(
    (result) => result.userId === parsed.userId && result.number === parsed.number,
  );
  const result = results.sort((a, b) => b.time.localeCompare(a.time))[0];
  const status = (state: DeliveryStatus['state'], rawStatus: string | number, extra: Partial<DeliveryStatus> = {}): DeliveryStatus => ({
    state,
    messageId,
    to: parsed.number,
    rawStatus,
    gateway: 'dinstar',
    ...extra,
  });
  if (!result) return status('unknown', '');
  if (result.state !== 'sent' || result.refId === undefined) return status(result.state, result.status, { raw: result.raw });
  const parts = Math.max(1, result.count ?? 1);
  const refIds = new Set(Array.from({ length: parts }, (_, index) => (result.refId! + index) % 256));
  const reports = (await api.queryDeliverStatus({ numbers: [result.number], ports: [result.port] })).filter(
    (report) => report.port === result.port && refIds.has(report.refId) && report.time >= result.time,
  );
  const latest = new Map<number, DinstarDeliverStatus>();
  for (const report of reports) {
    const seen = latest.get(report.refId);
    if (!seen || report.time >= seen.time) latest.set(report.refId, report);
  }
  const final = [...latest.values()];
  const failed = final.find((report) => report.state === 'failed' || report.state === 'expired');
  if (failed) return status(failed.state, failed.statusCode, { errorCode: failed.statusCode, raw: { result: result.raw, report: failed.raw } });
  if (final.length === parts && final.every((report) => report.state === 'delivered')) {
    return status('delivered', final[0]!.statusCode, { raw: { result: result.raw, reports: final.map((report) => report.raw) } });
  }
  return status('sent', result.status, { raw: result.raw });
}
