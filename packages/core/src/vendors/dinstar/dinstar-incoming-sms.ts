import { optionalInteger } from './dinstar-sms-result';

/** One received SMS from `query_incoming_sms` (and the `sms` push). */
export interface DinstarIncomingSms {
  incomingSmsId: number;
  port: number;
  number: string;
  smsc: string;
  /** `YYYY-MM-DD HH:MM:SS`, verbatim. */
  timestamp: string;
  text: string;
  raw: Record<string, unknown>;
}

export function parseDinstarIncomingSms(list: unknown): DinstarIncomingSms[] {
  const messages: DinstarIncomingSms[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    if (!item || typeof item !== 'object') continue;
    const raw = item as Record<string, unknown>;
    const incomingSmsId = optionalInteger(raw.incoming_sms_id);
    if (incomingSmsId === undefined) continue;
    messages.push({
      incomingSmsId,
      port: optionalInteger(raw.port) ?? -1,
      number: String(raw.number ?? ''),
      smsc: String(raw.smsc ?? ''),
      timestamp: String(raw.timestamp ?? ''),
      text: String(raw.text ?? ''),
      raw,
    });
  }
  return messages;
}

/**
 * The inbox cursor: the highest `incoming_sms_id` handed on. Polling with `flag=all` above it is
 * repeatable (`flag=unread` would mark messages read as they are returned, losing them when the
 * answer never arrives). Serialised as the decimal id.
 */
export function parseDinstarInboxCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const value = Number(cursor.trim().replace(/^"|"$/g, ''));
  return Number.isInteger(value) && value >= 0 ? value : 0;
}
