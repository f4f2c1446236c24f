/**
 * `npm start`'s launcher (demo/start-node-red-demo.js) as a user runs it, from the working tree's
 * built output: it becomes ready, the Dinstar example tab's inject button puts an SMS at the
 * simulator, which delivers it; an SMS sent through the deployed demo flow over Node-RED's HTTP
 * API reaches the Dinstar simulator and comes back delivered, an inbound SMS injected at the
 * virtual modem shows up, the demo page in headless Chromium previews, sends and follows a message
 * to "delivered" and lists an injected SMS; a second launcher on the same port says so in one
 * line; then SIGINT stops it and no child process, port or
 * pseudo-terminal is left. The screenshots go to demo/screenshots/ (demo-page.png, node-red-editor.png).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createVendorRegistry } from '@smsbridge/core';
import { REPOSITORY } from '../node-red-e2e/helpers/packed-pack';
import { freePort } from '../node-red-e2e/helpers/real-node-red';
import { alive, descendants, listening, until as waitUntil } from './launcher-process';

// The first run installs the pack into the cache (npm install from tarballs).
jest.setTimeout(420_000);

const NODE = join(REPOSITORY, 'node_modules', 'node', 'bin', 'node');
const LAUNCHER = join(REPOSITORY, 'demo', 'start-node-red-demo.js');
const UI_WAIT = 20_000;

let launcher: ChildProcess;
let output = '';
let port: number;
let base: string;
let browser: Browser | undefined;

interface DemoMessage {
  id: string;
  gateway: string;
  state: string;
  messageId?: string;
  history: { state: string }[];
  error?: string;
}
interface DemoState {
  messages: DemoMessage[];
  inbound: { gateway: string; from: string; text: string }[];
}

const until = <T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = UI_WAIT) => waitUntil(check, what, timeoutMs, () => `--- launcher output ---\n${output}`);

const state = async () => (await (await fetch(`${base}/state`)).json()) as DemoState;
const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  port = await freePort();
  base = `http://127.0.0.1:${port}/smsbridge-demo`;
  launcher = spawn(NODE, [LAUNCHER, '--port', String(port)], { cwd: REPOSITORY, stdio: ['ignore', 'pipe', 'pipe'] });
  launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until(() => (/smsbridge demo ready/.test(output) ? true : launcher.exitCode !== null ? Promise.reject(new Error(`the launcher exited:\n${output}`)) : undefined), 'the demo to be ready', 360_000);
});

afterAll(async () => {
  await browser?.close();
  if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
    launcher.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    if (launcher.exitCode === null) launcher.kill('SIGKILL');
  }
});

it('prints the editor URL, the demo page URL and what to try first', async () => {
  expect(output).toContain(`Node-RED editor  http://127.0.0.1:${port}/`);
  expect(output).toContain(`Demo page        http://127.0.0.1:${port}/smsbridge-demo`);
  expect(output).toContain('What to try first');
  const flows = (await (await fetch(`http://127.0.0.1:${port}/flows`)).json()) as { type: string; label?: string }[];
  expect(flows.filter((node) => node.type === 'tab').map((tab) => tab.label)).toEqual([
    'Dinstar GSM gateway (HTTP API)',
    'Diafaan SMS Server',
    'Span-based GSM gateway (JSON POST API)',
    'Jasmin SMS Gateway REST API (Direct7 legacy REST)',
    'Route Mobile (SMSPLUS bulk HTTP)',
    'GSM modem',
    'Demo page',
  ]);
});

it('sends through the deployed flow over HTTP: the SMS reaches the Dinstar simulator and comes back delivered', async () => {
  const sent = await post('/send', { gateway: 'dinstar', to: '+447700900123', text: 'through the demo flow' });
  expect(sent.status).toBe(200);
  const { id } = (await sent.json()) as DemoMessage;
  const delivered = await until(async () => (await state()).messages.find((message) => message.id === id && message.state === 'delivered'), 'the delivered state', 60_000);
  expect(delivered.history.map((entry) => entry.state)).toEqual(['queued', 'sent', 'delivered']);

  // Asked of the simulator itself, with its printed URL and its default account.
  const url = /dinstar (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
  const client = createVendorRegistry().open('dinstar', { url, username: 'admin', password: 'dinstar-secret' });
  try {
    const status = await client.status!(delivered.messageId!);
    expect(status).toMatchObject({ state: 'delivered', gateway: 'dinstar' });
  } finally {
    await client.close();
  }
});

it('sends from the Dinstar example tab: its inject button (Admin API) puts the SMS at the simulator, which delivers it', async () => {
  const control = /Control {10}(http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
  const pressed = await fetch(`http://127.0.0.1:${port}/inject/dinstar-inject-send`, { method: 'POST' });
  expect(pressed.status).toBe(200);
  const atSimulator = await until(async () => {
    const messages = (await (await fetch(`${control}/messages?gateway=dinstar`)).json()) as { text: string; state: string; to: string }[];
    return messages.find((message) => message.text === 'Hello from Node-RED via Dinstar GSM gateway (HTTP API)' && message.state === 'delivered');
  }, 'the example\'s SMS delivered at the Dinstar simulator', 30_000);
  expect(atSimulator.to.replace(/\D/g, '')).toBe('447700900123');
});

it('shows an inbound SMS injected at the virtual modem', async () => {
  const injected = await post('/inbound', { gateway: 'modem', from: '+447700900555', text: 'hello from the modem' });
  expect(injected.status).toBe(200);
  await until(async () => (await state()).inbound.find((message) => message.gateway === 'modem' && message.text === 'hello from the modem'), 'the inbound SMS');
});

it('answers a refused send on the page instead of failing silently', async () => {
  const answer = await post('/preview', { gateway: 'jasmin', to: 'not a number', text: 'x' });
  expect(answer.status).toBe(400);
  expect(((await answer.json()) as { error: string }).error).toMatch(/not a phone number/);
});

it('works from the demo page in headless Chromium: preview, send to delivered, inject and list', async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, timeout: 60_000 });
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 }, locale: 'en-US' });
  page.setDefaultTimeout(UI_WAIT);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(base);
  await page.selectOption('#gateway', 'jasmin');
  await page.fill('#text', 'Grüezi 👋 from the page');
  await page.locator('#preview[data-encoding="ucs2"]').waitFor();
  expect(await page.textContent('#preview')).toContain('1 SMS part');
  await page.fill('#text', 'x'.repeat(200));
  await page.locator('#preview[data-parts="2"]').waitFor();
  expect(await page.textContent('#preview')).toMatch(/GSM-7, 200 characters, 2 SMS parts/);
  await page.fill('#text', 'Sent from the page');
  await page.click('#send');
  const row = page.locator('#messages tr', { hasText: 'Sent from the page' });
  await row.locator('.state.delivered').waitFor({ timeout: 60_000 });
  expect(await row.locator('.history').last().textContent()).toBe('queued → sent → delivered');

  await page.selectOption('#inbound-gateway', 'diafaan');
  await page.fill('#inbound-text', 'typed on the page');
  await page.click('#inject');
  await page.locator('#inbound tr', { hasText: 'typed on the page' }).waitFor();
  const shots = join(REPOSITORY, 'demo', 'screenshots');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'demo-page.png'), fullPage: true });
  expect(pageErrors).toEqual([]);

  const editor = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: 'en-US' });
  await editor.goto(`http://127.0.0.1:${port}/`);
  await editor.locator('#red-ui-workspace-tabs').getByText('Dinstar GSM gateway (HTTP API)').waitFor();
  await editor.locator('.red-ui-flow-node-group').first().waitFor();
  await editor.screenshot({ path: join(shots, 'node-red-editor.png') });
});

it('refuses a busy port in one line that names it and how to choose another, without a stack trace', async () => {
  const second = spawn(NODE, [LAUNCHER, '--port', String(port)], { cwd: REPOSITORY, stdio: ['ignore', 'pipe', 'pipe'] });
  let said = '';
  second.stdout!.on('data', (chunk: Buffer) => (said += chunk.toString()));
  second.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => second.once('exit', (exit) => resolve(exit)));
  expect(code).toBe(1);
  expect(said.trim().split('\n')).toEqual([`smsbridge demo: port ${port} on 127.0.0.1 is in use: choose another with \`npm start -- --port ${port + 1}\` or SMSBRIDGE_DEMO_PORT=${port + 1}`]);
});

it('stops everything on SIGINT: no child process, port or pseudo-terminal left', async () => {
  const children = descendants(launcher.pid!);
  expect(children.length).toBeGreaterThanOrEqual(2); // Node-RED and socat at least
  const device = /Virtual modem {4}(\S+)/.exec(output)![1]!;
  expect(existsSync(device)).toBe(true);
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
  launcher.kill('SIGINT');
  expect(await exited).toBe(0);
  await until(() => (children.every((pid) => !alive(pid)) ? true : undefined), 'the child processes to end', 10_000);
  expect(await listening(port)).toBe(false);
  expect(existsSync(device)).toBe(false);
  expect(output).toContain('stopped.');
});
