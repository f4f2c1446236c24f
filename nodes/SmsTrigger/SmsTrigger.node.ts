import type { InboundMessage } from '@smsbridge/core';
import {
  NodeConnectionTypes,
  type IDataObject,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
  type IPollFunctions,
} from 'n8n-workflow';
import { testGatewayCredential } from '../shared/CredentialTest';
import { gatewayKey, withGatewayClient } from '../shared/GatewayClientScope';
import { CREDENTIAL_TEST, gatewayCredentials, gatewayProperty, gatewaysWhere } from '../shared/GatewayParameter';
import { PACKAGE_DOCUMENTATION_URL } from '../shared/NodeDefaults';
import { toNodeError } from '../shared/NodeErrors';

const listers = gatewaysWhere((entry) => entry.capabilities.operations.includes('inbox'));

/** What the trigger keeps in the workflow's static data between polls (and n8n restarts). */
interface TriggerState {
  /** The gateway's inbox cursor (opaque, small). */
  cursor?: string;
  /** Messages handed to an execution by the previous poll: acknowledged (removed from gateway or SIM) at the next one. */
  handedOut?: InboundMessage[];
  /** IDs emitted lately, so a message the gateway lists again (after a failed acknowledge) is not emitted twice. */
  recentIds?: string[];
}

const RECENT_IDS_KEPT = 500;

export class SmsTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SMS Trigger',
    name: 'smsTrigger',
    icon: { light: 'file:smsTrigger.svg', dark: 'file:smsTrigger.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{"inbox of " + $parameter["gateway"]}}',
    description: 'Starts the workflow when an SMS arrives at a gateway or modem that keeps an inbox (polling)',
    documentationUrl: PACKAGE_DOCUMENTATION_URL,
    defaults: { name: 'SMS Trigger' },
    polling: true,
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: gatewayCredentials(listers),
    properties: [
      gatewayProperty(listers),
      {
        displayName: 'Each received SMS starts one execution item, whole (multipart messages joined). It is removed from the gateway or SIM only at the next poll, after the execution carrying it was started.',
        name: 'notice',
        type: 'notice',
        default: '',
      },
    ],
  };

  methods = { credentialTest: { [CREDENTIAL_TEST]: testGatewayCredential } };

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    const gateway = gatewayKey(this.getNodeParameter('gateway'));
    const state = this.getWorkflowStaticData('node') as TriggerState;
    const manual = this.getMode() === 'manual';
    try {
      return await withGatewayClient(this, gateway, async (client) => {
        if (manual) {
          // A real sample, with nothing stored or removed: the active workflow still gets it.
          const page = await client.inbox!(state.cursor);
          const sample = page.messages[0];
          return sample ? [[{ json: sample as unknown as IDataObject }]] : null;
        }
        if (state.handedOut && state.handedOut.length > 0 && client.acknowledge) {
          await client.acknowledge(state.handedOut);
        }
        state.handedOut = [];
        const page = await client.inbox!(state.cursor);
        if (page.cursor !== undefined) state.cursor = page.cursor;
        const recent = new Set(state.recentIds ?? []);
        const fresh = page.messages.filter((message) => !recent.has(message.id));
        state.handedOut = page.messages;
        state.recentIds = [...(state.recentIds ?? []), ...fresh.map((message) => message.id)].slice(-RECENT_IDS_KEPT);
        if (fresh.length === 0) return null;
        return [fresh.map((message) => ({ json: message as unknown as IDataObject }))];
      });
    } catch (error) {
      throw toNodeError(this.getNode(), error);
    }
  }
}
