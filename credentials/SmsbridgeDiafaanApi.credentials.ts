import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { gatewayCredentialType } from '../nodes/shared/CredentialDescription';

const description = gatewayCredentialType('diafaan');

/** The diafaan gateway's connection, its fields from the core's registry entry. */
export class SmsbridgeDiafaanApi implements ICredentialType {
  name = description.name;
  displayName = description.displayName;
  icon = description.icon;
  documentationUrl = description.documentationUrl;
  properties: INodeProperties[] = description.properties;
}
