/**
 * SMS Trigger's poll against the Diafaan simulator with a stand-in for n8n's poll context: a
 * manual "fetch test event" returns a real sample and changes nothing; an active poll emits each
 * message once and removes it from the gateway only at the next poll (after n8n started the
 * execution carrying it); an empty inbox emits nothing (null).
 */
import type { INode, IPollFunctions, WorkflowExecuteMode } from 'n8n-workflow';
import { SmsTrigger } from '../../nodes/SmsTrigger/SmsTrigger.node';
import { createSimulator, type GatewaySimulator } from '../../packages/core/src/testing';

let simulator: GatewaySimulator;
const staticData: Record<string, unknown> = {};
let mode: WorkflowExecuteMode = 'trigger';

const node: INode = { id: '1', name: 'SMS Trigger', type: 'n8n-nodes-smsbridge.smsTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
const context = {
  getNodeParameter: (name: string) => (name === 'gateway' ? 'diafaan' : undefined),
  getWorkflowStaticData: () => staticData,
  getMode: () => mode,
  getNode: () => node,
  getCredentials: async () => ({ url: simulator.baseUrl, ...simulator.describe().credentials }),
} as unknown as IPollFunctions;
const trigger = new SmsTrigger();
const poll = () => trigger.poll.call(context);
const inboxTexts = () => simulator.network.inbox.map((message) => message.text);

beforeAll(async () => {
  simulator = createSimulator('diafaan');
  await simulator.start();
});
afterAll(async () => {
  await simulator.stop();
});

it('returns a real sample for "fetch test event" and changes nothing', async () => {
  simulator.network.injectInbound({ from: '+447700900123', text: 'sample me' });
  mode = 'manual';
  const sample = await poll();
  expect(sample?.[0]?.map((item) => item.json['text'])).toEqual(['sample me']);
  expect(staticData).toEqual({});
  expect(inboxTexts()).toEqual(['sample me']);
});

it('emits each message once and removes it only at the poll after', async () => {
  mode = 'trigger';
  const first = await poll();
  expect(first?.[0]?.map((item) => item.json['text'])).toEqual(['sample me']);
  expect(inboxTexts()).toEqual(['sample me']);

  simulator.network.injectInbound({ from: '+447700900124', text: 'second' });
  const second = await poll();
  expect(second?.[0]?.map((item) => item.json['text'])).toEqual(['second']);
  expect(inboxTexts()).toEqual(['second']);

  expect(await poll()).toBeNull();
  expect(inboxTexts()).toEqual([]);
  expect(await poll()).toBeNull();
});
