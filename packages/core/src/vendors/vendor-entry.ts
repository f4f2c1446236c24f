import type { Clock } from '../clock/clock';
import type { GatewaySimulator, SimulatorOptions } from '../simulator/gateway-simulator';
import type { HttpTransport, TlsOptions } from '../transport/http-transport';
import type { GatewayClient, GatewayKey } from './gateway-client';

/** What a host knows about a gateway connection (from an n8n credential or a Node-RED config node). */
export interface VendorClientOptions {
  /** `http(s)://host:port[/prefix]`. */
  baseUrl: string;
  username?: string;
  password?: string;
  /** A ready transport (tests, custom dispatchers); otherwise the client builds an undici one. */
  transport?: HttpTransport;
  clock?: Clock;
  tls?: TlsOptions;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Settings only one vendor understands (Dinstar auth scheme, span gateway success code …). */
  vendorOptions?: Record<string, unknown>;
}

/** How a vendor presents itself to the CLI and the hosts. */
export interface VendorDescription {
  key: GatewayKey;
  displayName: string;
  /** One line on what the product is. */
  summary: string;
  /** The port the real product listens on by default. */
  defaultPort?: number;
  /** The seed document this implements. */
  seed?: string;
  /** The {@link GatewayClient} operations this vendor supports (`send`, `status`, `inbox` …). */
  operations: readonly string[];
}

/**
 * One vendor as the registry sees it. Each vendor folder exports one of these (`<vendor>-vendor.ts`)
 * and `vendors/built-in-vendors.ts` lists it: adding a vendor is one import and one array entry.
 */
export interface VendorEntry {
  readonly key: GatewayKey;
  readonly describe: VendorDescription;
  createClient(options: VendorClientOptions): GatewayClient;
  createSimulator(options?: SimulatorOptions): GatewaySimulator;
}
