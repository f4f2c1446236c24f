/**
 * The pack in the real Node-RED editor, driven like a user in Debian's headless Chromium
 * (playwright-core, /usr/bin/chromium, installed by scripts/ensure-system-packages.sh): the palette
 * lists the five sms nodes; each is dragged onto the workspace and its edit dialog opens; the
 * gateway config dialog is opened from sms send's "Add new gateway…", takes the values of a Jasmin
 * simulator, its Test connection button reports success, and it is added; the modem config dialog
 * (from sms ussd's "Add new modem…") fills its serial-port list, takes a virtual modem on a
 * pseudo-terminal, passes its Test connection and is added; Deploy succeeds and the statuses under
 * the nodes show the live connections. Screenshots go to docs/screenshots/ (README names that path): node-red-palette.png,
 * node-red-gateway-config.png, node-red-send-dialog.png, node-red-modem-config.png,
 * node-red-deployed-flow.png.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createSimulator, virtualModem, type GatewaySimulator } from '@smsbridge/core/testing';
import { REPOSITORY, userDirWithPack } from '../node-red-e2e/helpers/packed-pack';
import { freePort, RealNodeRed } from '../node-red-e2e/helpers/real-node-red';

jest.setTimeout(240_000);

const SCREENSHOTS = join(REPOSITORY, 'docs', 'screenshots');
const FLOW_NODES = ['sms-send', 'sms-in', 'sms-status', 'sms-ussd', 'sms-admin'] as const;
const PALETTE_LABELS = ['sms send', 'sms in', 'sms status', 'sms ussd', 'sms admin'];
const MODEM_PIN = '2468';
/** Longest wait for one thing to appear in the editor. */
const UI_WAIT = 15_000;

let userDir: string;
let nodeRed: RealNodeRed;
let simulator: GatewaySimulator;
let modem: virtualModem.PtyVirtualModem;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  userDir = userDirWithPack();
  simulator = createSimulator('jasmin');
  await simulator.start();
  modem = await virtualModem.startVirtualModemOnPty({ pin: MODEM_PIN, ussdMenu: { '*100#': 'Balance: 5.00 EUR' } });
  nodeRed = new RealNodeRed(userDir, await freePort());
  await nodeRed.start();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, timeout: 60_000 });
  page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: 'en-US' });
  page.setDefaultTimeout(UI_WAIT);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await nodeRed?.stop();
  await simulator?.stop();
  await modem?.close();
  if (userDir) rmSync(userDir, { recursive: true, force: true });
});

/** What the test reads of the editor's own model in the page (`RED`), with no DOM typings here. */
interface EditorGlobals {
  RED: { nodes: { eachNode(each: (node: { id: string; type: string }) => void): void; eachConfig(each: (node: { id: string; type: string }) => void): void } };
}

/** Ids of the nodes (flow or config) of `type` in the editor, read from its model. */
async function nodeIds(type: string): Promise<string[]> {
  return page.evaluate((wanted) => {
    const ids: string[] = [];
    const { nodes } = (globalThis as unknown as EditorGlobals).RED;
    const collect = (node: { id: string; type: string }) => {
      if (node.type === wanted) ids.push(node.id);
    };
    nodes.eachNode(collect);
    nodes.eachConfig(collect);
    return ids;
  }, type);
}

/** Polls `check` until it holds (bounded). */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = UI_WAIT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}

/** Drags a palette entry onto the workspace at (x, y) of the chart, with the mouse; returns the new node's id. */
async function dragFromPalette(type: string, x: number, y: number): Promise<string> {
  const before = await nodeIds(type);
  const entry = page.locator(`#red-ui-palette-container .red-ui-palette-node[data-palette-type="${type}"]`);
  await entry.scrollIntoViewIfNeeded();
  const from = (await entry.boundingBox())!;
  const chart = (await page.locator('#red-ui-workspace-chart').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 5, { steps: 4 });
  await page.mouse.move(chart.x + x, chart.y + y, { steps: 12 });
  await page.mouse.up();
  let added: string[] = [];
  await until(async () => (added = (await nodeIds(type)).filter((id) => !before.includes(id))).length > 0, `${type} on the workspace`);
  expect(added).toHaveLength(1);
  return added[0]!;
}

