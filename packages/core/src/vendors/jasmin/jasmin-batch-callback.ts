import type { DeliveryStatus } from '../../model';
import { InvalidRequestError } from '../../errors';

/** One batch callback (GET `batchId, to, status, statusText`) as Jasmin sends it per message. */
export interface JasminBatchEvent {
  batchId: string;
  to: string;
  /** True for `status=1` (the callback_url), false for `status=0` (the errback_url). */
  succeeded: boolean;
  /** The message id when the send succeeded (`Success "<uuid>"`). */
  messageId?: string;
  /** Jasmin's text: `Success "<uuid>"`, `HTTPAPI error: Error "…"` or a connection error. */
  statusText: string;
}

const UUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function firstValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstValue(value[0]);
  if (value === undefined || value === null) return undefined;
  return String(value);
}

export function parseJasminBatchCallback(query: Record<string, unknown>): JasminBatchEvent {
  const batchId = firstValue(query.batchId)?.trim();
  const to = firstValue(query.to)?.trim();
  const status = firstValue(query.status)?.trim();
  if (!batchId || !to || (status !== '0' && status !== '1')) {
    throw new InvalidRequestError('This is not a Jasmin batch callback: batchId, to and status (0 or 1) are required', {
      details: { gateway: 'jasmin', fields: Object.keys(query) },
    });
  }
  const statusText = firstValue(query.statusText) ?? '';
  const succeeded = status === '1';
  const messageId = succeeded ? UUID_PATTERN.exec(statusText)?.[0]?.toLowerCase() : undefined;
  return { batchId, to, succeeded, ...(messageId ? { messageId } : {}), statusText };
}

/**
 * A batch callback as a status: a message Jasmin accepted is `queued` under its own id (the send
 * gave only the batch id, in `raw`); one it refused is `failed` under the batch id, with the text.
 */
export function jasminBatchEventStatus(event: JasminBatchEvent): DeliveryStatus {
  return {
    state: event.succeeded ? 'queued' : 'failed',
    messageId: event.messageId ?? event.batchId,
    to: event.to,
    rawStatus: event.statusText || (event.succeeded ? '1' : '0'),
    ...(event.succeeded ? {} : { errorCode: 'batch-errback' }),
    gateway: 'jasmin',
    raw: { batchId: event.batchId, status: event.succeeded ? 1 : 0, statusText: event.statusText },
  };
}
