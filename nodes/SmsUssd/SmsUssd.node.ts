import type { GatewayClient, UssdExchange } from '@smsbridge/core';
import {
  NodeConnectionTypes,
  NodeOperationError,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodePropertyOptions,
  type INodeType,
  type INodeTypeDescription,
} from 'n8n-workflow';
import { testGatewayCredential } from '../shared/CredentialTest';
import { gatewayKey } from '../shared/GatewayClientScope';
import { workflowClient } from '../shared/WorkflowClients';
import { registry } from '../shared/GatewayHost';
import { CREDENTIAL_TEST, forGateways, gatewayCredentials, gatewayProperty, gatewaysWhere } from '../shared/GatewayParameter';
import { PACKAGE_DOCUMENTATION_URL } from '../shared/NodeDefaults';
import { errorItemJson, toNodeError } from '../shared/NodeErrors';

/** The USSD operations, each present where the gateway's client has it. */
const OPERATIONS: readonly (INodePropertyOptions & { value: 'ussd' | 'ussdContinue' | 'ussdCancel' })[] = [
  { name: 'Send Code', value: 'ussd', action: 'Send a USSD code', description: 'Dial a USSD code (*100#) and return the network\'s reply' },
  { name: 'Answer Menu', value: 'ussdContinue', action: 'Answer a USSD menu', description: 'Answer a menu that waits for input (awaitingInput was true)' },
  { name: 'Cancel Session', value: 'ussdCancel', action: 'Cancel a USSD session', description: 'End a menu session that waits for input' },
];

const dialers = gatewaysWhere((entry) => entry.capabilities.operations.includes('ussd'));

export class SmsUssd implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'USSD',
    name: 'smsUssd',
    icon: { light: 'file:smsUssd.svg', dark: 'file:smsUssd.dark.svg' },
    group: ['output'],
    version: 1,
    subtitle: '={{$parameter["operation"] + " via " + $parameter["gateway"]}}',
    description: 'Send a USSD code through a GSM gateway or modem, and answer or cancel its menus',
    documentationUrl: PACKAGE_DOCUMENTATION_URL,
    defaults: { name: 'USSD' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: gatewayCredentials(dialers),
    properties: [
      gatewayProperty(dialers),
      ...dialers.map((entry) =>
        forGateways([entry.key], {
          displayName: 'Operation',
          name: 'operation',
          type: 'options',
          noDataExpression: true,
          default: 'ussd',
          options: OPERATIONS.filter((operation) => entry.capabilities.operations.includes(operation.value)),
        }),
      ),
      {
        displayName: 'Code',
        name: 'code',
        type: 'string',
        required: true,
        default: '',
        placeholder: '*100#',
        description: 'The USSD code to dial',
        displayOptions: { show: { operation: ['ussd'] } },
      },
      {
        displayName: 'Answer',
        name: 'answer',
        type: 'string',
        required: true,
        default: '',
        placeholder: '1',
        description: 'What to answer the menu (usually the number of a choice)',
        displayOptions: { show: { operation: ['ussdContinue'] } },
      },
      {
        displayName: 'Port',
        name: 'port',
        type: 'string',
        default: '',
        description: 'Gateway port or SIM to use, where the gateway has several; empty for the gateway\'s default',
      },
    ],
  };

  methods = { credentialTest: { [CREDENTIAL_TEST]: testGatewayCredential } };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const gateway = gatewayKey(this.getNodeParameter('gateway', 0));
    const entry = registry.get(gateway);
    const output: INodeExecutionData[] = [];
    // One client per workflow and credential, kept between runs: a menu opened here is answered by the next USSD node.
    const client = await workflowClient(this, gateway);
    {
      for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
        try {
          const operation = this.getNodeParameter('operation', itemIndex) as string;
          if (!(entry.capabilities.operations as readonly string[]).includes(operation)) {
            throw new NodeOperationError(this.getNode(), `${entry.describe.displayName} has no USSD operation "${operation}".`, { itemIndex });
          }
          const portText = String(this.getNodeParameter('port', itemIndex, '')).trim();
          const port = portText === '' ? undefined : /^\d+$/.test(portText) ? Number(portText) : portText;
          const json = await runUssd(this, client, operation, itemIndex, port);
          output.push({ json, pairedItem: { item: itemIndex } });
        } catch (error) {
          if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
          output.push({ json: errorItemJson(error), pairedItem: { item: itemIndex } });
        }
      }
    }
    return [output];
  }
}

async function runUssd(context: IExecuteFunctions, client: GatewayClient, operation: string, itemIndex: number, port: string | number | undefined): Promise<IDataObject> {
  const at = port === undefined ? {} : { port };
  if (operation === 'ussdCancel') {
    await client.ussdCancel!(at);
    return { cancelled: true, gateway: client.gateway, ...at };
  }
  let exchange: UssdExchange;
  if (operation === 'ussdContinue') {
    exchange = await client.ussdContinue!({ answer: String(context.getNodeParameter('answer', itemIndex)), ...at });
  } else {
    exchange = await client.ussd!({ code: String(context.getNodeParameter('code', itemIndex)).trim(), ...at });
  }
  return exchange as unknown as IDataObject;
}