const onCanvas = (id: string) => page.locator(`#red-ui-workspace-chart g.red-ui-flow-node-group[id="${id}"]`);

/** Double-clicks a node on the workspace; resolves once its edit dialog shows its own form. */
async function openDialog(id: string): Promise<void> {
  await onCanvas(id).locator('rect.red-ui-flow-node').dblclick();
  await page.locator('#node-dialog-ok').waitFor({ state: 'visible' });
  await page.locator('#node-input-gateway').waitFor({ state: 'visible' });
}

/** Presses a tray button and waits for that tray to be gone. */
async function press(button: '#node-dialog-ok' | '#node-config-dialog-ok'): Promise<void> {
  await page.locator(button).click();
  await page.locator(button).waitFor({ state: 'detached' });
}

/** Chooses a config node in the open dialog's gateway select (waits for it to be offered). */
async function chooseGateway(configId: string): Promise<void> {
  await page.locator(`#node-input-gateway option[value="${configId}"]`).waitFor({ state: 'attached' });
  await page.locator('#node-input-gateway').selectOption(configId);
}

async function statusUnder(id: string): Promise<string> {
  return (await onCanvas(id).locator('.red-ui-flow-node-status-label').textContent()) ?? '';
}

const gatewaySelected = async (): Promise<string> => page.locator('#node-input-gateway').inputValue();

