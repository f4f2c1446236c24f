import type { DeliveryStatus } from '../../model/delivery-status';
import type { InboundMessage } from '../../model/inbound-message';

/** The bridge's HTTP API, version 1: what `smsbridge modem serve` answers and the modembridge client calls. */
export const BRIDGE_PATHS = {
  send: '/v1/send',
  status: (messageId: string) => `/v1/status/${encodeURIComponent(messageId)}`,
  inbox: '/v1/inbox',
  acknowledge: '/v1/inbox/acknowledge',
  ussd: '/v1/ussd',
  ussdContinue: '/v1/ussd/continue',
  ussdCancel: '/v1/ussd/cancel',
  admin: (command: string) => `/v1/admin/${encodeURIComponent(command)}`,
  verify: '/v1/verify',
} as const;

/** The port `smsbridge modem serve` listens on unless told otherwise. */
export const DEFAULT_BRIDGE_PORT = 8765;

/** What the bridge answers for a failure: the core's error as `SmsBridgeError.toJSON()` gives it. */
export interface BridgeErrorBody {
  error: {
    name?: string;
    code: string;
    message: string;
    retryable?: boolean;
    outcome?: 'not-sent' | 'maybe-sent' | 'refused';
    httpStatus?: number;
    retryAfterMs?: number;
    vendorCode?: string | number;
    details?: Record<string, unknown>;
  };
}

/** One thing the bridge pushes: an inbound SMS or a delivery report, under an id that never changes. */
export interface BridgePushEvent {
  v: 1;
  /** The event's id; a receiver that saw it already may drop it (a push is repeated only when its answer was lost). */
  id: string;
  kind: 'inbound' | 'status';
  /** When the bridge journaled it, ISO 8601. */
  at: string;
  inbound?: InboundMessage;
  status?: DeliveryStatus;
}

/**
 * The body of a push: the event as a JSON string and its HMAC-SHA256 under the push secret
 * (`sha256=<hex>`). The event travels as a string so a receiver whose framework parses and
 * re-serialises JSON still checks the exact bytes that were signed.
 */
export interface BridgePushEnvelope {
  payload: string;
  signature: string;
}

/** Headers that repeat the envelope's facts for receivers that log or route by header. */
export const PUSH_SIGNATURE_HEADER = 'x-smsbridge-signature';
export const PUSH_ID_HEADER = 'x-smsbridge-push-id';
