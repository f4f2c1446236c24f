import type { InvalidRequestError } from '../../errors/gateway-errors';
import type { AdminCommandResult, DeliveryStatus, InboundMessage, UssdExchange } from '../../model';
import type { PushAnswer } from '../shared/push-answer';
import type { PushCall } from '../shared/push-call';
import type { GatewayClient } from '../gateway-client';

/** What one push call carried, and what the gateway expects back. */
export interface PushReceipt {
  inbound: InboundMessage[];
  statuses: DeliveryStatus[];
  ussd: UssdExchange[];
  /** Answer the gateway with exactly this (Jasmin retries unless the body is `ACK/Jasmin`). */
  answer: PushAnswer;
  /** Set when the call could not be read; `answer` then tells the gateway so. */
  error?: InvalidRequestError;
}

/**
 * How push is set up on a gateway: `gateway-ui` (the user enters the URL in the gateway's own
 * settings), `per-send` (each send carries the URL, see `sendOption`), or `api` (this client
 * can configure it: `configure`).
 */
export interface PushSetup {
  how: 'gateway-ui' | 'per-send' | 'api';
  /** What the user must do with `url`, in a sentence or two. */
  instructions(url: string): string;
  /** `per-send`: the send option that carries the URL. */
  sendOption?: string;
  /** `per-send`: other send options that go with it so final reports come back (e.g. a report level). */
  companionSendOptions?: Readonly<Record<string, unknown>>;
  /** `api`: points the gateway's push at `url`. */
  configure?(client: GatewayClient, url: string): Promise<AdminCommandResult>;
}

export interface PushDescriptor {
  /** What this gateway pushes. */
  carries: readonly ('inbound' | 'status' | 'ussd')[];
  /** HTTP methods it calls with. */
  methods: readonly ('GET' | 'POST')[];
  /** Reads one call; `settings` are the connection's field values (a receiver may need them). Never throws for a bad call. */
  receive(call: PushCall, settings?: Readonly<Record<string, unknown>>): PushReceipt;
  setup: PushSetup;
}
