import type { SimulatedNetwork } from '../../../simulator/simulated-network';

/** What the submit handler of the simulated Route Mobile account reads and changes. */
export interface RoutesmsSimulatorState {
  readonly network: SimulatedNetwork;
  /** Credits left; one SMS part costs one. */
  credit: number;
  /** Codes the next submits answer with, whatever they carry (to provoke 1709, 1715, 16, 18 …). */
  readonly forcedCodes: number[];
  /** Destination digits → the code that destination is refused with (1706, 1732, 1042 …). */
  readonly refusedDestinations: ReadonlyMap<string, number>;
  /** The code for insufficient credit: 1725 (seed) or 1025 (older deployments). */
  readonly insufficientCreditCode: 1725 | 1025;
  knowsAccount(account: { username?: string; password?: string }): boolean;
}
