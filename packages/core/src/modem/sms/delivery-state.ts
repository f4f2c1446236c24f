import type { DeliveryState } from '../../model/delivery-status';

/**
 * TP-Status (3GPP TS 23.040 §9.2.3.15) → the neutral state: 0x00–0x1F done (delivered), 0x20–0x3F
 * the SC is still trying, 0x40–0x7F given up (0x46 = validity period expired).
 */
export function deliveryStateOf(tpStatus: number): DeliveryState {
  if (tpStatus < 0x20) return 'delivered';
  if (tpStatus < 0x40) return 'sent';
  if (tpStatus === 0x46) return 'expired';
  if (tpStatus < 0x80) return 'failed';
  return 'unknown';
}
