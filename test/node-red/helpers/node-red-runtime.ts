/**
 * Our Node-RED nodes in the real Node-RED runtime, through node-red-node-test-helper: load a flow
 * with credentials, reach its nodes, wait for what they send, and serve Node-RED's HTTP node app
 * (where `sms in` registers its push endpoint) on a real port so simulators can push to it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const helper = require('node-red-node-test-helper');
helper.init(require.resolve('node-red'));

export const NODE_TYPES = ['smsbridge-gateway', 'smsbridge-modem', 'sms-send', 'sms-in', 'sms-status', 'sms-ussd', 'sms-admin'] as const;
const DIST = join(__dirname, '..', '..', '..', 'node-red', 'dist', 'nodes');

/** Our node modules as Node-RED loads them: the compiled files of the package. */
export function nodeModules(): unknown[] {
  return NODE_TYPES.map((type) => require(join(DIST, `${type}.js`)));
}

/** Node-RED's own Catch node, for tests that check what a flow's error handling sees. */
export function catchNodeModule(): unknown {
  return require('@node-red/nodes/core/common/25-catch.js');
}

export type FlowNode = Record<string, unknown> & { id: string; type: string };
export type Msg = Record<string, unknown>;

export interface TestNode {
  id: string;
  on(event: string, handler: (...args: any[]) => void): void;
  receive(msg: Msg): void;
  status: { lastCall?: { args: unknown[] }; getCalls?: () => { args: unknown[] }[] };
  [key: string]: any;
}

/** Loads `flow`; nodes on a tab (`z`) get a position, which is what makes them flow nodes rather than config nodes to Node-RED. */
export async function loadFlow(flow: FlowNode[], credentials: Record<string, Record<string, string>> = {}, extraModules: unknown[] = []): Promise<void> {
  const placed = flow.map((node) => (node['z'] !== undefined && node['x'] === undefined ? { x: 100, y: 100, ...node } : node));
  await helper.load([...nodeModules(), ...extraModules], placed, credentials);
}

/** A full deploy of `flow` in the running runtime, as the editor's Deploy button does it (the global context stays). */
export async function redeployFlow(flow: FlowNode[], credentials: Record<string, Record<string, string>> = {}): Promise<void> {
  const placed = flow.map((node) => (node['z'] !== undefined && node['x'] === undefined ? { x: 100, y: 100, ...node } : node));
  await helper.setFlows(placed, 'full', credentials);
}

export async function unloadFlow(): Promise<void> {
  await helper.unload();
}

export function getNode(id: string): TestNode {
  const node = helper.getNode(id);
  if (!node) throw new Error(`node ${id} is not in the loaded flow`);
  return node as TestNode;
}

/** Settings for the next `loadFlow` (context stores …). */
export function runtimeSettings(settings: Record<string, unknown>): void {
  helper.settings(settings);
}

/** Collects every message a helper node receives. */
export function collect(id: string): Msg[] {
  const received: Msg[] = [];
  getNode(id).on('input', (msg: Msg) => received.push(msg));
  return received;
}

/** Errors a node reported (its `done(err)` and `node.error`). */
export function errorsOf(id: string): { error: any; msg?: Msg }[] {
  const errors: { error: any; msg?: Msg }[] = [];
  getNode(id).on('call:error', (call: { args: unknown[] }) => errors.push({ error: call.args[0], msg: call.args[1] as Msg | undefined }));
  return errors;
}

/** The latest status a node shows. */
export function statusOf(id: string): { fill?: string; shape?: string; text?: string } | undefined {
  const node = getNode(id);
  const calls = (node.status as unknown as { getCalls(): { args: unknown[] }[] }).getCalls?.() ?? [];
  return calls.at(-1)?.args[0] as { text?: string } | undefined;
}

/** Polls `condition` every 20 ms up to `timeoutMs` (bounded), failing with `what`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Node-RED's HTTP node app (what `RED.httpNode` is for the nodes of the flow loaded at the time of a call), served on 127.0.0.1. */
export async function serveHttpNode(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => (helper._registryUtil.createNodeApi({}).httpNode as (req: unknown, res: unknown) => void)(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The admin app (what `RED.httpAdmin` is), for the editor's endpoints. */
export function adminRequest(): any {
  return helper.request();
}
