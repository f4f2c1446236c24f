import type { PushCallbackSender } from '../../../simulator/push-callback-sender';
import type { SimulatedNetwork } from '../../../simulator/simulated-network';
import type { SimulatedJasminBatch } from './simulated-batch';

/** The simulated Jasmin server as its endpoint handlers see it. */
export interface JasminSimulatorState {
  readonly network: SimulatedNetwork;
  readonly pushes: PushCallbackSender;
  /** Account balance, or `ND` (not defined: unlimited). */
  balance: number | 'ND';
  /** SMS quota, or `ND`. */
  smsCount: number | 'ND';
  readonly batches: Map<string, SimulatedJasminBatch>;
  /** Price of one SMS part on the route. */
  readonly routeRate: number;
  /** Destinations starting with one of these have no route (412). */
  readonly noRoutePrefixes: readonly string[];
  /** IANA zone the server reads `schedule_at` dates in. */
  readonly serverTimeZone: string;
  knowsAccount(account: { username?: string; password?: string }): boolean;
  /** The simulator's clock time. */
  now(): number;
  /** Runs `run` `ms` later on the simulator's clock, unless the simulator has stopped by then. */
  after(ms: number, run: () => void): void;
}
