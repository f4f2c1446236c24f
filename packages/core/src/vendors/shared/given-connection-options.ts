import type { VendorClientOptions } from '../vendor-entry';

/** How a client reaches its gateway: what a host may set besides the URL and the credentials. */
export type ConnectionOptions = Pick<VendorClientOptions, 'transport' | 'clock' | 'tls' | 'connectTimeoutMs' | 'requestTimeoutMs'>;

/**
 * Only the connection settings that were given, to spread into a client's or a transport's
 * options. A zero timeout counts as not given (the transport's default applies), as a blank form
 * field would.
 */
export function givenConnectionOptions(options: ConnectionOptions): ConnectionOptions {
  return {
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  };
}
