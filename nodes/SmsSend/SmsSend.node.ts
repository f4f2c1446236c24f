import {
  batchSends,
  parseRecipients,
  previewSend,
  readSendRequest,
  checkAllowedRecipients,
  transliterateToGsm7,
  type GatewayClient,
  type SendBatch,
  type SendJournal,
  type SendRequest,
  type SendResult,
  type VendorEntry,
} from '@smsbridge/core';
import {
  NodeConnectionTypes,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
} from 'n8n-workflow';
import { testGatewayCredential } from '../shared/CredentialTest';
import { executionSendJournals } from '../shared/ExecutionSendJournal';
import { gatewayKey, withGatewayClient } from '../shared/GatewayClientScope';
import { registry } from '../shared/GatewayHost';
import { CREDENTIAL_TEST, gatewayCredentials, gatewayProperty, gatewaysWhere } from '../shared/GatewayParameter';
import { MAX_RECIPIENTS_PER_SEND, PACKAGE_DOCUMENTATION_URL, SEND_CONCURRENCY } from '../shared/NodeDefaults';
import { errorItemJson, toNodeError } from '../shared/NodeErrors';
import { runLimited } from '../shared/RunLimited';
import { HOST_OPTION_NAMES, sendProperties } from './SmsSendDescription';

const senders = gatewaysWhere((entry) => entry.capabilities.operations.includes('send'));

/** One input item read into a send, or the reason it cannot be sent. */
type PreparedItem = { itemIndex: number; request: SendRequest } | { itemIndex: number; error: unknown };

export class SmsSend implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SMS Send',
    name: 'smsSend',
    icon: { light: 'file:smsSend.svg', dark: 'file:smsSend.dark.svg' },
    group: ['output'],
    version: 1,
    subtitle: '={{"via " + $parameter["gateway"]}}',
    description: 'Send an SMS through a GSM gateway, an SMS server, a bulk SMS provider or a GSM modem',
    documentationUrl: PACKAGE_DOCUMENTATION_URL,
    defaults: { name: 'SMS Send' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: gatewayCredentials(senders),
    properties: [gatewayProperty(senders), ...sendProperties(senders)],
  };

  methods = { credentialTest: { [CREDENTIAL_TEST]: testGatewayCredential } };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const gateway = gatewayKey(this.getNodeParameter('gateway', 0));
    const entry = registry.get(gateway);
    const previewOnly = this.getNodeParameter('previewOnly', 0, false) as boolean;
    const output: INodeExecutionData[][] = items.map(() => []);

    // Every item is read and checked before anything is sent: a bad number in item 7 stops the
    // run before items 0-6 went out, unless the workflow continues on failures.
    const prepared: PreparedItem[] = items.map((_, itemIndex) => {
      try {
        return { itemIndex, request: readItem(this, entry, itemIndex) };
      } catch (error) {
        return { itemIndex, error };
      }
    });
    for (const item of prepared) {
      if (!('error' in item)) continue;
      if (!this.continueOnFail()) throw toNodeError(this.getNode(), item.error, item.itemIndex);
      output[item.itemIndex]!.push({ json: errorItemJson(item.error), pairedItem: { item: item.itemIndex } });
    }
    const ready = prepared.filter((item): item is { itemIndex: number; request: SendRequest } => !('error' in item));

    if (previewOnly) {
      for (const { itemIndex, request } of ready) {
        const price = this.getNodeParameter('options.pricePerPart', itemIndex, 0) as number;
        for (const preview of previewSend(entry, request, price > 0 ? price : undefined)) {
          output[itemIndex]!.push({ json: { ...preview, preview: true } as unknown as IDataObject, pairedItem: { item: itemIndex } });
        }
      }
      return [output.flat()];
    }
    if (ready.length === 0) return [output.flat()];

    // Journaled (queue mode, or an idempotency key), a repeated send sends only what never left.
    const idempotencyKeys = new Map<number, string>();
    for (const { itemIndex } of ready) {
      const key = String(this.getNodeParameter('options.idempotencyKey', itemIndex, '') ?? '').trim();
      if (key !== '') idempotencyKeys.set(itemIndex, key);
    }
    const journals = await executionSendJournals(this, idempotencyKeys).catch((error: unknown) => {
      throw toNodeError(this.getNode(), error, 0);
    });
    await withGatewayClient(this, gateway, async (client) => {
      // Consecutive items with the same text and options go out as one send (the vendor's batch form).
      const batches = batchSends(ready.map(({ itemIndex, request }) => ({ owner: itemIndex, request })), MAX_RECIPIENTS_PER_SEND);
      const settled = await runLimited(
        batches.map((batch) => () => sendBatch(client, batch, journals?.(batch))),
        SEND_CONCURRENCY,
      );
      settled.forEach((result, batchIndex) => {
        const itemIndexes = batches[batchIndex]!.callers;
        if (result.status === 'rejected') {
          if (!this.continueOnFail()) throw toNodeError(this.getNode(), result.reason, itemIndexes[0]);
          for (const itemIndex of itemIndexes) output[itemIndex]!.push({ json: errorItemJson(result.reason), pairedItem: { item: itemIndex } });
          return;
        }
        for (const [itemIndex, sendResults] of result.value) {
          for (const sendResult of sendResults) output[itemIndex]!.push({ json: sendResult as unknown as IDataObject, pairedItem: { item: itemIndex } });
        }
      });
    });
    return [output.flat()];
  }
}

/** One item's send request from its parameters, checked like a real send (allow-list first). */
function readItem(context: IExecuteFunctions, entry: VendorEntry, itemIndex: number): SendRequest {
  const to = parseRecipients(context.getNodeParameter('to', itemIndex) as string | string[]);
  const text = context.getNodeParameter('text', itemIndex, '') as string;
  const options = { ...(context.getNodeParameter('options', itemIndex, {}) as IDataObject) };
  const { allowedRecipients, transliterate } = options;
  // The node's own options; the rest are the core's send fields.
  for (const own of HOST_OPTION_NAMES) delete options[own];
  const fields = options;
  checkAllowedRecipients(to, typeof allowedRecipients === 'string' ? allowedRecipients : '');
  const vendorOptions = entry.sendOptions.length > 0 ? (context.getNodeParameter('vendorOptions', itemIndex, {}) as IDataObject) : {};
  const request = readSendRequest({ ...fields, to, text: transliterate === true ? transliterateToGsm7(text) : text }, vendorOptions);
  if (transliterate === true) request.encoding = 'gsm7';
  // The same check a send runs, without sending: input errors belong to this item.
  previewSend(entry, request);
  return request;
}

/**
 * Sends a batch once (never repeated here: the core decided what was safe to retry; with a journal,
 * what an earlier run of this execution sent is handed back, not sent) and hands each recipient's
 * result back to its item.
 */
async function sendBatch(client: GatewayClient, batch: SendBatch<number>, journal: SendJournal | undefined): Promise<Map<number, SendResult[]>> {
  return batch.split(await client.send(batch.request, journal ? { journal } : {}));
}
