#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the five gateway simulators and a virtual modem, a real Node-RED with the pack
 * installed from its tarballs, the example flows deployed against them and a demo page; Ctrl-C
 * stops it all. Port: `--port <n>` or SMSBRIDGE_DEMO_PORT (default 1880).
 */
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync, symlinkSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { parseArgs } = require('node:util');
const { stopOnSignals } = require('./stop-on-signals');

const USAGE = 'Usage: npm start [-- --port <n>]   (or SMSBRIDGE_DEMO_PORT=<n> npm start; default 1880)';

function chosenPort() {
  let values;
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    fail(`${error.message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const raw = values.port ?? process.env.SMSBRIDGE_DEMO_PORT ?? '1880';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) fail(`"${raw}" is not a port: give a number from 1 to 65535 (${USAGE})`);
  return port;
}

function fail(line) {
  process.stderr.write(`smsbridge demo: ${line}\n`);
  process.exit(1);
}

const say = (line) => process.stdout.write(`${line}\n`);

async function main() {
  const port = chosenPort();
  // Loaded after the argument check so `--help` and a bad port answer at once.
  const { NodeRedProcess, portIsFree } = require('./node-red-process');
  if (!(await portIsFree(port))) fail(`port ${port} on 127.0.0.1 is in use: choose another with \`npm start -- --port ${port + 1}\` or SMSBRIDGE_DEMO_PORT=${port + 1}`);

  const { installedPack } = require('./pack-cache');
  const { startStandIns } = require('./stand-ins');
  const { demoFlows } = require('./demo-flows');
  const startedAt = Date.now();
  const nodeRedUrl = `http://127.0.0.1:${port}`;
  const secret = randomBytes(12).toString('hex');

  let stopping;
  let standIns;
  let nodeRed;
  let userDir;
  const stopAll = () => {
    stopping ??= (async () => {
      await nodeRed?.stop().catch(() => {});
      await standIns?.stop().catch(() => {});
      if (userDir) rmSync(userDir, { recursive: true, force: true });
    })();
    return stopping;
  };
  stopOnSignals({ say, what: 'Node-RED, the simulators and the virtual modem', stopAll, isStopping: () => stopping !== undefined });

  try {
    const packDir = installedPack(say);
    if (stopping) return;
    standIns = await startStandIns({ pushBaseUrl: nodeRedUrl, secret, log: say });
    if (stopping) return;
    // A fresh user directory per run (flows, credentials, context); the installed pack is shared.
    userDir = mkdtempSync(join(tmpdir(), 'smsbridge-demo-node-red-'));
    symlinkSync(join(packDir, 'node_modules'), join(userDir, 'node_modules'), 'dir');
    writeFileSync(join(userDir, 'package.json'), JSON.stringify({ name: 'smsbridge-node-red-demo', private: true }));
    nodeRed = new NodeRedProcess(userDir, port);
    say(`starting Node-RED on ${nodeRedUrl} …`);
    await nodeRed.start();
    if (stopping) return;
    await nodeRed.deploy(demoFlows(standIns, { nodeRedUrl, secret, controlUrl: standIns.controlUrl }));
    await waitForPage(`${nodeRedUrl}/smsbridge-demo`);
  } catch (error) {
    if (stopping) return;
    process.stderr.write(`smsbridge demo: ${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll();
    process.exit(1);
  }
  if (stopping) return;
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  say(`
smsbridge demo ready in ${seconds} s — everything runs on 127.0.0.1, no SMS leaves this machine.

  Node-RED editor  ${nodeRedUrl}/
  Demo page        ${nodeRedUrl}/smsbridge-demo

  Simulators       ${[...standIns.simulators.values()].map((simulator) => `${simulator.gateway} ${simulator.baseUrl}`).join(', ')}
  Control          ${standIns.controlUrl}/messages?gateway=dinstar lists what a simulator took
  Virtual modem    ${standIns.modem ? `${standIns.modem.path} (SIM PIN ${standIns.modemPin})` : 'none (no socat)'}

What to try first:
  1. Open the demo page, pick a gateway, type a text with an emoji or "€": the encoding and parts
     change before you send. Press Send and watch queued → sent → delivered.
  2. Press "Inject an inbound SMS": it arrives at the simulator and shows up in the list.
  3. In the editor, open the Dinstar tab, press the button of "send a test SMS" and read the
     Debug sidebar: the send result, then the delivery; "*100#" runs a USSD request.

Ctrl-C stops everything. (The CLI walk-through is still there: npx smsbridge demo)`);
}

/** The demo page answers once the deploy has started the flows (bounded). */
async function waitForPage(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`the demo page ${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

void main();
