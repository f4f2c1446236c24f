import type { DeliveryStatus } from '../../model';
import type { DeliveryReportListing, DeliveryReportPage, DeliveryReportReader } from '../../reports/delivery-report-listing';
import { parseGatewayLocalTime } from '../shared/gateway-local-time';
import type { ConnectContext } from '../vendor-entry';
import type { DinstarApi } from './dinstar-api';
import type { DinstarClient } from './dinstar-client';
import type { DinstarDeliverStatus } from './dinstar-deliver-status';
import { dinstarMessageId } from './dinstar-message-id';
import { dinstarReportKey, readDinstarReportCursor, writeDinstarReportCursor } from './dinstar-report-cursor';
import type { DinstarSmsResult } from './dinstar-sms-result';
import { dinstarDeliverStatusToModel } from './dinstar-to-model';
import { dinstarVendor } from './dinstar-vendor';

/** How far before the newest report the next listing starts again (reports filed a little out of order). */
const RELISTED_MS = 5 * 60_000;
/** How far before a report its send result is looked for: longer than any validity period operators keep. */
const RESULT_LOOKBACK_MS = 7 * 24 * 3_600_000;

/**
 * The send result a report belongs to: same port and number, sent before the report, and the
 * report's ref id among the ones its parts took (`ref_id` … `ref_id + count − 1`, modulo 256).
 */
function resultOf(report: DinstarDeliverStatus, reportTime: number, results: readonly (DinstarSmsResult & { sentAt: number })[]): DinstarSmsResult | undefined {
  let best: (DinstarSmsResult & { sentAt: number }) | undefined;
  for (const result of results) {
    if (result.userId === undefined || result.refId === undefined || result.port !== report.port || result.number !== report.number) continue;
    if (result.sentAt > reportTime) continue;
    const offset = (report.refId - result.refId + 256) % 256;
    if (offset >= Math.max(1, result.count ?? 1)) continue;
    if (!best || result.sentAt > best.sentAt) best = result;
  }
  return best;
}

/**
 * Dinstar's delivery reports from `query_sms_deliver_status`, which lists the reports the gateway
 * keeps, filtered by `time_after`: the cursor holds that time and the reports of the last minutes
 * already handed out (see `writeDinstarReportCursor`). Each report is named by the message id
 * `send` gave (`<user_id>|<number>`, found through `query_sms_result`); one whose send is not
 * found keeps the report's own name, `<number>#<port>:<ref_id>` (as the push names it).
 */
export class DinstarReportReader implements DeliveryReportReader {
  private readonly api: DinstarApi;

  constructor(
    private readonly client: DinstarClient,
    private readonly utcOffsetMinutes: number,
  ) {
    this.api = client.api;
  }

  async reports(cursor?: string): Promise<DeliveryReportPage> {
    const previous = readDinstarReportCursor(cursor);
    const listed = (await this.api.queryDeliverStatus(previous.after === undefined ? {} : { after: new Date(previous.after) }))
      .map((report) => ({ report, key: dinstarReportKey(report), time: parseGatewayLocalTime(report.time, this.utcOffsetMinutes) ?? Number.NEGATIVE_INFINITY }))
      .filter(({ time }) => previous.after === undefined || time >= previous.after);
    const fresh = listed.filter(({ key }) => !previous.seen.has(key)).sort((a, b) => a.time - b.time);
    const statuses = await this.named(fresh.map(({ report, time }) => ({ report, time })));
    return { reports: statuses, cursor: writeDinstarReportCursor(listed, previous, RELISTED_MS) };
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private async named(reports: readonly { report: DinstarDeliverStatus; time: number }[]): Promise<DeliveryStatus[]> {
    const statuses = reports.map(({ report }) => dinstarDeliverStatusToModel(report, this.utcOffsetMinutes));
    if (reports.length === 0) return statuses;
    const times = reports.map(({ time }) => time).filter(Number.isFinite);
    const after = times.length > 0 ? new Date(Math.min(...times) - RESULT_LOOKBACK_MS) : undefined;
    const numbers = [...new Set(reports.map(({ report }) => report.number))];
    const results = (await this.api.querySmsResult({ numbers, ...(after ? { after } : {}) })).map((result) => ({
      ...result,
      sentAt: parseGatewayLocalTime(result.time, this.utcOffsetMinutes) ?? Number.NEGATIVE_INFINITY,
    }));
    return statuses.map((status, index) => {
      const { report, time } = reports[index]!;
      const result = resultOf(report, time, results);
      if (!result) return status;
      return { ...status, messageId: dinstarMessageId(result.userId!, result.number), raw: { ...status.raw, reportId: status.messageId } };
    });
  }
}

/** Dinstar in the table of delivery report listings. */
export const dinstarReportListing: DeliveryReportListing = {
  gateway: 'dinstar',
  keeps: 'gateway',
  description: 'The delivery reports the gateway keeps (query_sms_deliver_status), listed by time: nothing is removed from the gateway.',
  open(settings, context: ConnectContext = {}) {
    // The vendor's own client: the listing needs its raw API, which the contract's client does not show.
    const client = dinstarVendor.connect(settings, context) as DinstarClient;
    const offset = typeof settings['gatewayUtcOffsetMinutes'] === 'number' ? settings['gatewayUtcOffsetMinutes'] : 0;
    return new DinstarReportReader(client, offset);
  },
};
