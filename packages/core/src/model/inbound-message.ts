/** An SMS received by a gateway or modem, reassembled when it came in several parts. */
export interface InboundMessage {
  /** The gateway's id (Diafaan MessageId, Dinstar incoming_sms_id, modem storage index …). */
  id: string;
  from: string;
  /** Receiving number / port / SIM, when known. */
  to?: string;
  text: string;
  /** ISO 8601 with offset, as stamped by the SMSC where known. */
  receivedAt?: string;
  smsc?: string;
  /** Gateway port or span that received it. */
  port?: string | number;
  gateway: string;
  raw?: Record<string, unknown>;
}
