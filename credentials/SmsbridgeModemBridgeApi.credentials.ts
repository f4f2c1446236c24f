import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { gatewayCredentialType } from '../nodes/shared/CredentialDescription';

const description = gatewayCredentialType('modembridge');

/** A modem bridge's URL, token, TLS and push secret, its fields from the core's registry entry. */
export class SmsbridgeModemBridgeApi implements ICredentialType {
  name = description.name;
  displayName = description.displayName;
  icon = description.icon;
  documentationUrl = description.documentationUrl;
  properties: INodeProperties[] = description.properties;
}
