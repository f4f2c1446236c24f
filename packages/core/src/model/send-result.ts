import type { DeliveryState } from './delivery-status';

/** What happened to one recipient of a send. Maps one-to-one onto an n8n item / Node-RED msg. */
export interface SendResult {
  to: string;
  /** True when the gateway accepted the message for this recipient. */
  accepted: boolean;
  /** The gateway's id for the message (one id even when it goes out in several parts). */
  messageId?: string;
  /** Per-part ids where the gateway gives one per part (e.g. modem message references). */
  partIds?: string[];
  /** How many SMS this recipient is billed for. */
  parts: number;
  encoding: 'gsm7' | 'ucs2' | '8bit';
  state: DeliveryState;
  /** Vendor error code and message when not accepted. */
  errorCode?: string | number;
  errorMessage?: string;
  gateway: string;
  /** True when this result is what an earlier run of the same send recorded (see `SendJournal`): nothing was sent this time. */
  replayed?: boolean;
  raw?: Record<string, unknown>;
}
