/** One status vocabulary for every transport; the vendor's own value is kept beside it. */
export type DeliveryState = 'queued' | 'sent' | 'delivered' | 'failed' | 'expired' | 'unknown';

export interface DeliveryStatus {
  /** Vendor-neutral state. */
  state: DeliveryState;
  /** The gateway's message id this status belongs to. */
  messageId: string;
  /** Recipient, when the gateway says. */
  to?: string;
  /** The vendor's raw status value, verbatim (e.g. `DELIVERD`, `STATUS:201 Received`, TP-ST 0). */
  rawStatus: string | number;
  /** Vendor error code where the gateway reports one. */
  errorCode?: string | number;
  /** ISO 8601 time of the status change, when known. */
  at?: string;
  /** Which gateway reported it (`diafaan`, `routesms`, `spangw`, `jasmin`, `dinstar`, `modem`). */
  gateway: string;
  /** Everything else the vendor sent, for users who need it. Never contains a secret. */
  raw?: Record<string, unknown>;
}
