import { InvalidRequestError } from '../../errors';
import type { SimulatorOptions } from '../../simulator/gateway-simulator';
import { httpTransportFor } from '../shared/http-transport-for';
import type { VendorClientOptions, VendorEntry } from '../vendor-entry';
import { SpangwClient } from './spangw-client';
import { SpangwSimulator, type SpangwSimulatorOptions } from './spangw-simulator';

function numberList(value: unknown): number[] | undefined {
  const items = Array.isArray(value) ? value : typeof value === 'string' && value.trim() !== '' ? value.split(',') : typeof value === 'number' ? [value] : undefined;
  const numbers = items?.map((item) => Number(String(item).trim())).filter((item) => Number.isInteger(item));
  return numbers?.length ? numbers : undefined;
}

/**
 * The span gateway as the registry, the CLI and the hosts see it. `vendorOptions`: `successCodes`
 * (list or "0,200"), `parameterPlacement` (`top-level`|`data`), `sendMode` (`async`|`sync`),
 * `spans`, `gatewayUtcOffsetMinutes`.
 */
export const spangwVendor: VendorEntry = {
  key: 'spangw',
  describe: {
    key: 'spangw',
    displayName: 'Span-based GSM gateway (JSON POST API)',
    summary: 'Multi-SIM GSM gateway (probably OpenVox) with a JSON POST API: send through spans, outbox status, configurable push',
    defaultPort: 80,
    seed: '002_aad50ca4500e3cfe.txt',
    operations: ['send', 'status', 'admin'],
  },
  createClient(options: VendorClientOptions) {
    if (!options.username || options.password === undefined) {
      throw new InvalidRequestError('The span gateway needs the username and password of its API account.', { details: { gateway: 'spangw' } });
    }
    const vendor = options.vendorOptions ?? {};
    const placement = vendor.parameterPlacement === 'data' ? 'data' : 'top-level';
    const offset = Number(vendor.gatewayUtcOffsetMinutes);
    return new SpangwClient({
      transport: httpTransportFor(options, 'spangw'),
      username: options.username,
      password: options.password,
      parameterPlacement: placement,
      sendMode: vendor.sendMode === 'sync' ? 'sync' : 'async',
      ...(numberList(vendor.successCodes) ? { successCodes: numberList(vendor.successCodes) } : {}),
      ...(numberList(vendor.spans) ? { spans: numberList(vendor.spans) } : {}),
      ...(Number.isFinite(offset) ? { gatewayUtcOffsetMinutes: offset } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  },
  createSimulator(options?: SimulatorOptions) {
    return new SpangwSimulator(options as SpangwSimulatorOptions);
  },
};
