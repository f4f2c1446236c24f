import type { AdminCommandDescriptor, VendorEntry } from '@smsbridge/core';
import {
  NodeConnectionTypes,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeProperties,
  type INodeType,
  type INodeTypeDescription,
} from 'n8n-workflow';
import { testGatewayCredential } from '../shared/CredentialTest';
import { collectionOptions } from '../shared/FieldProperties';
import { gatewayKey, withGatewayClient } from '../shared/GatewayClientScope';
import { registry } from '../shared/GatewayHost';
import { CREDENTIAL_TEST, forGateways, gatewayCredentials, gatewayProperty, gatewaysWhere } from '../shared/GatewayParameter';
import { PACKAGE_DOCUMENTATION_URL } from '../shared/NodeDefaults';
import { errorItemJson, toNodeError } from '../shared/NodeErrors';

const administered = gatewaysWhere((entry) => entry.capabilities.operations.includes('admin') && entry.adminCommands.length > 0);

/** Per gateway: the command dropdown (from its admin command descriptors) and each command's arguments. */
function commandProperties(entry: VendorEntry): INodeProperties[] {
  const properties: INodeProperties[] = [
    forGateways([entry.key], {
      displayName: 'Command',
      name: 'command',
      type: 'options',
      noDataExpression: true,
      default: entry.adminCommands[0]!.name,
      options: entry.adminCommands.map((command) => ({
        name: command.displayName,
        value: command.name,
        description: `${command.description}${command.changesState ? ' (changes the gateway)' : ''}`,
        action: command.displayName,
      })),
    }),
  ];
  for (const command of entry.adminCommands.filter((candidate) => candidate.args.length > 0)) {
    properties.push(argumentsProperty(entry, command));
  }
  return properties;
}

function argumentsProperty(entry: VendorEntry, command: AdminCommandDescriptor): INodeProperties {
  const required = command.args.filter((arg) => arg.required).map((arg) => arg.name);
  return {
    displayName: 'Arguments',
    name: 'arguments',
    type: 'collection',
    placeholder: 'Add Argument',
    default: {},
    description: required.length > 0 ? `Required: ${required.join(', ')}` : 'All optional',
    displayOptions: { show: { gateway: [entry.key], command: [command.name] } },
    options: collectionOptions(command.args),
  };
}

export class SmsGatewayAdmin implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SMS Gateway Admin',
    name: 'smsGatewayAdmin',
    icon: { light: 'file:smsGatewayAdmin.svg', dark: 'file:smsGatewayAdmin.dark.svg' },
    group: ['transform'],
    version: 1,
    subtitle: '={{$parameter["command"] + " on " + $parameter["gateway"]}}',
    description: 'Run an administrative command on a gateway or modem: status, balance, ports, queues, push settings, restarts',
    documentationUrl: PACKAGE_DOCUMENTATION_URL,
    defaults: { name: 'SMS Gateway Admin' },
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: gatewayCredentials(administered),
    properties: [gatewayProperty(administered), ...administered.flatMap(commandProperties)],
  };

  methods = { credentialTest: { [CREDENTIAL_TEST]: testGatewayCredential } };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const gateway = gatewayKey(this.getNodeParameter('gateway', 0));
    const entry = registry.get(gateway);
    const output: INodeExecutionData[] = [];
    await withGatewayClient(this, gateway, async (client) => {
      for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
        try {
          const command = this.getNodeParameter('command', itemIndex) as string;
          const descriptor = entry.adminCommands.find((candidate) => candidate.name === command);
          const args = descriptor && descriptor.args.length > 0 ? (this.getNodeParameter('arguments', itemIndex, {}) as IDataObject) : {};
          // The core reads the arguments by the command's descriptors (and refuses unknown commands by name).
          const result = await client.admin!(command, args);
          output.push({ json: result as unknown as IDataObject, pairedItem: { item: itemIndex } });
        } catch (error) {
          if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
          output.push({ json: errorItemJson(error), pairedItem: { item: itemIndex } });
        }
      }
    });
    return [output];
  }
}
