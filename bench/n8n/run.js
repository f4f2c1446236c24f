#!/usr/bin/env node
// 1,000 and 10,000 items through SMS Send (Jasmin) and through n8n's own HTTP Request node doing
// the same sends to the same Jasmin simulator, in one real n8n run each; prints both times, the
// ratio and the peak memory (VmHWM) of the n8n process. The nodes load as a custom extension
// from this repository's dist/ (run `npm run build` first, or let this script build).
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../..');
const NODE = path.join(REPO, 'node_modules/node/bin/node');
const SIZES = (process.env.SMSBRIDGE_BENCH_SIZES || '1000,10000').split(',').map(Number);
const TEXT = 'Your code is 4711';
/** n8n workflow ids are 16 characters. */
const workflowId = (size) => `smsbridgeB${String(size).padStart(6, '0')}`;

function build() {
  execFileSync(NODE, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-b', 'packages/core', 'tsconfig.n8n.json'], { cwd: REPO, stdio: 'inherit' });
  execFileSync(NODE, [path.join(REPO, 'scripts/copy-n8n-assets.js')], { cwd: REPO, stdio: 'inherit' });
}

function n8nEnv(userFolder, extensions) {
  return {
    PATH: `${path.dirname(NODE)}:${process.env.PATH}`,
    HOME: userFolder,
    N8N_USER_FOLDER: userFolder,
    N8N_CUSTOM_EXTENSIONS: extensions,
    N8N_ENCRYPTION_KEY: 'smsbridge-bench-key',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_RUNNERS_ENABLED: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    N8N_LOG_LEVEL: 'info',
    NODE_ENV: 'production',
  };
}

/**
 * Runs the n8n CLI; samples the process's peak resident memory (VmHWM) while it runs. Its
 * stdout goes to a file: n8n exits right after printing, and a large run written to a pipe would
 * be cut off (writes to a file are synchronous).
 */
function n8n(bin, env, args) {
  return new Promise((resolve, reject) => {
    const outFile = path.join(os.tmpdir(), `smsbridge-n8n-out-${process.pid}-${Date.now()}.txt`);
    const fd = fs.openSync(outFile, 'w');
    const child = spawn(NODE, [bin, ...args], { env, stdio: ['ignore', fd, 'pipe'] });
    fs.closeSync(fd);
    let err = '';
    let peakKb = 0;
    const sample = () => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // exited
      }
    };
    const timer = setInterval(sample, 50);
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const stdout = fs.readFileSync(outFile, 'utf8');
      fs.rmSync(outFile, { force: true });
      resolve({ code, stdout, stderr: err, peakMb: peakKb / 1024 });
    });
  });
}

function workflow(id, size, jasminUrl) {
  const rows = Array.from({ length: size }, (_, index) => ({ to: `+4477009${String(index).padStart(5, '0')}` }));
  const node = (name, type, parameters, extra = {}) => ({ id: `${id}-${name}`, name, type, typeVersion: 1, position: [0, 0], parameters, ...extra });
  return {
    id,
    name: `bench ${size}`,
    active: false,
    settings: { executionOrder: 'v1' },
    nodes: [
      node('Start', 'n8n-nodes-base.manualTrigger', {}),
      node('Rows', 'n8n-nodes-base.set', { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} }, { typeVersion: 3.4 }),
      node('Items', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'rows', options: {} }),
      node('SMS Send', 'CUSTOM.smsSend', { gateway: 'jasmin', to: '={{ $json.to }}', text: TEXT }, { credentials: { smsbridgeJasminApi: { id: 'benchJasmin', name: 'jasmin' } } }),
      node(
        'HTTP Request',
        'n8n-nodes-base.httpRequest',
        {
          method: 'POST',
          url: `${jasminUrl}/secure/send`,
          authentication: 'genericCredentialType',
          genericAuthType: 'httpBasicAuth',
          sendBody: true,
          specifyBody: 'json',
          jsonBody: `={{ JSON.stringify({ to: $json.to, content: ${JSON.stringify(TEXT)} }) }}`,
          options: {},
        },
        { typeVersion: 4.2, credentials: { httpBasicAuth: { id: 'benchBasic', name: 'jasmin basic' } } },
      ),
    ],
    connections: {
      Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
      Rows: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
      Items: { main: [[{ node: 'SMS Send', type: 'main', index: 0 }, { node: 'HTTP Request', type: 'main', index: 0 }]] },
    },
  };
}

