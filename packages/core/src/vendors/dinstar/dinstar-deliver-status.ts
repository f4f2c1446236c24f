import type { DeliveryState } from '../../model';
import { optionalInteger } from './dinstar-sms-result';
import { dinstarTpStatusState } from './dinstar-tp-status';

/** One delivery report from `query_sms_deliver_status` (and the `sms_deliver_status` push). */
export interface DinstarDeliverStatus {
  port: number;
  number: string;
  time: string;
  /** TP-MR of the part this report is about. */
  refId: number;
  /** 3GPP TP-Status. */
  statusCode: number;
  state: DeliveryState;
  imsi?: string;
  raw: Record<string, unknown>;
}

export function parseDinstarDeliverStatuses(list: unknown): DinstarDeliverStatus[] {
  const statuses: DinstarDeliverStatus[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    if (!item || typeof item !== 'object') continue;
    const raw = item as Record<string, unknown>;
    const port = optionalInteger(raw.port);
    const refId = optionalInteger(raw.ref_id);
    const statusCode = optionalInteger(raw.status_code);
    if (port === undefined || refId === undefined || statusCode === undefined || raw.number === undefined) continue;
    const status: DinstarDeliverStatus = {
      port,
      number: String(raw.number),
      time: String(raw.time ?? ''),
      refId,
      statusCode,
      state: dinstarTpStatusState(statusCode),
      raw,
    };
    if (typeof raw.imsi === 'string' && raw.imsi !== '') status.imsi = raw.imsi;
    statuses.push(status);
  }
  return statuses;
}
