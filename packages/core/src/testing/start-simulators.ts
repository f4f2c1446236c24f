import type { GatewaySimulator, SimulatorDescription, SimulatorOptions } from '../simulator/gateway-simulator';
import type { GatewayKey } from '../vendors/gateway-client';
import { createSimulator, SIMULATED_GATEWAYS } from './simulator-catalog';

export interface StartSimulatorsOptions {
  /** Applied to every simulator (clock, network delays, host); `port` is ignored here. */
  common?: Omit<SimulatorOptions, 'port'>;
  /** Per-vendor options (port, accounts …). */
  perGateway?: Partial<Record<GatewayKey, SimulatorOptions>>;
  /** How a simulator is made (default: the catalog's `createSimulator`). */
  create?: (key: GatewayKey, options: SimulatorOptions) => GatewaySimulator;
}

/** Several simulators running in one process, each on its own 127.0.0.1 port. */
export class MultiSimulator {
  constructor(readonly simulators: ReadonlyMap<GatewayKey, GatewaySimulator>) {}

  get(key: GatewayKey): GatewaySimulator | undefined {
    return this.simulators.get(key);
  }

  describe(): SimulatorDescription[] {
    return [...this.simulators.values()].map((simulator) => simulator.describe());
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.simulators.values()].map((simulator) => simulator.stop()));
  }
}

/**
 * Starts the simulators of `keys` (default: every simulated gateway). If one fails to start, the
 * ones already started are stopped again before the error is thrown.
 */
export async function startSimulators(keys: readonly GatewayKey[] = [], options: StartSimulatorsOptions = {}): Promise<MultiSimulator> {
  const chosen = keys.length > 0 ? keys : SIMULATED_GATEWAYS;
  const started = new Map<GatewayKey, GatewaySimulator>();
  try {
    for (const key of chosen) {
      if (started.has(key)) continue;
      const simulator = (options.create ?? createSimulator)(key, { ...options.common, ...options.perGateway?.[key] });
      started.set(key, simulator);
      await simulator.start();
    }
  } catch (error) {
    await new MultiSimulator(started).stop();
    throw error;
  }
  return new MultiSimulator(started);
}
