import type { GatewayKey } from '@smsbridge/core';
import type { ICredentialType } from 'n8n-workflow';
import { fieldProperty } from './FieldProperties';
import { GATEWAY_CREDENTIALS } from './GatewayCredentials';
import { registry } from './GatewayHost';

/**
 * A gateway's credential type, built from its registry entry: every property is one of the
 * entry's `connection` field descriptors, so a new vendor setting shows up here without an edit.
 * The Test button is the nodes' `testedBy` function (the gateway's own verify call), since no
 * single HTTP request proves every vendor's account (a modem has no HTTP at all).
 */
export function gatewayCredentialType(gateway: GatewayKey): ICredentialType {
  const entry = registry.get(gateway);
  const credential = GATEWAY_CREDENTIALS[gateway];
  return {
    name: credential.name,
    displayName: `${entry.describe.displayName} (smsbridge)`,
    icon: `file:icons/${credential.icon}` as `file:${string}.svg`,
    ...(entry.describe.documentationUrl !== undefined ? { documentationUrl: entry.describe.documentationUrl } : {}),
    properties: entry.connection.map((field) => fieldProperty(field)),
  };
}
