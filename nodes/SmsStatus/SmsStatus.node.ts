import { isFinalState, waitForFinalStatus } from '@smsbridge/core';
import {
  NodeConnectionTypes,
  NodeOperationError,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
} from 'n8n-workflow';
import { testGatewayCredential } from '../shared/CredentialTest';
import { gatewayKey, withGatewayClient } from '../shared/GatewayClientScope';
import { registry } from '../shared/GatewayHost';
import { CREDENTIAL_TEST, forGateways, gatewayCredentials, gatewayProperty, gatewaysWhere } from '../shared/GatewayParameter';
import { PACKAGE_DOCUMENTATION_URL } from '../shared/NodeDefaults';
import { errorItemJson, toNodeError } from '../shared/NodeErrors';

const every = gatewaysWhere(() => true);
const withoutQuery = every.filter((entry) => !entry.capabilities.operations.includes('status')).map((entry) => entry.key);
const withQuery = every.filter((entry) => entry.capabilities.operations.includes('status')).map((entry) => entry.key);

export class SmsStatus implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SMS Status',
    name: 'smsStatus',
    icon: { light: 'file:smsStatus.svg', dark: 'file:smsStatus.dark.svg' },
    group: ['input'],
    version: 1,
    subtitle: '={{"via " + $parameter["gateway"]}}',
    description: 'Ask a gateway for the delivery status of a sent SMS, once or until it is final',
    documentationUrl: PACKAGE_DOCUMENTATION_URL,
    defaults: { name: 'SMS Status' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: gatewayCredentials(every),
    properties: [
      gatewayProperty(every),
      forGateways(withoutQuery, {
        displayName: 'This gateway cannot be asked for a status: its delivery reports arrive by push. Use the SMS Webhook Trigger (or for a modem the SMS Trigger) instead.',
        name: 'noStatusNotice',
        type: 'notice',
        default: '',
      }),
      forGateways(withQuery, {
        displayName: 'Message ID',
        name: 'messageId',
        type: 'string',
        required: true,
        default: '',
        description: 'The gateway\'s ID of the message, as SMS Send returned it (messageId)',
      }),
      forGateways(withQuery, {
        displayName: 'Wait Until Final',
        name: 'waitUntilFinal',
        type: 'boolean',
        default: false,
        description: 'Whether to ask again, waiting longer each time, until the status is delivered, failed or expired, or the timeout is reached',
      }),
      {
        displayName: 'Timeout (Seconds)',
        name: 'timeoutSeconds',
        type: 'number',
        default: 300,
        typeOptions: { minValue: 1 },
        description: 'How long to wait for a final status; the last status seen is returned with final = false',
        displayOptions: { show: { gateway: withQuery, waitUntilFinal: [true] } },
      },
      {
        displayName: 'First Interval (Seconds)',
        name: 'intervalSeconds',
        type: 'number',
        default: 2,
        typeOptions: { minValue: 0.1, numberPrecision: 1 },
        description: 'Wait before the second query; it doubles after each query, up to a minute',
        displayOptions: { show: { gateway: withQuery, waitUntilFinal: [true] } },
      },
    ],
  };

  methods = { credentialTest: { [CREDENTIAL_TEST]: testGatewayCredential } };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const gateway = gatewayKey(this.getNodeParameter('gateway', 0));
    const entry = registry.get(gateway);
    const output: INodeExecutionData[] = [];
    if (!entry.capabilities.operations.includes('status')) {
      // Configuration, not input: every item gets the same answer, under continue-on-fail too.
      for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
        const error = new NodeOperationError(
          this.getNode(),
          `${entry.describe.displayName} cannot be asked for a message's status: its delivery reports arrive by push. Use the SMS Webhook Trigger (or for a modem the SMS Trigger) instead.`,
          { itemIndex },
        );
        if (!this.continueOnFail()) throw error;
        output.push({ json: errorItemJson(error), pairedItem: { item: itemIndex } });
      }
      return [output];
    }
    await withGatewayClient(this, gateway, async (client) => {
      for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
        try {
          const messageId = String(this.getNodeParameter('messageId', itemIndex)).trim();
          if (messageId === '') throw new NodeOperationError(this.getNode(), 'The message ID is empty: map the messageId of SMS Send\'s output.', { itemIndex });
          const wait = this.getNodeParameter('waitUntilFinal', itemIndex, false) as boolean;
          let json: IDataObject;
          if (wait) {
            const result = await waitForFinalStatus(client, messageId, {
              timeoutMs: (this.getNodeParameter('timeoutSeconds', itemIndex, 300) as number) * 1000,
              initialIntervalMs: (this.getNodeParameter('intervalSeconds', itemIndex, 2) as number) * 1000,
            });
            json = { ...result.status, final: result.final, queries: result.queries } as unknown as IDataObject;
          } else {
            const status = await client.status!(messageId);
            json = { ...status, final: isFinalState(status.state) } as unknown as IDataObject;
          }
          output.push({ json, pairedItem: { item: itemIndex } });
        } catch (error) {
          if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
          output.push({ json: errorItemJson(error), pairedItem: { item: itemIndex } });
        }
      }
    });
    return [output];
  }
}
