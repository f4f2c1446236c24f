/**
 * A real Node-RED process (the repository's node-red devDependency on the repository's Node 24)
 * with a given user directory, driven through its Admin API: deploy flows, press inject buttons,
 * stop with SIGINT as Ctrl-C does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPOSITORY } from './packed-pack';

const NODE = join(REPOSITORY, 'node_modules', 'node', 'bin', 'node');
const RED = join(REPOSITORY, 'node_modules', 'node-red', 'red.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export class RealNodeRed {
  private child?: ChildProcess;
  private output = '';
  readonly url: string;

  constructor(
    readonly userDir: string,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    // A persistent context store, so `sms in` keeps its cursor across a restart; fixed credential key.
    writeFileSync(
      join(userDir, 'settings.js'),
      `module.exports = {
  uiHost: '127.0.0.1',
  uiPort: ${port},
  flowFile: 'flows.json',
  credentialSecret: 'smsbridge-e2e-only',
  contextStorage: { default: { module: 'localfilesystem', config: { flushInterval: 1 } } },
  logging: { console: { level: 'info' } },
  editorTheme: { tours: false, projects: { enabled: false } },
};
`,
    );
  }

  /** Starts the process and resolves once the Admin API answers (bounded). */
  async start(timeoutMs = 60_000): Promise<void> {
    this.output = '';
    const child = spawn(NODE, [RED, '--userDir', this.userDir, '--settings', join(this.userDir, 'settings.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Node-RED exited (${child.exitCode}):\n${this.output}`);
      try {
        const answer = await fetch(`${this.url}/settings`);
        if (answer.ok && /Started flows/.test(this.output)) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`Node-RED did not become ready within ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Everything the process printed so far. */
  get log(): string {
    return this.output;
  }

  /** A full deploy through the Admin API; nodes may carry `credentials`. */
  async deploy(flows: Record<string, unknown>[]): Promise<void> {
    const answer = await fetch(`${this.url}/flows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Node-RED-Deployment-Type': 'full' },
      body: JSON.stringify(flows),
    });
    if (answer.status !== 204 && answer.status !== 200) throw new Error(`deploy failed: ${answer.status} ${await answer.text()}`);
  }

  /** Presses an inject node's button (once the deployed flow has it; bounded). */
  async inject(id: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await fetch(`${this.url}/inject/${id}`, { method: 'POST' });
      if (answer.ok) return;
      if (answer.status !== 404 || Date.now() > deadline) throw new Error(`inject ${id} failed: ${answer.status}\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** SIGINT, as Ctrl-C; resolves when the process is gone (SIGKILL after `graceMs`). */
  async stop(graceMs = 15_000): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}
