import { InvalidRequestError } from '../../errors/gateway-errors';
import type { DeliveryStatus } from '../../model/delivery-status';
import type { InboundMessage } from '../../model/inbound-message';
import { redactDeep } from '../../transport/redact-secrets';
import { parseDiafaanDate } from './diafaan-dates';
import { diafaanDeliveryState } from './diafaan-status';

/** A Diafaan HTTP callback (the server calling your URL), as parameters. */
export interface DiafaanCallback {
  /** `message_in`, `message_out`, or whatever else the server sends. */
  action: string;
  /** Set for `message_in`. */
  inbound?: InboundMessage;
  /** Set for `message_out` when the callback carries a status code. */
  status?: DeliveryStatus;
  /** Every parameter, password-like values scrubbed. */
  parameters: Record<string, string>;
}

/** What the receiver must answer: URL-encoded, `result=1` keeps the message, `result=0` discards it. */
export interface DiafaanCallbackAnswer {
  status: 200;
  contentType: 'application/x-www-form-urlencoded';
  body: string;
}

function toRecord(input: Record<string, unknown> | URLSearchParams | string): Record<string, string> {
  if (typeof input === 'string') return toRecord(new URLSearchParams(input.startsWith('?') ? input.slice(1) : input));
  if (input instanceof URLSearchParams) return Object.fromEntries(input);
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    record[name] = Array.isArray(value) ? String(value[value.length - 1]) : String(value);
  }
  return record;
}

/**
 * Reads a callback from its query (or form body): documented parameters `source, action,
 * user_id, user_name, ip_number, from, to, message`; `message_id`, `message_type`, `gateway`,
 * `send_time`, `receive_time`, `status_code`, `status_text` are read when present.
 */
export function parseDiafaanCallback(input: Record<string, unknown> | URLSearchParams | string): DiafaanCallback {
  const parameters = redactDeep(toRecord(input));
  const action = parameters['action'];
  if (!action) {
    throw new InvalidRequestError('This is not a Diafaan callback: the "action" parameter (message_in / message_out) is missing.', {
      details: { parameterNames: Object.keys(parameters) },
    });
  }
  const raw = { ...parameters };
  if (action === 'message_in') {
    return {
      action,
      parameters,
      inbound: {
        id: parameters['message_id'] ?? '',
        from: parameters['from'] ?? '',
        to: parameters['to'] || undefined,
        text: parameters['message'] ?? '',
        receivedAt: parseDiafaanDate(parameters['send_time']) ?? parseDiafaanDate(parameters['receive_time']),
        port: parameters['gateway'] || undefined,
        gateway: 'diafaan',
        raw,
      },
    };
  }
  const code = parameters['status_code'] === undefined ? NaN : Number(parameters['status_code']);
  if (action === 'message_out' && Number.isFinite(code)) {
    return {
      action,
      parameters,
      status: {
        state: diafaanDeliveryState(code),
        messageId: parameters['message_id'] ?? '',
        to: parameters['to'] || undefined,
        rawStatus: `STATUS:${code}${parameters['status_text'] ? ` ${parameters['status_text']}` : ''}`,
        gateway: 'diafaan',
        raw,
      },
    };
  }
  return { action, parameters };
}

/** The answer Diafaan expects within 5 s: `result=1` (accept) or `result=0` (discard). */
export function diafaanCallbackAnswer(accept = true): DiafaanCallbackAnswer {
  return { status: 200, contentType: 'application/x-www-form-urlencoded', body: `result=${accept ? 1 : 0}` };
}
