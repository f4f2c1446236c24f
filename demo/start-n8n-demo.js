#!/usr/bin/env node
'use strict';
/**
 * `npm run start:n8n`, the heavier variant of the demo: the five gateway simulators and a virtual
 * modem, a real n8n (installed once into a cache by scripts/ensure-n8n.sh, about 6 minutes the
 * first time) with the package installed from its tarballs, credentials pointing at the simulators
 * and one example workflow per gateway. Port: `--port <n>` or SMSBRIDGE_N8N_DEMO_PORT (default 5678).
 */
const { spawn, execFileSync } = require('node:child_process');
const { createWriteStream, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { parseArgs } = require('node:util');
const { stopOnSignals } = require('./stop-on-signals');

const USAGE = 'Usage: npm run start:n8n [-- --port <n>]   (or SMSBRIDGE_N8N_DEMO_PORT=<n>; default 5678)';
const OWNER = { email: 'demo@smsbridge.invalid', firstName: 'SMS', lastName: 'Demo', password: 'Smsbridge-demo-1' };

function fail(line) {
  process.stderr.write(`smsbridge n8n demo: ${line}\n`);
  process.exit(1);
}
const say = (line) => process.stdout.write(`${line}\n`);

function chosenPort() {
  let values;
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    fail(`${error.message}\n${USAGE}`);
  }
  if (values.help) {
    say(USAGE);
    process.exit(0);
  }
  const raw = values.port ?? process.env.SMSBRIDGE_N8N_DEMO_PORT ?? '5678';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) fail(`"${raw}" is not a port: give a number from 1 to 65535 (${USAGE})`);
  return port;
}

/** A port nothing listens on now, for n8n's task broker (its default 5679 would clash with any other n8n here). */
function ephemeralPort() {
  const { createServer } = require('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function n8nEnv(userFolder, port, brokerPort) {
  return {
    ...process.env,
    HOME: userFolder,
    N8N_USER_FOLDER: userFolder,
    N8N_ENCRYPTION_KEY: 'smsbridge-demo-only',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_RUNNERS_ENABLED: 'false',
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    N8N_HOST: '127.0.0.1',
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_PORT: String(port),
    N8N_SECURE_COOKIE: 'false',
    WEBHOOK_URL: `http://127.0.0.1:${port}/`,
    DB_SQLITE_POOL_SIZE: '2',
    NODE_ENV: 'production',
  };
}

async function main() {
  const port = chosenPort();
  const { portIsFree } = require('./node-red-process');
  if (!(await portIsFree(port))) fail(`port ${port} on 127.0.0.1 is in use: choose another with \`npm run start:n8n -- --port ${port + 1}\` or SMSBRIDGE_N8N_DEMO_PORT=${port + 1}`);
  const { ensureN8n, installedN8nPack } = require('./n8n-pack-cache');
  const { startStandIns } = require('./stand-ins');
  const { demoCredentials, demoWorkflows, pushUrl, RECEIVE_WORKFLOW_ID } = require('./n8n-demo-workflows');
  const startedAt = Date.now();
  const url = `http://127.0.0.1:${port}`;

  let stopping;
  let standIns;
  let n8n;
  let userFolder;
  const stopAll = () => {
    stopping ??= (async () => {
      if (n8n && n8n.exitCode === null && n8n.signalCode === null) {
        const exited = new Promise((resolve) => n8n.once('exit', resolve));
        n8n.kill('SIGTERM');
        const timer = setTimeout(() => n8n.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      await standIns?.stop().catch(() => {});
      if (userFolder) rmSync(userFolder, { recursive: true, force: true });
    })();
    return stopping;
  };
  stopOnSignals({ say, what: 'n8n, the simulators and the virtual modem', stopAll, isStopping: () => stopping !== undefined });

  try {
    say('making sure a real n8n is installed (scripts/ensure-n8n.sh; about 6 minutes the very first time) …');
    const n8nBin = ensureN8n();
    const nodesFolder = installedN8nPack(say);
    if (stopping) return;
    standIns = await startStandIns({ log: say, pushUrlFor: (key) => pushUrl(url, key) });
    if (stopping) return;
    userFolder = mkdtempSync(join(tmpdir(), 'smsbridge-demo-n8n-'));
    mkdirSync(join(userFolder, '.n8n'));
    symlinkSync(nodesFolder, join(userFolder, '.n8n', 'nodes'), 'dir');
    const env = n8nEnv(userFolder, port, await ephemeralPort());
    const credentialsFile = join(userFolder, 'credentials.json');
    const workflowsFile = join(userFolder, 'workflows.json');
    writeFileSync(credentialsFile, JSON.stringify(demoCredentials(standIns)));
    writeFileSync(workflowsFile, JSON.stringify(demoWorkflows(standIns, url)));
    say('importing the credentials and example workflows …');
    const cli = (args) => execFileSync(process.execPath, [n8nBin, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
    cli(['import:credentials', `--input=${credentialsFile}`]);
    cli(['import:workflow', `--input=${workflowsFile}`]);
    // The receiving workflow runs on its own: published, as a user would after setting it up.
    cli(['publish:workflow', `--id=${RECEIVE_WORKFLOW_ID}`]);
    if (stopping) return;
    say(`starting n8n on ${url} …`);
    const log = createWriteStream(join(userFolder, 'n8n.log'));
    n8n = spawn(process.execPath, [n8nBin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    n8n.stdout.pipe(log);
    n8n.stderr.pipe(log);
    await waitForReady(n8n, url);
    const setup = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
    if (!setup.ok) say(`(could not create the demo account: ${setup.status}; n8n will ask you to create one)`);
  } catch (error) {
    if (stopping) return;
    process.stderr.write(`smsbridge n8n demo: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    await stopAll();
    process.exit(1);
  }
  if (stopping) return;
  say(`
smsbridge n8n demo ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s — everything runs on 127.0.0.1, no SMS leaves this machine.

  n8n editor       ${url}/   (sign in as ${OWNER.email} / ${OWNER.password})
  Simulators       ${[...standIns.simulators.values()].map((simulator) => `${simulator.gateway} ${simulator.baseUrl}`).join(', ')}
  Control          ${standIns.controlUrl}/messages?gateway=dinstar lists what a simulator took
  Virtual modem    ${standIns.modem ? `${standIns.modem.path} (SIM PIN ${standIns.modemPin})` : 'none (no socat)'}

What to try first: open the workflow "smsbridge demo: Dinstar GSM gateway (HTTP API)", press
"Execute workflow" and follow the items: the send result, then SMS Status until delivered, and the
USSD reply. Every gateway and the modem has its own workflow and credential. The published
workflow "smsbridge demo: receive SMS and delivery reports" runs by itself: its executions list
shows the delivery reports the simulators push, and an SMS arriving at a simulator, e.g.
  curl -X POST ${standIns.controlUrl}/inbound -H 'content-type: application/json' -d '{"gateway":"dinstar","from":"+447700900555","text":"hello n8n"}'
(the modem is polled once a minute).

Ctrl-C stops everything. (The lighter Node-RED demo is npm start.)`);
}

async function waitForReady(child, url, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`n8n exited (${child.exitCode}) while starting`);
    try {
      if ((await fetch(`${url}/healthz/readiness`)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

void main();
