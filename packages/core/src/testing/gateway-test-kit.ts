import type { Clock } from '../clock/clock';
import type { GatewayKey } from '../vendors/gateway-client';
import type { ConnectContext } from '../vendors/vendor-entry';

/** Failures a conformance case provokes at the next request (or exchange) of a gateway. */
export type ConformanceFault =
  /** Nothing listens: the client cannot connect. */
  | 'unreachable'
  /** No answer and the request never got to the gateway (the request written, but not acted on). */
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
  /** A received SMS appears at the gateway. */
  injectInbound(from: string, text: string): Promise<void>;
  /** Arms `fault` for the next request; false when this gateway cannot show it. */
  arm(fault: ConformanceFault, options?: { retryAfterSeconds?: number }): boolean;
  /** Lets time pass on the kit's clock (simulated delivery, pending timers). */
  advance(ms: number): Promise<void>;
  /** Timeout (ms) the connection values set, for the timeout cases. */
  readonly requestTimeoutMs: number;
}
