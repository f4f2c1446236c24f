import { ModemHub, createVendorRegistry, type GatewayClient, type GatewayKey, type VendorEntry, type VendorRegistry } from '@smsbridge/core';
import { GATEWAY_CREDENTIALS } from './GatewayCredentials';

/**
 * What the n8n process hosts for every smsbridge node: the vendor registry and the one ModemHub,
 * so that every node and trigger using a modem port shares one connection to it (the hub counts
 * users and closes the port after the last one). Module-level on purpose: n8n loads this package
 * once per process, and the process is the host that owns the serial ports.
 */
export const registry: VendorRegistry = createVendorRegistry();
export const modemHub: ModemHub = new ModemHub();

/** Credential values as n8n hands them over, without n8n's own bookkeeping keys. */
export function connectionValues(entry: VendorEntry, credentials: Record<string, unknown>): Record<string, unknown> {
  const names = new Set(entry.connection.map((field) => field.name));
  return Object.fromEntries(Object.entries(credentials).filter(([name]) => names.has(name)));
}

/** A client for `gateway` from the node's credential, behind the core's contract checks. */
export function openClient(gateway: GatewayKey, credentials: Record<string, unknown>): GatewayClient {
  const entry = registry.get(gateway);
  return registry.open(gateway, connectionValues(entry, credentials), { modemHub });
}

/** The gateway whose credential type this is (credential tests receive only the type). */
export function gatewayOfCredential(credentialType: string): GatewayKey | undefined {
  return (Object.entries(GATEWAY_CREDENTIALS) as [GatewayKey, { name: string }][]).find(([, credential]) => credential.name === credentialType)?.[0];
}
