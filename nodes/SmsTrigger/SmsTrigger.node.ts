import { deliveryReportListingOf, type DeliveryStatus, type InboundMessage } from '@smsbridge/core';
import {
  NodeConnectionTypes,
  type IDataObject,
  type INodeExecutionData,
  type INodeProperties,
  type INodeType,
  type INodeTypeDescription,
  type IPollFunctions,
} from 'n8n-workflow';
import { testGatewayCredential } from '../shared/CredentialTest';
import { GATEWAY_CREDENTIALS } from '../shared/GatewayCredentials';
import { gatewayKey, withGatewayClient } from '../shared/GatewayClientScope';
import { openReportReader, registry } from '../shared/GatewayHost';
import { CREDENTIAL_TEST, forGateways, gatewayCredentials, gatewayProperty, gatewaysWhere } from '../shared/GatewayParameter';
import { PACKAGE_DOCUMENTATION_URL } from '../shared/NodeDefaults';
import { toNodeError } from '../shared/NodeErrors';

const hasInbox = (key: string): boolean => registry.get(key).capabilities.operations.includes('inbox');
const hasReportListing = (key: string): boolean => deliveryReportListingOf(key) !== undefined;
const listers = gatewaysWhere((entry) => hasInbox(entry.key) || hasReportListing(entry.key));

type Events = 'messages' | 'reports' | 'both';

/** What the trigger keeps in the workflow's static data between polls (and n8n restarts). */
interface TriggerState {
  /** The gateway's inbox cursor (opaque, small). */
  cursor?: string;
  /** Messages handed to an execution by the previous poll: acknowledged (removed from gateway or SIM) at the next one. */
  handedOut?: InboundMessage[];
  /** IDs emitted lately, so a message the gateway lists again (after a failed acknowledge) is not emitted twice. */
  recentIds?: string[];
  /** The delivery report listing's cursor (opaque, small). */
  reportCursor?: string;
}

const RECENT_IDS_KEPT = 500;

/** The Events parameter where a gateway can list its delivery reports; without it a trigger lists received SMS, as before. */
function eventsProperties(): INodeProperties[] {
  const both = listers.filter((entry) => hasInbox(entry.key) && hasReportListing(entry.key)).map((entry) => entry.key);
  const reportsOnly = listers.filter((entry) => !hasInbox(entry.key)).map((entry) => entry.key);
  const base = {
    displayName: 'Events',
    name: 'events',
    type: 'options' as const,
    noDataExpression: true,
    description: 'What starts the workflow: SMS received by the gateway, the delivery reports of SMS it sent, or both (each item says which in "event")',
  };
  const properties: INodeProperties[] = [];
  if (both.length > 0) {
    properties.push(
      forGateways(both, {
        ...base,
        default: 'messages',
        options: [
          { name: 'Received SMS', value: 'messages' },
          { name: 'Delivery Reports', value: 'reports' },
          { name: 'Received SMS and Delivery Reports', value: 'both' },
        ],
      }),
    );
  }
  if (reportsOnly.length > 0) properties.push(forGateways(reportsOnly, { ...base, default: 'reports', options: [{ name: 'Delivery Reports', value: 'reports' }] }));
  return properties;
}

export class SmsTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SMS Trigger',
    name: 'smsTrigger',
    icon: { light: 'file:smsTrigger.svg', dark: 'file:smsTrigger.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{"inbox of " + $parameter["gateway"]}}',
    description: 'Starts the workflow when an SMS arrives at a gateway or modem that keeps an inbox, or a delivery report where the gateway lists them (polling)',
    documentationUrl: PACKAGE_DOCUMENTATION_URL,
    defaults: { name: 'SMS Trigger' },
    polling: true,
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: gatewayCredentials(listers),
    properties: [
      gatewayProperty(listers),
      ...eventsProperties(),
      {
        displayName:
          'Each received SMS starts one execution item, whole (multipart messages joined). It is removed from the gateway or SIM only at the next poll, after the execution carrying it was started. Delivery reports come as items with event "status", each once.',
        name: 'notice',
        type: 'notice',
        default: '',
      },
    ],
  };

  methods = { credentialTest: { [CREDENTIAL_TEST]: testGatewayCredential } };

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    const gateway = gatewayKey(this.getNodeParameter('gateway'));
    const fallback: Events = hasInbox(gateway) ? 'messages' : 'reports';
    // Events is shown only where the gateway lists reports; elsewhere the trigger lists received SMS, as it always did.
    const events = hasReportListing(gateway) ? ((this.getNodeParameter('events', fallback) as Events | undefined) ?? fallback) : 'messages';
    const state = this.getWorkflowStaticData('node') as TriggerState;
    const manual = this.getMode() === 'manual';
    const wantsMessages = events !== 'reports';
    const wantsReports = events !== 'messages';
    try {
      const messages = wantsMessages ? await withGatewayClient(this, gateway, (client) => (manual ? sampleMessages(client, state) : newMessages(client, state))) : [];
      if (manual && messages.length > 0) return [[messageItem(messages[0]!)]];
      const reports = wantsReports ? await listReports(this, gateway, state, manual) : [];
      if (manual) return reports.length > 0 ? [[reportItem(reports[0]!)]] : null;
      const items = [...messages.map(messageItem), ...reports.map(reportItem)];
      return items.length > 0 ? [items] : null;
    } catch (error) {
      throw toNodeError(this.getNode(), error);
    }
  }
}

type InboxClient = Parameters<Parameters<typeof withGatewayClient>[2]>[0];

/** "Fetch test event": a real sample, with nothing stored or removed, so the active workflow still gets it. */
async function sampleMessages(client: InboxClient, state: TriggerState): Promise<InboundMessage[]> {
  return (await client.inbox!(state.cursor)).messages.slice(0, 1);
}

/** Acknowledges what the previous poll handed to its execution, then lists what is new. */
async function newMessages(client: InboxClient, state: TriggerState): Promise<InboundMessage[]> {
  if (state.handedOut && state.handedOut.length > 0 && client.acknowledge) {
    await client.acknowledge(state.handedOut);
  }
  state.handedOut = [];
  const page = await client.inbox!(state.cursor);
  if (page.cursor !== undefined) state.cursor = page.cursor;
  const recent = new Set(state.recentIds ?? []);
  const fresh = page.messages.filter((message) => !recent.has(message.id));
  // What the cursor had seen but the gateway still holds (an acknowledge that did not finish) is removed at the next poll too.
  state.handedOut = [...page.messages, ...(page.handedOutBefore ?? [])];
  state.recentIds = [...(state.recentIds ?? []), ...fresh.map((message) => message.id)].slice(-RECENT_IDS_KEPT);
  return fresh;
}

/** Reports after the stored cursor; the cursor moves only in an active poll (a manual sample stores nothing). */
async function listReports(context: IPollFunctions, gateway: ReturnType<typeof gatewayKey>, state: TriggerState, manual: boolean): Promise<DeliveryStatus[]> {
  const credentials = await context.getCredentials(GATEWAY_CREDENTIALS[gateway].name);
  const reader = openReportReader(gateway, credentials as Record<string, unknown>);
  try {
    const page = await reader.reports(state.reportCursor);
    if (!manual) state.reportCursor = page.cursor;
    return page.reports;
  } finally {
    await reader.close().catch(() => undefined);
  }
}

function messageItem(message: InboundMessage): INodeExecutionData {
  return { json: { event: 'inbound', ...message } as unknown as IDataObject };
}

function reportItem(status: DeliveryStatus): INodeExecutionData {
  return { json: { event: 'status', ...status } as unknown as IDataObject };
}
