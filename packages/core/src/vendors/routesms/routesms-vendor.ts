import type { SimulatorOptions } from '../../simulator/gateway-simulator';
import { InvalidRequestError } from '../../errors';
import type { VendorClientOptions, VendorEntry } from '../vendor-entry';
import { RoutesmsClient } from './routesms-client';
import { RoutesmsSimulator, type RoutesmsSimulatorOptions } from './routesms-simulator';

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Route Mobile as the registry, the CLI and the hosts see it. */
export const routesmsVendor: VendorEntry = {
  key: 'routesms',
  describe: {
    key: 'routesms',
    displayName: 'Route Mobile (SMSPLUS bulk HTTP)',
    summary: 'Bulk SMS over HTTP GET with credentials in the query; delivery reports pushed to your URL',
    defaultPort: 8080,
    seed: '001_9bb9e4ec3db91303.txt',
    operations: ['send'],
  },
  createClient(options: VendorClientOptions) {
    if (!options.username || !options.password) {
      throw new InvalidRequestError('Route Mobile needs the username and password of the HTTP account', { details: { gateway: 'routesms' } });
    }
    const vendor = options.vendorOptions ?? {};
    return new RoutesmsClient({
      baseUrl: options.baseUrl,
      username: options.username,
      password: options.password,
      ...(options.transport ? { transport: options.transport } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.tls ? { tls: options.tls } : {}),
      ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(optionalString(vendor.defaultSource) ? { defaultSource: optionalString(vendor.defaultSource) } : {}),
      ...(optionalString(vendor.timeZone) ? { timeZone: optionalString(vendor.timeZone) } : {}),
      ...(optionalString(vendor.defaultCountry) ? { defaultCountry: optionalString(vendor.defaultCountry) } : {}),
      ...(typeof vendor.deliveryReports === 'boolean' ? { deliveryReports: vendor.deliveryReports } : {}),
    });
  },
  createSimulator(options?: SimulatorOptions) {
    return new RoutesmsSimulator(options as RoutesmsSimulatorOptions);
  },
};
