import { InvalidRequestError } from '../errors/gateway-errors';
import { builtInVendors } from './built-in-vendors';
import type { GatewayKey } from './gateway-client';
import type { VendorEntry } from './vendor-entry';

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
}

/** The registry of every vendor shipped in this package, plus `extra` (which win on equal keys). */
export function createVendorRegistry(extra: readonly VendorEntry[] = []): VendorRegistry {
  return new VendorRegistry([...builtInVendors, ...extra]);
}
