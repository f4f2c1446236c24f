import type { Clock } from '../clock/clock';
import type { GatewayKey } from '../vendors/gateway-client';
import type { FaultInjector } from './fault-injector';
import type { PushCallbackSender } from './push-callback-sender';
import type { SimulatedAccount } from './simulator-credentials';
import type { SimulatorLogEntry } from './simulator-server';
import type { SimulatedNetwork, SimulatedNetworkOptions } from './simulated-network';

/** Options every simulator accepts; vendors add their own beside them. */
export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  clock?: Clock;
  network?: SimulatedNetworkOptions;
  /**
   * Where the simulated gateway pushes reports and received SMS when its push is set up in the
   * gateway's own settings (as on the real box, where the user enters the URL by hand).
   */
  pushUrl?: string;
  /** Accounts the simulator accepts; each vendor has a default. */
  accounts?: SimulatedAccount[];
}

/** Where a started simulator listens. */
export interface SimulatorAddress {
  host: string;
  port: number;
  baseUrl: string;
}

/** What `smsbridge simulate` prints per simulator. */
export interface SimulatorDescription {
  gateway: GatewayKey;
  baseUrl: string;
  credentials: Record<string, string>;
  /** How to provoke outcomes, which paths exist, etc. */
  notes: string[];
}

/** A running fake gateway speaking one vendor's protocol over real HTTP. */
export interface GatewaySimulator {
  readonly gateway: GatewayKey;
  readonly network: SimulatedNetwork;
  readonly faults: FaultInjector;
  readonly pushes: PushCallbackSender;
  /** The most recent requests it received (bounded), for tests. */
  readonly requestLog: readonly SimulatorLogEntry[];
  /** Every request received since the start. */
  readonly requestsReceived: number;
  /** Base URL once started (throws before). */
  readonly baseUrl: string;
  start(): Promise<SimulatorAddress>;
  stop(): Promise<void>;
  describe(): SimulatorDescription;
}
