import { readFields, type PushReceipt } from '@smsbridge/core';
import {
  NodeConnectionTypes,
  NodeOperationError,
  type IDataObject,
  type IHookFunctions,
  type INodeExecutionData,
  type INodeProperties,
  type INodeType,
  type INodeTypeDescription,
  type IWebhookFunctions,
  type IWebhookResponseData,
} from 'n8n-workflow';
import { testGatewayCredential } from '../shared/CredentialTest';
import { GATEWAY_CREDENTIALS } from '../shared/GatewayCredentials';
import { gatewayKey, withGatewayClient } from '../shared/GatewayClientScope';
import { connectionValues, registry } from '../shared/GatewayHost';
import { CREDENTIAL_TEST, forGateways, gatewayCredentials, gatewayProperty, gatewaysWhere } from '../shared/GatewayParameter';
import { PACKAGE_DOCUMENTATION_URL } from '../shared/NodeDefaults';
import { safeMessage } from '../shared/NodeErrors';

const pushers = gatewaysWhere((entry) => entry.push !== undefined);
const WEBHOOK_PATH = '={{$parameter["secret"] ? "smsbridge/" + $parameter["secret"] : "smsbridge"}}';
const URL_PLACEHOLDER = '<this trigger\'s production URL>';

/** What to do on the gateway, per gateway, from its push descriptor. */
function setupNotices(): INodeProperties[] {
  return pushers.map((entry) =>
    forGateways([entry.key], {
      displayName: `Setup: ${entry.push!.setup.instructions(URL_PLACEHOLDER)}${entry.push!.setup.how === 'api' ? ' With "Configure Gateway" on, this is done for you when the workflow is activated.' : ''}`,
      name: 'setupNotice',
      type: 'notice',
      default: '',
    }),
  );
}

export class SmsWebhookTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SMS Webhook Trigger',
    name: 'smsWebhookTrigger',
    icon: { light: 'file:smsWebhookTrigger.svg', dark: 'file:smsWebhookTrigger.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{"pushes from " + $parameter["gateway"]}}',
    description: 'Starts the workflow when a gateway pushes a received SMS, a delivery report or a USSD reply',
    documentationUrl: PACKAGE_DOCUMENTATION_URL,
    defaults: { name: 'SMS Webhook Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: gatewayCredentials(pushers),
    webhooks: [
      { name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: WEBHOOK_PATH },
      { name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: WEBHOOK_PATH },
    ],
    properties: [
      gatewayProperty(pushers),
      {
        displayName: 'Secret',
        name: 'secret',
        type: 'string',
        typeOptions: { password: true },
        default: '',
        required: true,
        description: 'A hard-to-guess word that becomes part of the URL: only a caller that knows it reaches this trigger. Use letters, digits and dashes.',
      },
      ...setupNotices(),
      ...pushers
        .filter((entry) => entry.push!.setup.how === 'api')
        .map((entry) =>
          forGateways([entry.key], {
            displayName: 'Configure Gateway',
            name: 'configureGateway',
            type: 'boolean',
            default: true,
            description: 'Whether to point the gateway\'s push settings at this trigger when the workflow is activated',
          }),
        ),
    ],
  };

  methods = { credentialTest: { [CREDENTIAL_TEST]: testGatewayCredential } };

  webhookMethods = {
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        return false;
      },
      async create(this: IHookFunctions): Promise<boolean> {
        const gateway = gatewayKey(this.getNodeParameter('gateway'));
        const setup = registry.get(gateway).push?.setup;
        if (setup?.how !== 'api' || !setup.configure || this.getNodeParameter('configureGateway', true) !== true) return true;
        const url = this.getNodeWebhookUrl('default');
        if (!url) return true;
        await withGatewayClient(this, gateway, async (client) => {
          await setup.configure!(client, url);
        });
        return true;
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        return true;
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    const gateway = gatewayKey(this.getNodeParameter('gateway'));
    const entry = registry.get(gateway);
    const request = this.getRequestObject();
    const response = this.getResponseObject();
    const credentials = await this.getCredentials(GATEWAY_CREDENTIALS[gateway].name);
    const raw = (request as unknown as { rawBody?: Buffer }).rawBody;
    const body = raw && raw.length > 0 ? raw.toString('utf8') : (this.getBodyData() as Record<string, unknown>);
    let receipt: PushReceipt;
    try {
      receipt = entry.push!.receive(
        { method: request.method, query: this.getQueryData() as Record<string, unknown>, body, contentType: String(request.headers['content-type'] ?? '') },
        readFields({ gateway, label: `The ${entry.describe.displayName} setting` }, entry.connection, connectionValues(entry, credentials as Record<string, unknown>)),
      );
    } catch (error) {
      throw new NodeOperationError(this.getNode(), safeMessage(error));
    }
    response.status(receipt.answer.status).type(receipt.answer.contentType).send(receipt.answer.body);
    const items: INodeExecutionData[] = [
      ...receipt.inbound.map((message) => ({ json: { event: 'inbound', ...message } as unknown as IDataObject })),
      ...receipt.statuses.map((status) => ({ json: { event: 'status', ...status } as unknown as IDataObject })),
      ...receipt.ussd.map((exchange) => ({ json: { event: 'ussd', ...exchange } as unknown as IDataObject })),
    ];
    if (items.length === 0) return { noWebhookResponse: true };
    return { noWebhookResponse: true, workflowData: [items] };
  }
}
