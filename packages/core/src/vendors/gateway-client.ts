import type { AdminCommandResult, DeliveryStatus, InboundMessage, SendRequest, SendResult, UssdExchange } from '../model';

export type GatewayKey = 'diafaan' | 'routesms' | 'spangw' | 'jasmin' | 'dinstar';

/** A page of inbound messages and the cursor to resume from (persisted by the host between polls). */
export interface InboxPage {
  messages: InboundMessage[];
  /** Opaque, JSON-serialisable; hand it back on the next poll. */
  cursor?: string;
}

export interface UssdRequest {
  code: string;
  /** Gateway port / span / SIM to use, where the gateway has several. */
  port?: string | number;
}

/**
 * What every vendor client offers to the hosts. Operations a vendor lacks are absent (hosts check
 * with `'inbox' in client`), each vendor's full API stays available on its own class.
 */
export interface GatewayClient {
  readonly gateway: GatewayKey;
  send(request: SendRequest): Promise<SendResult[]>;
  status?(messageId: string): Promise<DeliveryStatus>;
  inbox?(cursor?: string): Promise<InboxPage>;
  /** Confirms messages were handed on, where the gateway needs an explicit acknowledgement/delete. */
  acknowledge?(messages: InboundMessage[]): Promise<void>;
  ussd?(request: UssdRequest): Promise<UssdExchange>;
  admin?(command: string, args?: Record<string, unknown>): Promise<AdminCommandResult>;
  close(): Promise<void>;
}