function firstJsonObject(text) {
  const lines = text.split('\n');
  const start = lines.indexOf('{');
  const end = lines.findIndex((line, index) => index > start && line === '}');
  return start < 0 || end < 0 ? undefined : JSON.parse(lines.slice(start, end + 1).join('\n'));
}

async function main() {
  build();
  const n8nFolder = execFileSync('bash', [path.join(REPO, 'scripts/ensure-n8n.sh')], { encoding: 'utf8' }).trim().split('\n').pop();
  const bin = path.join(n8nFolder, 'node_modules/n8n/bin/n8n');
  const { startSimulators } = require(path.join(REPO, 'packages/core/dist/testing'));
  const simulators = await startSimulators(['jasmin'], { common: { network: { sendDelayMs: 10, deliveryDelayMs: 50 } }, perGateway: { jasmin: { balance: 'ND' } } });
  const jasmin = simulators.get('jasmin');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'smsbridge-n8n-bench-'));
  const extensions = path.join(work, 'extensions');
  fs.mkdirSync(extensions);
  // The built package as a custom extension; module resolution follows the link back to the repo's node_modules.
  fs.symlinkSync(path.join(REPO, 'dist'), path.join(extensions, 'n8n-nodes-smsbridge'));
  const userFolder = path.join(work, 'user');
  fs.mkdirSync(userFolder);
  const env = n8nEnv(userFolder, extensions);
  const { username, password } = jasmin.describe().credentials;
  fs.writeFileSync(
    path.join(work, 'credentials.json'),
    JSON.stringify([
      { id: 'benchJasmin', name: 'jasmin', type: 'smsbridgeJasminApi', data: { url: jasmin.baseUrl, username, password } },
      { id: 'benchBasic', name: 'jasmin basic', type: 'httpBasicAuth', data: { user: username, password } },
    ]),
  );
  fs.writeFileSync(path.join(work, 'workflows.json'), JSON.stringify(SIZES.map((size) => workflow(workflowId(size), size, jasmin.baseUrl))));
  for (const args of [['import:credentials', `--input=${path.join(work, 'credentials.json')}`], ['import:workflow', `--input=${path.join(work, 'workflows.json')}`]]) {
    const result = await n8n(bin, env, args);
    if (result.code !== 0) throw new Error(`${args[0]} failed: ${result.stderr}${result.stdout}`);
  }
  const rows = [];
  for (const size of SIZES) {
    const before = jasmin.network.messages.size;
    const run = await n8n(bin, env, ['execute', `--id=${workflowId(size)}`, '--rawOutput']);
    const data = firstJsonObject(run.stdout);
    if (!data) throw new Error(`n8n execute printed no run data (exit ${run.code}, ${run.stdout.length} characters): ${run.stderr.slice(-2000)}${run.stdout.slice(0, 1500)}`);
    const runData = data.data.resultData.runData;
    const sms = runData['SMS Send'][0];
    const http = runData['HTTP Request'][0];
    const accepted = (sms.data?.main?.[0] ?? []).filter((item) => item.json.accepted === true).length;
    const httpOk = (http.data?.main?.[0] ?? []).filter((item) => item.json.messageId || item.json.data).length;
    rows.push({
      items: size,
      smsSendMs: sms.executionTime,
      httpRequestMs: http.executionTime,
      ratio: Math.round((http.executionTime / sms.executionTime) * 10) / 10,
      smsAccepted: accepted,
      httpAnswered: httpOk,
      simulatorReceived: jasmin.network.messages.size - before,
      peakRssMb: Math.round(run.peakMb),
    });
  }
  await simulators.stop();
  console.log('n8n 2.41.1, Jasmin simulator on 127.0.0.1, one n8n execute per size (both nodes in the same run)');
  console.table(rows);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
