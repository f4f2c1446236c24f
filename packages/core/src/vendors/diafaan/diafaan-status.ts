import type { DeliveryState } from '../../model/delivery-status';

/**
 * Diafaan status code → vendor-neutral state. Documented: 200 Sent, 201 Received (delivered to
 * the handset), 300 send error; 301 undelivered (seen in clients); 2xx success, 3xx failure.
 * 1xx (still in the queue) is inferred.
 */
export function diafaanDeliveryState(code: number): DeliveryState {
  if (code === 201) return 'delivered';
  if (code >= 200 && code < 300) return 'sent';
  if (code >= 300 && code < 400) return 'failed';
  if (code >= 100 && code < 200) return 'queued';
  return 'unknown';
}
