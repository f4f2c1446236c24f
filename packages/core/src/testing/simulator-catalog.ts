import type { GatewaySimulator, SimulatorOptions } from '../simulator/gateway-simulator';
import { DiafaanSimulator } from '../vendors/diafaan/diafaan-simulator';
import { DinstarSimulator } from '../vendors/dinstar/dinstar-simulator';
import type { GatewayKey } from '../vendors/gateway-client';
import { JasminSimulator } from '../vendors/jasmin/jasmin-simulator';
import { RoutesmsSimulator } from '../vendors/routesms/routesms-simulator';
import { SpangwSimulator } from '../vendors/spangw/spangw-simulator';

/** The HTTP gateways that have a simulator, and how to build one; one line per vendor folder. */
export const SIMULATOR_FACTORIES: Readonly<Partial<Record<GatewayKey, (options?: SimulatorOptions) => GatewaySimulator>>> = {
  diafaan: (options) => new DiafaanSimulator(options),
  routesms: (options) => new RoutesmsSimulator({ ...options, ...(options?.pushUrl ? { dlrUrl: options.pushUrl } : {}) }),
  jasmin: (options) => new JasminSimulator(options),
  spangw: (options) => new SpangwSimulator(options),
  dinstar: (options) => new DinstarSimulator(options),
};

/** The keys `createSimulator` knows, in registry order. */
export const SIMULATED_GATEWAYS = Object.keys(SIMULATOR_FACTORIES) as GatewayKey[];

/** A (not yet started) simulator of the gateway `key`. */
export function createSimulator(key: GatewayKey, options?: SimulatorOptions): GatewaySimulator {
  const factory = SIMULATOR_FACTORIES[key];
  if (!factory) throw new Error(`No simulator for "${key}": simulated gateways are ${SIMULATED_GATEWAYS.join(', ')}.`);
  return factory(options);
}
