import type { HttpTransport } from '../../transport/http-transport';
import { UndiciHttpTransport } from '../../transport/undici-http-transport';
import type { VendorClientOptions } from '../vendor-entry';

/**
 * The transport a vendor client uses: the injected one, or an undici pool for `baseUrl` that
 * scrubs `secrets` (the password at least) from every error.
 */
export function httpTransportFor(options: VendorClientOptions, gateway: string, secrets: readonly (string | undefined)[] = [options.password]): HttpTransport {
  if (options.transport) return options.transport;
  return new UndiciHttpTransport({
    baseUrl: options.baseUrl,
    gateway,
    clock: options.clock,
    tls: options.tls,
    connectTimeoutMs: options.connectTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
    secrets: secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length > 0),
  });
}
