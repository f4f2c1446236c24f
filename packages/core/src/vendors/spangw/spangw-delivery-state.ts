import type { DeliveryState } from '../../model';

/**
 * The outbox and push `status` literal → vendor-neutral state. The gateway spells delivered
 * `DELIVERD`; the correct spelling is accepted as well in case a firmware fixes it.
 */
export function spangwDeliveryState(rawStatus: string | number | undefined): DeliveryState {
  const status = String(rawStatus ?? '').trim().toUpperCase();
  switch (status) {
    case 'DELIVERD':
    case 'DELIVERED':
      return 'delivered';
    case 'SENT':
      return 'sent';
    case 'FAILED':
      return 'failed';
    case 'SENDING':
    case 'QUEUED':
    case 'WAITING':
      return 'queued';
    default:
      return 'unknown';
  }
}
