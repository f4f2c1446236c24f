import { InvalidRequestError } from '../errors/gateway-errors';
import { builtInVendors } from './built-in-vendors';
import { contractClient } from './contract/contract-client';
import { readFields } from './contract/read-fields';
import type { GatewayClient, GatewayKey } from './gateway-client';
import type { ConnectContext, VendorEntry } from './vendor-entry';

/**
 * Looks vendors up by key for the CLI and the hosts. Immutable once built; hosts and tests that
 * need extra (or fake) vendors build their own with `createVendorRegistry([...])`.
 */
export class VendorRegistry {
  private readonly entries: ReadonlyMap<string, VendorEntry>;

  constructor(entries: readonly VendorEntry[]) {
    const map = new Map<string, VendorEntry>();
    for (const entry of entries) map.set(entry.key, entry);
    this.entries = map;
  }

  has(key: string): key is GatewayKey {
    return this.entries.has(key);
  }

  /** The vendor for `key`, or {@link InvalidRequestError} listing the known keys. */
  get(key: string): VendorEntry {
    const entry = this.entries.get(key);
    if (!entry) {
      throw new InvalidRequestError(`Unknown gateway "${key}": use one of ${this.keys().join(', ')}.`, { details: { gateway: key } });
    }
    return entry;
  }

  keys(): GatewayKey[] {
    return [...this.entries.keys()] as GatewayKey[];
  }

  list(): VendorEntry[] {
    return [...this.entries.values()];
  }

  /**
   * A client for the gateway `key` from connection values as a form, a credential or the CLI gives
   * them (`"5"` for a number is fine; an unknown or missing field is refused by name), behind the
   * contract's checks. This is how hosts and the CLI get clients.
   */
  open(key: string, values: Readonly<Record<string, unknown>>, context: ConnectContext = {}): GatewayClient {
    const entry = this.get(key);
    const settings = readFields({ gateway: entry.key, label: `The ${entry.describe.displayName} setting` }, entry.connection, values);
    return contractClient(entry, entry.connect(settings, context));
  }
}

/** The registry of every vendor shipped in this package, plus `extra` (which win on equal keys). */
export function createVendorRegistry(extra: readonly VendorEntry[] = []): VendorRegistry {
  return new VendorRegistry([...builtInVendors, ...extra]);
}
