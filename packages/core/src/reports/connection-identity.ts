import type { VendorEntry } from '../vendors/vendor-entry';

/**
 * Names one connection of a gateway (which modem port, which gateway URL and account) without its
 * secrets: the key under which a {@link StatusJournal} keeps what that connection heard. Built from
 * values as the entry's `connection` descriptors read them; secret fields are left out.
 */
export function connectionIdentity(entry: VendorEntry, settings: Readonly<Record<string, unknown>>): string {
  const named = entry.connection
    .filter((field) => field.secret !== true && settings[field.name] !== undefined)
    .map((field) => [field.name, settings[field.name]] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return `${entry.key}:${JSON.stringify(named)}`;
}
