import type { Clock } from '../clock/clock';
import type { GatewayKey } from '../vendors/gateway-client';
import type { ConnectContext } from '../vendors/vendor-entry';

/** Failures a conformance case provokes at the next request (or exchange) of a gateway. */
export type ConformanceFault =
  /** Nothing listens: the client cannot connect. */
  | 'unreachable'
  /** No answer before the request was written (a connect that never completes): nothing reached the gateway. */
  | 'timeout-before-handling'
  /** The gateway acts on the request, then never answers. */
  | 'timeout-after-handling'
  /** The gateway acts, then the connection breaks in the middle of the answer. */
  | 'reset-mid-body'
  /** HTTP 5xx without acting. */
  | 'server-error'
  /** The gateway acts and answers something unreadable. */
  | 'malformed-body'
  /** Throttled, with `Retry-After` of `retryAfterSeconds`. */
  | 'rate-limit';

/**
 * One gateway with its stand-in (an HTTP simulator, or the virtual modem) as the conformance suite
 * drives it: it knows no vendor name, only what a kit offers.
 */
export interface GatewayTestKit {
  readonly key: GatewayKey;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Connection values (as a host form gives them) that work. */
  connection(): Record<string, unknown>;
  /** The same with a wrong password (undefined when the gateway has no credentials to get wrong). */
  wrongCredentials(): Record<string, unknown> | undefined;
  /** What `registry.open` needs besides values (clock, modem hub); the kit's own clock drives its stand-in. */
  context(): ConnectContext;
  readonly clock: Clock;
  /** Messages the stand-in accepted for sending to `to` so far (to count duplicates). */
  acceptedFor(to: string): number;
  /** Requests (HTTP calls, AT command lines) the stand-in has received so far. */
  requestsSeen(): number;
  /**
   * A connection the test owns (an HTTP transport, a modem hub) handed to `registry.open` in
   * `context`; `stillOpen()` tells whether it still works after the client closed.
   */
  givenConnection(): Promise<{ context: ConnectContext; stillOpen(): Promise<boolean>; release(): Promise<void> }>;
  /** A received SMS appears at the gateway. */
  injectInbound(from: string, text: string): Promise<void>;
  /**
   * Arms `fault` for the next request of a client opened afterwards with `connection()` (the
   * unreachable cases change where it points); false when this gateway cannot show it.
   */
  arm(fault: ConformanceFault, options?: { retryAfterSeconds?: number }): Promise<boolean>;
  /** Disarms every fault: `connection()` points at the working stand-in again. */
  disarm(): Promise<void>;
  /** Timeout (ms) the connection values set, for the timeout cases. */
  readonly requestTimeoutMs: number;
}
