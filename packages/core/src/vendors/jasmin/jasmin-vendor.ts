import type { SimulatorOptions } from '../../simulator/gateway-simulator';
import { InvalidRequestError } from '../../errors';
import type { VendorClientOptions, VendorEntry } from '../vendor-entry';
import { JasminClient } from './jasmin-client';
import type { JasminDlrLevel } from './jasmin-dlr-options';
import { JasminSimulator, type JasminSimulatorOptions } from './jasmin-simulator';

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Jasmin (and Direct7's legacy REST API) as the registry, the CLI and the hosts see it. */
export const jasminVendor: VendorEntry = {
  key: 'jasmin',
  describe: {
    key: 'jasmin',
    displayName: 'Jasmin SMS Gateway REST API (Direct7 legacy REST)',
    summary: 'JSON REST with Basic auth: send, batches with callbacks and scheduling, balance, rate; DLRs pushed to your URL',
    defaultPort: 8080,
    seed: '003_ed6b2cbaaf146989.txt',
    operations: ['send', 'admin'],
  },
  createClient(options: VendorClientOptions) {
    if (!options.username || options.password === undefined) {
      throw new InvalidRequestError('Jasmin needs the username and password of a Jasmin user', { details: { gateway: 'jasmin' } });
    }
    const vendor = options.vendorOptions ?? {};
    const dlrUrl = optionalString(vendor.dlrUrl);
    const level = Number(vendor.dlrLevel ?? 1);
    return new JasminClient({
      baseUrl: options.baseUrl,
      username: options.username,
      password: options.password,
      ...(options.transport ? { transport: options.transport } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.tls ? { tls: options.tls } : {}),
      ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(optionalString(vendor.defaultFrom) ? { defaultFrom: optionalString(vendor.defaultFrom) } : {}),
      ...(optionalString(vendor.defaultCountry) ? { defaultCountry: optionalString(vendor.defaultCountry) } : {}),
      ...(dlrUrl
        ? { dlr: { url: dlrUrl, level: ([1, 2, 3].includes(level) ? level : 1) as JasminDlrLevel, method: vendor.dlrMethod === 'GET' ? 'GET' : 'POST' } }
        : {}),
      ...(optionalString(vendor.batchCallbackUrl) ? { batchCallbackUrl: optionalString(vendor.batchCallbackUrl) } : {}),
      ...(optionalString(vendor.batchErrbackUrl) ? { batchErrbackUrl: optionalString(vendor.batchErrbackUrl) } : {}),
    });
  },
  createSimulator(options?: SimulatorOptions) {
    return new JasminSimulator(options as JasminSimulatorOptions);
  },
};
