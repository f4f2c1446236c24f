import type { SmsBridgeError } from '../errors/smsbridge-error';
import type { AdminCommandResult, DeliveryStatus, InboundMessage, SendRequest, SendResult, UssdExchange } from '../model';
import type { SendOptions } from './contract/send-journal';

export type GatewayKey = 'diafaan' | 'routesms' | 'spangw' | 'jasmin' | 'dinstar' | 'modem' | 'modembridge';

/** A page of inbound messages and the cursor to resume from (persisted by the host between polls). */
export interface InboxPage {
  messages: InboundMessage[];
  /** Opaque, JSON-serialisable and small (a few KB at most); hand it back on the next poll. */
  cursor?: string;
  /**
   * Messages the cursor says were handed out before but that are still on the gateway (their
   * acknowledge did not finish: a redeploy, a crash): not to be handed on again, only acknowledged.
   */
  handedOutBefore?: InboundMessage[];
}

export interface UssdRequest {
  code: string;
  /** Gateway port / span / SIM to use, where the gateway has several. */
  port?: string | number;
}

/** The answer to a USSD menu that waits for input (`awaitingInput`). */
export interface UssdMenuAnswer {
  answer: string;
  port?: string | number;
}

/**
 * What `verify()` found: `verified` (a harmless authenticated call succeeded), `failed` (it did
 * not: wrong credentials, unreachable — `error` says which) or `unverifiable` (this gateway has no
 * call that proves credentials without side effects; `message` says why).
 */
export type VerifyResult =
  | { status: 'verified'; message: string }
  | { status: 'unverifiable'; message: string }
  /** `summary`: a few words for a host's status line ("not registered") where the error's code says too little. */
  | { status: 'failed'; message: string; error: SmsBridgeError; summary?: string };

/**
 * What a gateway announces by itself over an open connection (the modem's indications). An
 * `inbound` handler that rejects leaves the message on the gateway, offered again later; a
 * message leaves it only once every subscribed handler resolved.
 */
export interface GatewayListener {
  inbound?(message: InboundMessage): void | Promise<void>;
  /** A modem deletes a stored report only once this resolved (a rejection keeps it for the next sweep). */
  status?(status: DeliveryStatus): void | Promise<void>;
  /** Failures outside any call: a handler that failed, a connection that could not be reopened. */
  error?(error: unknown): void;
}

/**
 * What every gateway client offers to the hosts. Operations a vendor lacks are absent (its
 * registry entry's `capabilities.operations` lists the present ones); each vendor's full API
 * stays available on its own class.
 */
export interface GatewayClient {
  readonly gateway: GatewayKey;
  /** See `settleSend`: throws only when nothing reached the gateway; else one result per recipient. */
  send(request: SendRequest, options?: SendOptions): Promise<SendResult[]>;
  status?(messageId: string): Promise<DeliveryStatus>;
  /** Hands out new messages; never deletes them (see `acknowledge`). */
  inbox?(cursor?: string): Promise<InboxPage>;
  /** Removes or marks messages on the gateway (Diafaan remove, SIM delete) once the host handed them on. */
  acknowledge?(messages: readonly InboundMessage[]): Promise<void>;
  ussd?(request: UssdRequest): Promise<UssdExchange>;
  ussdContinue?(answer: UssdMenuAnswer): Promise<UssdExchange>;
  ussdCancel?(request?: { port?: string | number }): Promise<void>;
  /** Listens to what the gateway announces over its connection until the returned function is called or the client closes. */
  subscribe?(listener: GatewayListener): () => void;
  admin?(command: string, args?: Record<string, unknown>): Promise<AdminCommandResult>;
  /** Proves the connection settings with a harmless authenticated call; never throws for a gateway failure. */
  verify(): Promise<VerifyResult>;
  /** Releases what the client opened itself; a transport or modem connection it was given stays open. */
  close(): Promise<void>;
}
