import type { GatewayClient, GatewayKey } from '@smsbridge/core';
import type { FunctionsBase } from 'n8n-workflow';
import { GATEWAY_CREDENTIALS } from './GatewayCredentials';
import { openClient } from './GatewayHost';

/** How long a workflow keeps its client after its last use: a little longer than a network keeps a USSD menu open (about 2 minutes). */
const IDLE_MS = 150_000;

interface Held {
  client: GatewayClient;
  timer: NodeJS.Timeout;
}

const held = new Map<string, Held>();

/**
 * A client that stays with one workflow between its node runs, for exchanges that span nodes: a
 * USSD menu opened by one node and answered by the next belongs to the client that opened it
 * (on a modem, to that lease on the port), so both nodes must use the same client. Keyed by
 * workflow and credential, so two workflows never answer each other's menus; closed after
 * {@link IDLE_MS} without use.
 */
export async function workflowClient(context: FunctionsBase, gateway: GatewayKey): Promise<GatewayClient> {
  const credentialType = GATEWAY_CREDENTIALS[gateway].name;
  const credentialId = context.getNode().credentials?.[credentialType]?.id ?? 'none';
  const key = `${context.getWorkflow().id ?? 'unsaved'}\u0000${credentialType}\u0000${credentialId}`;
  const existing = held.get(key);
  if (existing) {
    existing.timer.refresh();
    return existing.client;
  }
  const credentials = await context.getCredentials(credentialType);
  const client = openClient(gateway, credentials as Record<string, unknown>);
  const timer = setTimeout(() => {
    held.delete(key);
    void client.close().catch(() => undefined);
  }, IDLE_MS);
  // A kept client must not keep a finished `n8n execute` alive.
  timer.unref();
  held.set(key, { client, timer });
  return client;
}
