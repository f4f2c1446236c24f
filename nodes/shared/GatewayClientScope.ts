import type { GatewayClient, GatewayKey } from '@smsbridge/core';
import type { FunctionsBase } from 'n8n-workflow';
import { GATEWAY_CREDENTIALS } from './GatewayCredentials';
import { openClient, registry } from './GatewayHost';

/** The value of a node's `gateway` parameter, checked against the registry (an unknown key lists the known ones). */
export function gatewayKey(value: unknown): GatewayKey {
  return registry.get(String(value)).key;
}

/**
 * Opens a client for the node's gateway from its credential, runs `use`, and closes the client
 * (a modem client only gives its lease back: the port stays with the process's hub).
 */
export async function withGatewayClient<T>(context: FunctionsBase, gateway: GatewayKey, use: (client: GatewayClient) => Promise<T>): Promise<T> {
  const credentials = await context.getCredentials(GATEWAY_CREDENTIALS[gateway].name);
  const client = openClient(gateway, credentials as Record<string, unknown>);
  try {
    return await use(client);
  } finally {
    await client.close().catch(() => undefined);
  }
}
