'use strict';
/**
 * A real Node-RED (the repository's node-red on the Node running this script) in its own user
 * directory: started, deployed to through the Admin API, stopped with SIGINT as Ctrl-C does.
 */
const { spawn } = require('node:child_process');
const { createWriteStream, writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { join } = require('node:path');

const RED = require.resolve('node-red/red.js', { paths: [join(__dirname, '..')] });

/** Resolves true when nothing listens on host:port yet. */
function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

class NodeRedProcess {
  constructor(userDir, port) {
    this.userDir = userDir;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.logFile = join(userDir, 'node-red.log');
    this.output = '';
    this.child = undefined;
    writeFileSync(
      join(userDir, 'settings.js'),
      `module.exports = {
  uiHost: '127.0.0.1',
  uiPort: ${port},
  flowFile: 'flows.json',
  credentialSecret: 'smsbridge-demo-only',
  logging: { console: { level: 'info' } },
  // No update check: the demo machine may be offline, and the consent dialog would hide the flows.
  telemetry: { enabled: false, updateNotification: false },
  editorTheme: { tours: false, projects: { enabled: false } },
};
`,
    );
  }

  /** Starts the process; resolves once the Admin API answers and flows have started (bounded). */
  async start(timeoutMs = 120_000) {
    const log = createWriteStream(this.logFile);
    const child = spawn(process.execPath, [RED, '--userDir', this.userDir, '--settings', join(this.userDir, 'settings.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const keep = (chunk) => {
      log.write(chunk);
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', () => log.end());
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Node-RED exited (${child.exitCode ?? child.signalCode}); its log is in ${this.logFile}`);
      try {
        const answer = await fetch(`${this.url}/settings`);
        if (answer.ok && /Started flows/.test(this.output)) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`Node-RED did not become ready within ${timeoutMs / 1000} s; its log is in ${this.logFile}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** A full deploy through the Admin API; nodes may carry `credentials`. */
  async deploy(flows) {
    const answer = await fetch(`${this.url}/flows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Node-RED-Deployment-Type': 'full' },
      body: JSON.stringify(flows),
    });
    if (answer.status !== 204 && answer.status !== 200) throw new Error(`deploying the demo flows failed: ${answer.status} ${await answer.text()}`);
  }

  /** SIGINT, as Ctrl-C; resolves when the process is gone (SIGKILL after `graceMs`). */
  async stop(graceMs = 15_000) {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

module.exports = { NodeRedProcess, portIsFree };
