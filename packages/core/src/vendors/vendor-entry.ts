import type { Clock } from '../clock/clock';
import type { ModemHub } from '../modem/gateway/modem-hub';
import type { HttpTransport, TlsOptions } from '../transport/http-transport';
import type { AdminCommandDescriptor, FieldDescriptor } from './contract/field-descriptor';
import type { PushDescriptor } from './contract/push-descriptor';
import type { VendorCapabilities } from './contract/vendor-capabilities';
import type { GatewayClient, GatewayKey } from './gateway-client';

/** What a host knows about an HTTP gateway connection, as a vendor client's constructor takes it. */
export interface VendorClientOptions {
  /** `http(s)://host:port[/prefix]`. */
  baseUrl: string;
  username?: string;
  password?: string;
  /** A ready transport (tests, custom dispatchers); otherwise the client builds an undici one, and only that one is closed with it. */
  transport?: HttpTransport;
  clock?: Clock;
  tls?: TlsOptions;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** The vendor's own connection settings (Dinstar auth scheme, span gateway success code …), read by its `connection` descriptors. */
  vendorOptions?: Record<string, unknown>;
}

/** What a host hands to `connect` besides the field values: things that live longer than one client. */
export interface ConnectContext {
  clock?: Clock;
  /** HTTP vendors: a transport to use instead of building one (it stays open when the client closes). */
  transport?: HttpTransport;
  /** The modem: the host's hub, which shares one connection per port between clients. */
  modemHub?: ModemHub;
}

/** How a vendor presents itself to the CLI and the hosts. */
export interface VendorDescription {
  key: GatewayKey;
  displayName: string;
  /** One line on what the product is. */
  summary: string;
  /** The port the real product listens on by default. */
  defaultPort?: number;
  /** The vendor document this implements, by its own title and version. */
  document: string;
  /** Where a user reads about it (vendor page or our docs). */
  documentationUrl?: string;
}

/**
 * One gateway as the registry sees it, described as data so a host builds its forms and its
 * behaviour from the registry alone. Each vendor folder exports one (`<vendor>-vendor.ts`) and
 * `vendors/built-in-vendors.ts` lists it.
 */
export interface VendorEntry {
  readonly key: GatewayKey;
  readonly describe: VendorDescription;
  readonly capabilities: VendorCapabilities;
  /** Connection settings (n8n credential, Node-RED config node): URL, credentials, TLS and the vendor's own. */
  readonly connection: readonly FieldDescriptor[];
  /** Per-send options (`SendRequest.vendorOptions`). */
  readonly sendOptions: readonly FieldDescriptor[];
  readonly adminCommands: readonly AdminCommandDescriptor[];
  /** The push side, where the gateway calls a URL the host serves. */
  readonly push?: PushDescriptor;
  /**
   * The vendor's client for connection values already read by `connection` (see
   * `VendorRegistry.open`, which also puts the contract's checks in front of it).
   */
  connect(settings: Readonly<Record<string, unknown>>, context?: ConnectContext): GatewayClient;
}
