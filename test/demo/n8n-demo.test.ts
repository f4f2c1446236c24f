/**
 * `npm run start:n8n`'s launcher (demo/start-n8n-demo.js) from the working tree's built output: it
 * becomes ready with the demo account, the six example workflows and their credentials; the
 * Dinstar workflow, executed from n8n's editor in headless Chromium, sends an SMS that SMS Status
 * follows to "delivered" (screenshot: demo/screenshots/n8n-workflow.png); an SMS injected at a
 * simulator starts the published receive workflow once; SIGINT then stops everything and no child
 * process or port is left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { unflatten } from '../n8n/n8n-rest';
import { REPOSITORY } from '../node-red-e2e/helpers/packed-pack';
import { freePort } from '../node-red-e2e/helpers/real-node-red';
import { alive, descendants, listening, until as waitUntil } from './launcher-process';

// The very first run installs n8n into the cache (scripts/ensure-n8n.sh, about 6 minutes).
jest.setTimeout(900_000);

const NODE = join(REPOSITORY, 'node_modules', 'node', 'bin', 'node');
const LAUNCHER = join(REPOSITORY, 'demo', 'start-n8n-demo.js');
const ACCOUNT = { emailOrLdapLoginId: 'demo@smsbridge.invalid', password: 'Smsbridge-demo-1' };

let launcher: ChildProcess;
let output = '';
let port: number;
let url: string;
let cookie = '';
let browser: Browser | undefined;

const until = <T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 30_000) => waitUntil(check, what, timeoutMs, () => `--- launcher output ---\n${output}`);
const rest = async (path: string) => (await (await fetch(`${url}/rest${path}`, { headers: { cookie } })).json()) as { data: unknown };

beforeAll(async () => {
  port = await freePort();
  url = `http://127.0.0.1:${port}`;
  launcher = spawn(NODE, [LAUNCHER, '--port', String(port)], { cwd: REPOSITORY, stdio: ['ignore', 'pipe', 'pipe'] });
  launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until(() => (/n8n demo ready/.test(output) ? true : launcher.exitCode !== null ? Promise.reject(new Error(`the launcher exited:\n${output}`)) : undefined), 'the n8n demo to be ready', 840_000);
  const login = await fetch(`${url}/rest/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ACCOUNT) });
  expect(login.status).toBe(200);
  cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
});

afterAll(async () => {
  await browser?.close();
  if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
    launcher.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    if (launcher.exitCode === null) launcher.kill('SIGKILL');
  }
});

it('has the demo account, one workflow and one credential per gateway and the modem, and prints the URL', async () => {
  expect(output).toContain(`n8n editor       ${url}/`);
  const workflows = (await rest('/workflows')).data as { id: string; name: string }[];
  expect(workflows.map((workflow) => workflow.id).sort()).toEqual([
    'smsbdemodiafaan0',
    'smsbdemodinstar0',
    'smsbdemojasmin00',
    'smsbdemomodem000',
    'smsbdemoreceive0',
    'smsbdemoroutesms',
    'smsbdemospangw00',
  ]);
  const credentials = (await rest('/credentials')).data as { type: string }[];
  expect(credentials.map((credential) => credential.type).sort()).toEqual(['smsbridgeDiafaanApi', 'smsbridgeDinstarApi', 'smsbridgeGsmModem', 'smsbridgeJasminApi', 'smsbridgeRouteMobileApi', 'smsbridgeSpanGatewayApi']);
});

it('runs the Dinstar workflow from the editor in headless Chromium: sent, then delivered', async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, timeout: 60_000 });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  page.setDefaultTimeout(30_000);
  await page.goto(`${url}/signin`);
  await page.fill('input[type=email]', ACCOUNT.emailOrLdapLoginId);
  await page.fill('input[type=password]', ACCOUNT.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((at) => !at.pathname.includes('signin'));
  await page.goto(`${url}/workflow/smsbdemodinstar0`);
  const execute = page.locator('[data-test-id="execute-workflow-button-Click to send"]');
  await execute.waitFor();
  // The canvas pane lies over the trigger's button while it settles; the click goes to the button itself.
  await execute.dispatchEvent('click');
  const finished = await until(async () => {
    const executions = (await rest(`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: 'smsbdemodinstar0' }))}`)).data as { results: { id: string; status: string }[] };
    return executions.results.find((execution) => execution.status !== 'running' && execution.status !== 'new');
  }, 'the execution', 60_000);
  expect(finished.status).toBe('success');
  const { data } = (await rest(`/executions/${finished.id}`)).data as { data: string };
  const runData = (unflatten(data) as { resultData: { runData: Record<string, { data: { main: { json: Record<string, unknown> }[][] } }[]> } }).resultData.runData;
  const firstItemOf = (node: string) => runData[node]![0]!.data.main[0]![0]!.json;
  expect(firstItemOf('SMS Send')).toMatchObject({ accepted: true, gateway: 'dinstar', to: '+447700900123' });
  expect(firstItemOf('SMS Status until delivered')).toMatchObject({ state: 'delivered', final: true, messageId: firstItemOf('SMS Send')['messageId'] });
  expect(firstItemOf('USSD *100#')).toMatchObject({ state: 'replied', reply: expect.stringContaining('balance') });
  await page.locator('[data-test-id="canvas-node-status-success"]').first().waitFor();
  const shots = join(REPOSITORY, 'demo', 'screenshots');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'n8n-workflow.png') });
});

it('receives by push: an SMS injected at the Dinstar simulator starts the published receive workflow once', async () => {
  const control = /Control\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  expect(control).toBeDefined();
  const text = `hello n8n ${Date.now()}`;
  const injected = await fetch(`${control}/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gateway: 'dinstar', from: '+447700900555', text }) });
  expect(injected.status).toBe(200);
  const receivedTexts = async (): Promise<string[]> => {
    const executions = (await rest(`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: 'smsbdemoreceive0' }))}`)).data as { results: { id: string; status: string }[] };
    const texts: string[] = [];
    for (const execution of executions.results.filter((each) => each.status === 'success')) {
      const { data } = (await rest(`/executions/${execution.id}`)).data as { data: string };
      const runData = (unflatten(data) as { resultData: { runData: Record<string, { data: { main: { json: Record<string, unknown> }[][] } }[]> } }).resultData.runData;
      for (const item of runData['Received via dinstar']?.[0]?.data.main[0] ?? []) if (item.json['event'] === 'inbound') texts.push(String(item.json['text']));
    }
    return texts;
  };
  await until(async () => ((await receivedTexts()).includes(text) ? true : undefined), 'the receive workflow to run', 60_000);
  // Pushes are answered once; a second look finds the same single execution.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect((await receivedTexts()).filter((each) => each === text)).toHaveLength(1);
});

it('stops everything on SIGINT: no child process or port left', async () => {
  const children = descendants(launcher.pid!);
  expect(children.length).toBeGreaterThanOrEqual(2); // n8n and socat at least
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
  launcher.kill('SIGINT');
  expect(await exited).toBe(0);
  await until(() => (children.every((pid) => !alive(pid)) ? true : undefined), 'the child processes to end', 20_000);
  expect(await listening(port)).toBe(false);
});
