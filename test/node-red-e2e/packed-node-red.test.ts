/**
 * The pack installed from its `npm pack` tarballs into a fresh Node-RED user directory, in a real
 * Node-RED process: an example flow deployed through the Admin API sends an SMS that reaches the
 * simulator, an SMS injected at the simulator comes out of `sms in`, and after a restart of the
 * whole runtime (Ctrl-C, start again) each inbound SMS has come out exactly once.
 */
import { readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createSimulator, type GatewaySimulator } from '@smsbridge/core/testing';
import { REPOSITORY, userDirWithPack } from './helpers/packed-pack';
import { freePort, RealNodeRed } from './helpers/real-node-red';

jest.setTimeout(300_000);

let userDir: string;
let nodeRed: RealNodeRed;
let simulator: GatewaySimulator;
let collector: Server;
let collectorUrl: string;
const received: { path: string; body: string }[] = [];

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  userDir = userDirWithPack();
  simulator = createSimulator('dinstar');
  await simulator.start();
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  collectorUrl = `http://127.0.0.1:${(collector.address() as { port: number }).port}`;
  nodeRed = new RealNodeRed(userDir, await freePort());
});

afterAll(async () => {
  await nodeRed?.stop();
  await simulator?.stop();
  await new Promise((resolve) => collector?.close(resolve));
  if (userDir) rmSync(userDir, { recursive: true, force: true });
});

/** The Dinstar example as shipped, pointed at the simulator, with a report of what sms in emits. */
function exampleFlow(): Record<string, unknown>[] {
  const example = JSON.parse(readFileSync(join(REPOSITORY, 'node-red', 'examples', 'dinstar.json'), 'utf8')) as Record<string, unknown>[];
  const { username, password } = simulator.describe().credentials;
  const flow: Record<string, unknown>[] = [{ id: 'e2e-tab', type: 'tab', label: 'Dinstar example' }];
  for (const node of example) {
    const placed: Record<string, unknown> = node['type'] === 'smsbridge-gateway' ? { ...node, url: simulator.baseUrl, credentials: { username, password } } : { ...node, z: 'e2e-tab' };
    if (placed['type'] === 'sms-in') {
      placed['interval'] = 1;
      placed['wires'] = [['e2e-report-inbound'], []];
    }
    if (placed['type'] === 'sms-send') placed['wires'] = [['e2e-report-sent']];
    flow.push(placed);
  }
  flow.push({ id: 'e2e-report-inbound', type: 'http request', z: 'e2e-tab', method: 'POST', ret: 'txt', paytoqs: 'ignore', url: `${collectorUrl}/inbound`, x: 400, y: 400, wires: [[]] });
  flow.push({ id: 'e2e-report-sent', type: 'http request', z: 'e2e-tab', method: 'POST', ret: 'txt', paytoqs: 'ignore', url: `${collectorUrl}/sent`, x: 400, y: 440, wires: [[]] });
  return flow;
}

const messagesTo = (digits: string) => [...simulator.network.messages.values()].filter((message) => message.to.replace(/\D/g, '') === digits).length;
const inbound = () => received.filter((entry) => entry.path === '/inbound').map((entry) => entry.body);

it('installs from the tarballs, deploys the example, sends, receives, and keeps each inbound SMS once across a restart', async () => {
  await nodeRed.start();
  const palette = (await (await fetch(`${nodeRed.url}/nodes`, { headers: { accept: 'application/json' } })).json()) as { module: string; types: string[]; err?: string }[];
  const ours = palette.filter((set) => set.module === 'node-red-contrib-smsbridge');
  expect(ours.flatMap((set) => set.types).sort()).toEqual(['sms-admin', 'sms-in', 'sms-send', 'sms-status', 'sms-ussd', 'smsbridge-gateway', 'smsbridge-modem']);
  expect(ours.filter((set) => set.err)).toEqual([]);
  await nodeRed.deploy(exampleFlow());

  await nodeRed.inject('dinstar-inject-send');
  await waitFor(() => received.some((entry) => entry.path === '/sent'), 'the send results');
  expect(messagesTo('447700900123')).toBe(1);
  expect(JSON.parse(received.find((entry) => entry.path === '/sent')!.body)).toMatchObject([{ accepted: true, gateway: 'dinstar' }]);

  simulator.network.injectInbound({ from: '+447700900555', text: 'before the restart' });
  await waitFor(() => inbound().length === 1, 'the first inbound SMS');
  expect(inbound()).toEqual(['before the restart']);

  expect(await nodeRed.stop()).toBe(0);
  simulator.network.injectInbound({ from: '+447700900556', text: 'while Node-RED was down' });
  await nodeRed.start();
  await waitFor(() => inbound().length === 2, 'the SMS that arrived while Node-RED was down');
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(inbound()).toEqual(['before the restart', 'while Node-RED was down']);
  expect(messagesTo('447700900123')).toBe(1);

  const { password } = simulator.describe().credentials;
  expect(nodeRed.log).not.toContain(password);
});
