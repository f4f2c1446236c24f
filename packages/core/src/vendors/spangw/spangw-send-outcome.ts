import type { DeliveryState } from '../../model';
import { spangwDeliveryState } from './spangw-delivery-state';

/** What `/sms/send` said about one number. The seed leaves the answer's `data` undocumented. */
export interface SpangwSendOutcome {
  accepted: boolean;
  state: DeliveryState;
  /** The status literal when the gateway gave one (synchronous mode), verbatim. */
  rawStatus?: string;
  data: unknown;
}

/**
 * Asynchronous sends are only queued. A synchronous send waits for the module; when `data` carries
 * a `status` (`SENT`/`FAILED`) it decides, otherwise the success code alone says it went out.
 */
export function readSpangwSendOutcome(data: unknown, mode: 'async' | 'sync'): SpangwSendOutcome {
  const record = (Array.isArray(data) ? data[0] : data) as Record<string, unknown> | undefined;
  const rawStatus = record && typeof record === 'object' && record.status !== undefined ? String(record.status) : undefined;
  if (mode === 'async') return { accepted: true, state: 'queued', data, ...(rawStatus === undefined ? {} : { rawStatus }) };
  if (rawStatus === undefined) return { accepted: true, state: 'sent', data };
  const state = spangwDeliveryState(rawStatus);
  return { accepted: state !== 'failed', state: state === 'unknown' ? 'sent' : state, rawStatus, data };
}
