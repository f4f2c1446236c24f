import type { GatewayKey, VendorEntry } from '@smsbridge/core';
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';
import { GATEWAY_CREDENTIALS } from './GatewayCredentials';
import { registry } from './GatewayHost';

/** The credential test every node declares: it asks the gateway itself (`verify()`). */
export const CREDENTIAL_TEST = 'smsbridgeGatewayTest';

/** The gateways (registry entries) a node offers, e.g. the ones that have an operation. */
export function gatewaysWhere(predicate: (entry: VendorEntry) => boolean): VendorEntry[] {
  return registry.list().filter(predicate);
}

/** The `gateway` parameter: one option per offered registry entry, described by the entry. */
export function gatewayProperty(entries: readonly VendorEntry[]): INodeProperties {
  return {
    displayName: 'Gateway',
    name: 'gateway',
    type: 'options',
    noDataExpression: true,
    default: entries[0]?.key ?? '',
    description: 'Which gateway or modem the node talks to; its credential and options follow from it',
    options: entries.map((entry) => ({ name: entry.describe.displayName, value: entry.key, description: entry.describe.summary })),
  };
}

/** One credential per offered gateway, shown when the gateway parameter names it. */
export function gatewayCredentials(entries: readonly VendorEntry[]): INodeCredentialDescription[] {
  return entries.map((entry) => ({
    name: GATEWAY_CREDENTIALS[entry.key].name,
    required: true,
    testedBy: CREDENTIAL_TEST,
    displayOptions: { show: { gateway: [entry.key] } },
  }));
}

/** Show a property only for `keys`. */
export function forGateways(keys: readonly GatewayKey[], property: INodeProperties): INodeProperties {
  return { ...property, displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, gateway: [...keys] } } };
}
