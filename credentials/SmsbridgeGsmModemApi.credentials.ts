import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { gatewayCredentialType } from '../nodes/shared/CredentialDescription';

const description = gatewayCredentialType('modem');

/** A GSM modem's serial port, speed and SIM PIN, its fields from the core's registry entry. */
export class SmsbridgeGsmModemApi implements ICredentialType {
  name = description.name;
  displayName = description.displayName;
  icon = description.icon;
  documentationUrl = description.documentationUrl;
  properties: INodeProperties[] = description.properties;
}
