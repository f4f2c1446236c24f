/** The operations of {@link GatewayClient} a gateway has. */
export type GatewayOperation = 'send' | 'status' | 'inbox' | 'acknowledge' | 'ussd' | 'ussdContinue' | 'ussdCancel' | 'subscribe' | 'admin' | 'verify';

/** The vendor-neutral fields of a `SendRequest` that a gateway may or may not honour. */
export type SendField = 'from' | 'flash' | 'statusReport' | 'validityMinutes' | 'scheduleAt';

/**
 * How something reaches the host: `poll` (the host asks: status by id, inbox listing), `push`
 * (the gateway calls a URL the host serves), `both`, or `none`. The modem's unsolicited
 * indications count as `push` (they arrive without being asked for).
 */
export type ArrivalMode = 'poll' | 'push' | 'both' | 'none';

/** Limits a send is checked against before any request leaves. */
export interface SendLimits {
  /** Parts of one concatenated message (at most 255, the TP-UDH counter's range). */
  maxParts: number;
  /** Digits of one destination number (E.164 has at most 15). */
  maxNumberDigits: number;
  /** Bytes of text the gateway takes in one message, where it has its own limit (Dinstar ~1,500). */
  maxTextBytes?: number;
  /** Characters of a request URL, for gateways that take the text in a GET query. */
  maxUrlLength?: number;
}

export interface VendorCapabilities {
  operations: readonly GatewayOperation[];
  /** How delivery statuses arrive. */
  statuses: ArrivalMode;
  /** How inbound SMS arrive. */
  inbound: ArrivalMode;
  /** The send fields honoured; any other field set in a send is refused (unless best effort). */
  sendFields: readonly SendField[];
  /** Recipients may be names of the gateway's contacts or groups as well as numbers (Diafaan). */
  namedRecipients?: boolean;
  limits: SendLimits;
}

export const DEFAULT_SEND_LIMITS: SendLimits = { maxParts: 255, maxNumberDigits: 15 };
