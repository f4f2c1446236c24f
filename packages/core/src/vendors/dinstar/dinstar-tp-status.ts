import type { DeliveryState } from '../../model';

/**
 * `status_code` of a delivery report is the 3GPP TS 23.040 TP-Status: 0–31 the transaction is
 * complete (0 received by the handset), 32–63 the SMSC is still trying, 64 and above it gave up.
 * 70 (0x46, validity period expired) and 101 (0x65, expired while still retrying) are reported
 * as expired.
 */
export function dinstarTpStatusState(statusCode: number): DeliveryState {
  if (!Number.isInteger(statusCode) || statusCode < 0 || statusCode > 255) return 'unknown';
  if (statusCode <= 31) return 'delivered';
  if (statusCode <= 63) return 'sent';
  if (statusCode === 0x46 || statusCode === 0x65) return 'expired';
  return 'failed';
}
