import type { DeliveryState } from '../../model';

/** One entry of `query_sms_result` (and of the `sms_result` push). */
export interface DinstarSmsResult {
  port: number;
  number: string;
  userId?: number;
  /** `YYYY-MM-DD HH:MM:SS`, the gateway's local time, verbatim. */
  time: string;
  /** FAILED, SENDING, SENT_OK or DELIVERED, verbatim. */
  status: string;
  state: DeliveryState;
  /** Segments of the message, and how many went out. */
  count?: number;
  succCount?: number;
  /** First TP-MR of the message: matches delivery reports together with port and number. */
  refId?: number;
  imsi?: string;
  raw: Record<string, unknown>;
}

export function dinstarResultState(status: string): DeliveryState {
  switch (status.trim().toUpperCase().replace(/\s+/g, '_')) {
    case 'SENDING':
      return 'queued';
    case 'SENT_OK':
      return 'sent';
    case 'DELIVERED':
      return 'delivered';
    case 'FAILED':
      return 'failed';
    default:
      return 'unknown';
  }
}

export function optionalInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}

export function parseDinstarSmsResult(item: unknown): DinstarSmsResult | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const raw = item as Record<string, unknown>;
  const port = optionalInteger(raw.port);
  if (port === undefined || raw.number === undefined) return undefined;
  const status = String(raw.status ?? '');
  const result: DinstarSmsResult = { port, number: String(raw.number), time: String(raw.time ?? ''), status, state: dinstarResultState(status), raw };
  const userId = optionalInteger(raw.user_id);
  const count = optionalInteger(raw.count);
  const succCount = optionalInteger(raw.succ_count);
  const refId = optionalInteger(raw.ref_id);
  if (userId !== undefined) result.userId = userId;
  if (count !== undefined) result.count = count;
  if (succCount !== undefined) result.succCount = succCount;
  if (refId !== undefined) result.refId = refId;
  if (typeof raw.imsi === 'string' && raw.imsi !== '') result.imsi = raw.imsi;
  return result;
}

export function parseDinstarSmsResults(list: unknown): DinstarSmsResult[] {
  return (Array.isArray(list) ? list : []).map(parseDinstarSmsResult).filter((entry): entry is DinstarSmsResult => entry !== undefined);
}
