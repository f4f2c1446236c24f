import { InvalidRequestError } from '../../errors';
import type { SimulatorOptions } from '../../simulator/gateway-simulator';
import { httpTransportFor } from '../shared/http-transport-for';
import type { VendorClientOptions, VendorEntry } from '../vendor-entry';
import { DinstarClient } from './dinstar-client';
import { DinstarSimulator, type DinstarSimulatorOptions } from './dinstar-simulator';

function basePathOf(baseUrl: string): string {
  try {
    const path = new URL(baseUrl).pathname;
    return path === '/' ? '' : path.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/**
 * Dinstar as the registry, the CLI and the hosts see it. `vendorOptions`: `authScheme`
 * (`digest`|`basic`), `keepAlive` (default true; false sends `Connection: close`), `ports`
 * (list or "1,2"), `gatewayUtcOffsetMinutes`, `requestStatusReport`.
 */
export const dinstarVendor: VendorEntry = {
  key: 'dinstar',
  describe: {
    key: 'dinstar',
    displayName: 'Dinstar GSM gateway (HTTP API)',
    summary: 'Dinstar multi-port GSM gateway, "New Version API": batch SMS, results and delivery reports, inbox, USSD, port admin, JSON push',
    defaultPort: 443,
    seed: '004_fa198e40aaaa8562.txt',
    operations: ['send', 'status', 'inbox', 'ussd', 'admin'],
  },
  createClient(options: VendorClientOptions) {
    if (!options.username || options.password === undefined) {
      throw new InvalidRequestError('Dinstar needs the username and password of the gateway\'s web account.', { details: { gateway: 'dinstar' } });
    }
    const vendor = options.vendorOptions ?? {};
    const ports = (Array.isArray(vendor.ports) ? vendor.ports : typeof vendor.ports === 'string' ? vendor.ports.split(',') : [])
      .map((port) => Number(String(port).trim()))
      .filter((port) => Number.isInteger(port));
    const offset = Number(vendor.gatewayUtcOffsetMinutes);
    return new DinstarClient({
      transport: httpTransportFor(options, 'dinstar'),
      username: options.username,
      password: options.password,
      basePath: basePathOf(options.baseUrl),
      authScheme: vendor.authScheme === 'basic' ? 'basic' : 'digest',
      keepAlive: vendor.keepAlive !== false,
      ...(ports.length ? { ports } : {}),
      ...(Number.isFinite(offset) ? { gatewayUtcOffsetMinutes: offset } : {}),
      ...(typeof vendor.requestStatusReport === 'boolean' ? { requestStatusReport: vendor.requestStatusReport } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  },
  createSimulator(options?: SimulatorOptions) {
    return new DinstarSimulator(options as DinstarSimulatorOptions);
  },
};
