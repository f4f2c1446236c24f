import { optionalInteger } from './dinstar-sms-result';

/** Per-port outcome of `send_ussd`: 200 sent, 486 busy (e.g. sending SMS), 503 not available. */
export interface DinstarUssdSendStatus {
  port: number;
  status: number;
}

export const DINSTAR_USSD_SEND_STATUS = { sent: 200, busy: 486, notAvailable: 503 } as const;

/** A reply as `query_ussd_reply` gives it: just port and text. */
export interface DinstarUssdReply {
  port: number;
  text: string;
  /** False for the single space the gateway shows while no reply has come (and for an empty text). */
  hasReply: boolean;
}

export function parseDinstarUssdSendStatuses(list: unknown): DinstarUssdSendStatus[] {
  const statuses: DinstarUssdSendStatus[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    if (!item || typeof item !== 'object') continue;
    const raw = item as Record<string, unknown>;
    const port = optionalInteger(raw.port);
    const status = optionalInteger(raw.status);
    if (port !== undefined && status !== undefined) statuses.push({ port, status });
  }
  return statuses;
}

export function parseDinstarUssdReplies(list: unknown): DinstarUssdReply[] {
  const replies: DinstarUssdReply[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    if (!item || typeof item !== 'object') continue;
    const raw = item as Record<string, unknown>;
    const port = optionalInteger(raw.port);
    if (port === undefined) continue;
    const text = typeof raw.text === 'string' ? raw.text : '';
    replies.push({ port, text, hasReply: text.trim() !== '' });
  }
  return replies;
}
