import type { GatewayKey } from '../vendors/gateway-client';
import type { GatewayTestKit } from './gateway-test-kit';
import { HttpGatewayKit } from './http-gateway-kit';
import { ModemBridgeGatewayKit } from './modem-bridge-gateway-kit';
import { ModemGatewayKit } from './modem-gateway-kit';
import { SIMULATED_GATEWAYS } from './simulator-catalog';

/** The conformance kit of a registered gateway, or undefined when it has none. */
export function createTestKit(key: GatewayKey): GatewayTestKit | undefined {
  if (SIMULATED_GATEWAYS.includes(key)) return new HttpGatewayKit(key);
  if (key === 'modem') return new ModemGatewayKit();
  if (key === 'modembridge') return new ModemBridgeGatewayKit();
  return undefined;
}
