import { createHash, timingSafeEqual } from 'node:crypto';
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
/** The secret is the last path segment unless it travels in a header (then the path is the same for every secret). */
const WEBHOOK_PATH = '={{$parameter["secretIn"] !== "header" && $parameter["secret"] ? "smsbridge/" + $parameter["secret"] : "smsbridge"}}';

/** Compares in constant time (over digests of equal length, so the secret's length does not show either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** One header value as Node gives it (a repeated header is a list: not a secret we accept). */
function headerValue(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
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
        description: 'A hard-to-guess word only the gateway knows: part of the URL, or the value of a header the gateway sends (see Secret In). Use letters, digits and dashes.',
      },
      {
        displayName: 'Secret In',
        name: 'secretIn',
        type: 'options',
        noDataExpression: true,
        default: 'path',
        options: [
          { name: 'URL Path', value: 'path', description: 'The URL ends in /smsbridge/ and the secret: works with every gateway, but the secret shows in URLs and logs' },
          { name: 'Header', value: 'header', description: 'The caller sends the secret in a header you name (a gateway or proxy that can add headers); any other call is answered 401' },
        ],
        description: 'Where the caller presents the secret',
      },
      {
        displayName: 'Secret Header Name',
        name: 'headerName',
        type: 'string',
        default: 'X-Smsbridge-Secret',
        required: true,
        displayOptions: { show: { secretIn: ['header'] } },
        description: 'The header that carries the secret, e.g. X-Smsbridge-Secret (names are not case-sensitive)',
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
    if (this.getNodeParameter('secretIn', 'path') === 'header') {
      const name = String(this.getNodeParameter('headerName', '')).trim().toLowerCase();
      const expected = String(this.getNodeParameter('secret', ''));
      const given = name === '' ? undefined : headerValue(request.headers[name]);
      if (expected === '' || given === undefined || !sameSecret(given, expected)) {
        // Nothing about why: a caller without the secret learns nothing, and no execution starts.
        response.status(401).type('text/plain').send('Unauthorized');
        return { noWebhookResponse: true };
      }
    }
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