it('lists the nodes in the palette, edits each node and both config nodes in their dialogs, tests the gateway, deploys and shows the statuses', async () => {
  await page.goto(`${nodeRed.url}/`);
  await page.locator('#red-ui-palette-container .red-ui-palette-node[data-palette-type="sms-send"]').waitFor({ state: 'attached', timeout: 60_000 });
  // A fresh user directory: Node-RED 5 first asks about update notifications; answer as a user.
  const asksAboutUpdates = await page.evaluate(() => (globalThis as unknown as { RED: { settings: { telemetryEnabled?: boolean } } }).RED.settings.telemetryEnabled === undefined);
  if (asksAboutUpdates) await page.getByRole('button', { name: 'No, do not enable notifications' }).click();
  // The info sidebar's rotating tips would make every screenshot differ: hide them, and click away the note that says so.
  await page.locator('.red-ui-help-tips-buttons a[aria-label="Hide tips"]').click();
  const tipsNote = page.locator('.red-ui-notification', { hasText: 'open the tips' }).first();
  await tipsNote.click();
  await tipsNote.waitFor({ state: 'hidden' });

  // The palette: category "sms" with our five nodes (config nodes have no palette entry).
  const category = page.locator('#red-ui-palette-container-sms');
  expect(await page.locator('#red-ui-palette-header-sms').innerText()).toBe('sms');
  const types = await category.locator('.red-ui-palette-node').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-palette-type')));
  expect([...types].sort()).toEqual([...FLOW_NODES].sort());
  const labels = await category.locator('.red-ui-palette-label').allInnerTexts();
  expect(labels.map((label) => label.trim()).sort()).toEqual([...PALETTE_LABELS].sort());
  // Filtered by "sms" as a user would type it: exactly our five entries remain visible.
  const search = page.locator('#red-ui-palette-search input');
  await search.click();
  await search.pressSequentially('sms');
  const visibleEntry = page.locator('#red-ui-palette-container .red-ui-palette-node:visible');
  await until(async () => (await visibleEntry.count()) === FLOW_NODES.length, 'the palette filtered to the sms nodes');
  expect(await visibleEntry.evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-palette-type')))).toEqual([...FLOW_NODES]);
  await page.locator('.red-ui-sidebar-section', { has: page.locator('#red-ui-palette') }).screenshot({ path: join(SCREENSHOTS, 'node-red-palette.png') });

  // Each flow node dragged from the palette onto the workspace.
  const ids: Record<(typeof FLOW_NODES)[number], string> = {} as never;
  for (const [index, type] of FLOW_NODES.entries()) ids[type] = await dragFromPalette(type, 240, 90 + index * 100);
  for (const type of FLOW_NODES) await onCanvas(ids[type]).waitFor({ state: 'visible' });
  await search.click();
  await search.press('Control+A');
  await search.press('Backspace');

  // sms send: its dialog, "Add new gateway…" opens the gateway config dialog.
  await openDialog(ids['sms-send']);
  await page.locator('#node-input-gateway').selectOption('_ADD_smsbridge-gateway');
  await page.locator('#node-config-dialog-ok').waitFor({ state: 'visible' });
  await page.locator('#node-config-input-gateway option[value="jasmin"]').waitFor({ state: 'attached' });
  await page.locator('#node-config-input-gateway').selectOption('jasmin');
  const { username, password, ...vendorSettings } = simulator.describe().credentials;
  await page.locator('#node-config-input-name').fill('Jasmin (simulator)');
  await page.locator('#node-config-input-url').fill(simulator.baseUrl);
  await page.locator('#node-config-input-username').fill(username!);
  await page.locator('#node-config-input-password').fill(password!);
  expect(await page.locator('#node-config-input-password').getAttribute('type')).toBe('password');
  for (const [name, value] of Object.entries(vendorSettings)) await page.locator(`#node-config-smsbridge-settings [data-smsbridge-field="${name}"]`).fill(value);
  await page.locator('#node-config-smsbridge-test').click();
  const testResult = page.locator('#node-config-smsbridge-test-result');
  await page.locator('#node-config-smsbridge-test-result.smsbridge-ok, #node-config-smsbridge-test-result.smsbridge-failed').waitFor({ state: 'visible' });
  expect(await testResult.getAttribute('class')).toContain('smsbridge-ok');
  expect(await testResult.innerText()).toMatch(/^✔ /);
  await page.screenshot({ path: join(SCREENSHOTS, 'node-red-gateway-config.png') });
  await press('#node-config-dialog-ok');
  const [gatewayId] = await nodeIds('smsbridge-gateway');
  expect(gatewayId).toBeDefined();
  // Back in sms send: the new gateway is chosen; the dialog takes a recipient and is saved.
  await until(async () => (await gatewaySelected()) === gatewayId, 'the new gateway chosen in sms send');
  await page.locator('#node-input-name').fill('send to the on-call phone');
  await page.locator('#node-input-to').fill('+447700900123');
  await page.locator('#node-input-gateway').scrollIntoViewIfNeeded();
  expect(await page.locator('#node-input-gateway option:checked').innerText()).toBe('Jasmin (simulator)');
  await page.screenshot({ path: join(SCREENSHOTS, 'node-red-send-dialog.png') });
  await press('#node-dialog-ok');

  // sms in, sms status, sms admin: each dialog opens and takes the gateway.
  for (const type of ['sms-in', 'sms-status', 'sms-admin'] as const) {
    await openDialog(ids[type]);
    await chooseGateway(gatewayId!);
    if (type === 'sms-in' && (await page.locator('#node-input-secret').isVisible())) await page.locator('#node-input-secret').fill('push-secret-browser');
    await press('#node-dialog-ok');
  }

  // sms ussd: "Add new modem…" opens the modem config dialog; its serial-port list is filled.
  await openDialog(ids['sms-ussd']);
  await page.locator('#node-input-gateway').selectOption('_ADD_smsbridge-modem');
  await page.locator('#node-config-dialog-ok').waitFor({ state: 'visible' });
  const firstPortOption = page.locator('#node-config-smsbridge-ports option').first();
  await until(async () => (await firstPortOption.count()) > 0 && !/looking for serial ports/.test((await firstPortOption.textContent()) ?? ''), 'the serial-port list');
  const portList = await page.locator('#node-config-smsbridge-ports option').allInnerTexts();
  expect(portList[0]).toMatch(/^(no serial ports found|— present ports \(\d+\) —)$/);
  await page.locator('#node-config-input-name').fill('virtual modem');
  await page.locator('#node-config-input-port').fill(modem.path);
  await page.locator('#node-config-input-pin').fill(MODEM_PIN);
  expect(await page.locator('#node-config-input-pin').getAttribute('type')).toBe('password');
  await page.locator('#node-config-smsbridge-test').click();
  await page.locator('#node-config-smsbridge-test-result.smsbridge-ok, #node-config-smsbridge-test-result.smsbridge-failed').waitFor({ state: 'visible' });
  expect(await page.locator('#node-config-smsbridge-test-result').innerText()).toMatch(/^✔ /);
  await page.screenshot({ path: join(SCREENSHOTS, 'node-red-modem-config.png') });
  await press('#node-config-dialog-ok');
  const [modemId] = await nodeIds('smsbridge-modem');
  expect(modemId).toBeDefined();
  await until(async () => (await gatewaySelected()) === modemId, 'the new modem chosen in sms ussd');
  await press('#node-dialog-ok');

  // The editor counts the nodes as users of their config nodes, so none is offered as unused.
  const users = await page.evaluate(
    ([gateway, modemConfig]) => {
      const nodes = (globalThis as unknown as { RED: { nodes: { node(id: string): { users?: { type: string }[] } } } }).RED.nodes;
      return [gateway, modemConfig].map((id) => (nodes.node(id!).users ?? []).map((user) => user.type).sort());
    },
    [gatewayId, modemId],
  );
  expect(users).toEqual([['sms-admin', 'sms-in', 'sms-send', 'sms-status'], ['sms-ussd']]);

  // Deploy with the real button.
  await page.locator('#red-ui-header-button-deploy:not(.disabled)').click();
  const deployedNote = page.locator('.red-ui-notification', { hasText: 'Successfully deployed' }).first();
  await deployedNote.waitFor({ state: 'visible' });
  expect(await page.locator('.red-ui-notification', { hasText: 'unused configuration' }).count()).toBe(0);
  await page.locator('#red-ui-header-button-deploy.disabled').waitFor({ state: 'attached' });
  const deployed = (await (await fetch(`${nodeRed.url}/flows`)).json()) as { id: string; type: string; gateway?: string }[];
  for (const type of FLOW_NODES) expect(deployed.find((node) => node.id === ids[type])).toMatchObject({ type, gateway: type === 'sms-ussd' ? modemId : gatewayId });
  expect(deployed.find((node) => node.id === gatewayId)).toMatchObject({ type: 'smsbridge-gateway', gateway: 'jasmin', url: simulator.baseUrl });
  expect(deployed.find((node) => node.id === modemId)).toMatchObject({ type: 'smsbridge-modem', port: modem.path });
  // The secrets typed in the dialogs were saved as Node-RED credentials (the Admin API only says that they exist).
  expect(await (await fetch(`${nodeRed.url}/credentials/smsbridge-gateway/${gatewayId}`)).json()).toEqual({ username, has_password: true, has_secretSettings: false });
  expect(await (await fetch(`${nodeRed.url}/credentials/smsbridge-modem/${modemId}`)).json()).toEqual({ has_pin: true });

  // The statuses under the nodes: sms send shows the live Jasmin connection, sms ussd the modem's.
  await until(async () => (await statusUnder(ids['sms-send'])) === 'connected', 'sms send: connected');
  expect(await onCanvas(ids['sms-send']).locator('.red-ui-flow-node-status-label').isVisible()).toBe(true);
  await until(async () => /^(connected|registered)/.test(await statusUnder(ids['sms-ussd'])), 'sms ussd: the modem connected');
  const statuses: Record<string, string> = {};
  for (const type of FLOW_NODES) statuses[type] = await statusUnder(ids[type]);
  expect(statuses['sms-send']).toBe('connected');
  for (const type of ['sms-status', 'sms-admin'] as const) expect(statuses[type]).toBe('connected');
  // The note goes by itself, or (when it has more to say) with its Close button.
  const closeNote = deployedNote.getByRole('button', { name: 'Close' });
  if (await closeNote.isVisible()) await closeNote.click();
  await deployedNote.waitFor({ state: 'hidden' });
  await page.locator('#red-ui-workspace-chart').click({ position: { x: 700, y: 600 } });
  await page.screenshot({ path: join(SCREENSHOTS, 'node-red-deployed-flow.png') });

  expect(nodeRed.log).not.toContain(password!);
  expect(nodeRed.log).not.toContain(MODEM_PIN);
  expect(pageErrors).toEqual([]);
});
