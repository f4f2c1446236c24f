import type { GatewaySimulator, SimulatorDescription, SimulatorOptions } from '../simulator/gateway-simulator';
import type { GatewayKey } from './gateway-client';
import { createVendorRegistry, type VendorRegistry } from './registry';

export interface StartSimulatorsOptions {
  /** Applied to every simulator (clock, network delays, host); `port` is ignored here. */
  common?: Omit<SimulatorOptions, 'port'>;
  /** Per-vendor options (port, accounts …). */
  perGateway?: Partial<Record<GatewayKey, SimulatorOptions>>;
  registry?: VendorRegistry;
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
 * Starts the simulators of `keys` (default: every registered vendor). If one fails to start, the
 * ones already started are stopped again before the error is thrown.
 */
export async function startSimulators(keys: readonly string[] = [], options: StartSimulatorsOptions = {}): Promise<MultiSimulator> {
  const registry = options.registry ?? createVendorRegistry();
  const chosen = keys.length > 0 ? keys.map((key) => registry.get(key)) : registry.list();
  const started = new Map<GatewayKey, GatewaySimulator>();
  try {
    for (const entry of chosen) {
      if (started.has(entry.key)) continue;
      const simulator = entry.createSimulator({ ...options.common, ...options.perGateway?.[entry.key] });
      started.set(entry.key, simulator);
      await simulator.start();
    }
  } catch (error) {
    await new MultiSimulator(started).stop();
    throw error;
  }
  return new MultiSimulator(started);
}
