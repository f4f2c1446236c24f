/**
 * SMS Trigger's "Delivery Reports" events with a stand-in for n8n's poll context, against the
 * Dinstar simulator and a virtual modem on a pseudo-terminal: each report is emitted once (as an
 * item with event "status", named by the send's message id), a manual "fetch test event" stores
 * nothing, and the default events stay "Received SMS" (saved workflows keep today's behaviour).
 */
import type { INode, IPollFunctions, WorkflowExecuteMode } from 'n8n-workflow';
import { SmsTrigger } from '../../nodes/SmsTrigger/SmsTrigger.node';
import { openClient } from '../../nodes/shared/GatewayHost';
import { createSimulator, virtualModem, type GatewaySimulator } from '../../packages/core/src/testing';

let simulator: GatewaySimulator;
let modem: virtualModem.PtyVirtualModem;
const PIN = '2468';

function pollOf(gateway: string, credentials: () => Record<string, unknown>, parameters: Record<string, unknown>) {
  const staticData: Record<string, unknown> = {};
  let mode: WorkflowExecuteMode = 'trigger';
  const node: INode = { id: '1', name: 'SMS Trigger', type: 'n8n-nodes-smsbridge.smsTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
  const context = {
    getNodeParameter: (name: string, fallback?: unknown) => (name === 'gateway' ? gateway : name in parameters ? parameters[name] : fallback),
    getWorkflowStaticData: () => staticData,
    getMode: () => mode,
    getNode: () => node,
    getCredentials: async () => credentials(),
  } as unknown as IPollFunctions;
  const trigger = new SmsTrigger();
  return {
    staticData,
    setMode: (next: WorkflowExecuteMode) => (mode = next),
    poll: async () => (await trigger.poll.call(context))?.[0]?.map((item) => item.json) ?? null,
  };
}

beforeAll(async () => {
  simulator = createSimulator('dinstar', { network: { sendDelayMs: 5, deliveryDelayMs: 5 } });
  await simulator.start();
  modem = await virtualModem.PtyVirtualModem.start({ profile: 'simcom', pin: PIN, network: { deliveryDelayMs: 200 } });
});
afterAll(async () => {
  await simulator.stop();
  await modem.close();
});

const dinstarCredentials = () => ({ url: simulator.baseUrl, ...simulator.describe().credentials });
const modemCredentials = () => ({ port: modem.path, baudRate: 115200, pin: PIN });

it('Dinstar: each delivery report once, named by the send\'s id; a manual sample stores nothing; the default still lists received SMS only', async () => {
  const reports = pollOf('dinstar', dinstarCredentials, { events: 'reports' });
  expect(await reports.poll()).toBeNull();
  const client = openClient('dinstar', dinstarCredentials());
  const [sent] = await client.send({ to: ['+447700900301'], text: 'report me', statusReport: true });
  await client.close();
  for (let attempt = 0; attempt < 100 && (simulator as unknown as { reports: unknown[] }).reports.length === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));

  reports.setMode('manual');
  const cursorBefore = reports.staticData['reportCursor'];
  expect(await reports.poll()).toEqual([expect.objectContaining({ event: 'status', messageId: sent!.messageId, state: 'delivered' })]);
  expect(reports.staticData['reportCursor']).toEqual(cursorBefore);
  reports.setMode('trigger');
  expect(await reports.poll()).toEqual([expect.objectContaining({ event: 'status', messageId: sent!.messageId, state: 'delivered', gateway: 'dinstar' })]);
  expect(await reports.poll()).toBeNull();

  const messages = pollOf('dinstar', dinstarCredentials, {});
  simulator.network.injectInbound({ from: '+447700900302', text: 'hello' });
  expect(await messages.poll()).toEqual([expect.objectContaining({ event: 'inbound', text: 'hello' })]);
  expect(await messages.poll()).toBeNull();
});

it('modem: the report filed on the SIM comes once, together with received SMS when both are asked for', async () => {
  const both = pollOf('modem', modemCredentials, { events: 'both' });
  expect(await both.poll()).toBeNull();
  const client = openClient('modem', modemCredentials());
  const [sent] = await client.send({ to: ['+447700900303'], text: 'report me', statusReport: true });
  await client.close();
  modem.modem.injectSms({ from: '+447700900304', text: 'hi there' });
  for (let attempt = 0; attempt < 100 && modem.modem.storage('SR').used === 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
  const items = await both.poll();
  expect(items).toEqual([
    expect.objectContaining({ event: 'inbound', text: 'hi there' }),
    expect.objectContaining({ event: 'status', messageId: sent!.messageId, state: 'delivered', gateway: 'modem' }),
  ]);
  expect(await both.poll()).toBeNull();
});
