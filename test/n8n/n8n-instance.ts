import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { NODE } from './n8n-install';

export interface N8nCredential {
  id: string;
  name: string;
  type: string;
  data: Record<string, unknown>;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One n8n item as `n8n execute --rawOutput` prints it. */
export interface N8nItem {
  json: Record<string, unknown>;
  pairedItem?: { item: number } | { item: number }[];
}

export interface NodeRun {
  items: N8nItem[];
  error?: { message?: string; description?: string; name?: string; httpCode?: string; context?: Record<string, unknown> } & Record<string, unknown>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A real n8n on a throw-away user folder: its CLI for imports and runs, and `n8n start` for triggers. */
export class N8nInstance {
  port = 0;
  private server: ChildProcess | undefined;
  serverLog = '';

  constructor(
    readonly n8nBin: string,
    readonly userFolder: string,
    /** More environment, e.g. N8N_CUSTOM_EXTENSIONS. */
    readonly extraEnv: Record<string, string> = {},
  ) {}

  env(): NodeJS.ProcessEnv {
    return {
      PATH: `${join(NODE, '..')}:${process.env['PATH']}`,
      HOME: this.userFolder,
      N8N_USER_FOLDER: this.userFolder,
      N8N_ENCRYPTION_KEY: 'smsbridge-e2e-encryption-key',
      N8N_DIAGNOSTICS_ENABLED: 'false',
      N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
      N8N_PERSONALIZATION_ENABLED: 'false',
      N8N_RUNNERS_ENABLED: 'false',
      N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
      N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
      N8N_LOG_LEVEL: 'info',
      N8N_HOST: '127.0.0.1',
      N8N_LISTEN_ADDRESS: '127.0.0.1',
      N8N_PORT: String(this.port || 5678),
      N8N_SECURE_COOKIE: 'false',
      WEBHOOK_URL: `http://127.0.0.1:${this.port || 5678}/`,
      EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
      DB_SQLITE_POOL_SIZE: '2',
      NODE_ENV: 'production',
      ...this.extraEnv,
    };
  }

  /**
   * Runs the n8n CLI. Its stdout goes to a file, not a pipe: n8n exits right after printing a
   * run, and what is still in a pipe's buffer then would be lost (file writes are synchronous).
   */
  cli(args: string[], timeoutMs = 120_000): Promise<CliResult> {
    return new Promise((resolve, reject) => {
      const outFile = join(this.userFolder, `cli-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.out`);
      const fd = openSync(outFile, 'w');
      const child = spawn(NODE, [this.n8nBin, ...args], { env: this.env(), stdio: ['ignore', fd, 'pipe'] });
      closeSync(fd);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`n8n ${args[0]} did not finish in ${timeoutMs} ms\n${readFileSync(outFile, 'utf8').slice(-2000)}\n${stderr.slice(-2000)}`));
      }, timeoutMs);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        const stdout = readFileSync(outFile, 'utf8');
        rmSync(outFile, { force: true });
        resolve({ code, stdout, stderr });
      });
    });
  }

  async importCredentials(credentials: N8nCredential[]): Promise<void> {
    const file = join(this.userFolder, `credentials-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(credentials));
    const result = await this.cli(['import:credentials', `--input=${file}`]);
    if (result.code !== 0) throw new Error(`import:credentials failed: ${result.stderr}${result.stdout}`);
  }

  async importWorkflows(workflows: object[]): Promise<void> {
    const file = join(this.userFolder, `workflows-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(workflows));
    const result = await this.cli(['import:workflow', `--input=${file}`]);
    if (result.code !== 0) throw new Error(`import:workflow failed: ${result.stderr}${result.stdout}`);
  }

  /**
   * `n8n execute --id … --rawOutput`: the run data by node name, and the CLI's own output for
   * secret checks. A successful run prints the run as JSON; a failed one logs the same JSON at
   * info level before the error, so both are read from the first top-level JSON object printed.
   */
  async execute(id: string): Promise<{ nodes: Record<string, NodeRun>; raw: CliResult; data: Record<string, unknown>; failed: boolean }> {
    const raw = await this.cli(['execute', `--id=${id}`, '--rawOutput']);
    const data = firstJsonObject(raw.stdout);
    if (!data) throw new Error(`n8n execute printed no run data (exit ${raw.code}):\n${raw.stdout.slice(-3000)}\n${raw.stderr.slice(-3000)}`);
    const resultData = (data['data'] as { resultData?: { runData?: Record<string, { data?: { main?: N8nItem[][] }; error?: NodeRun['error'] }[]>; error?: unknown } } | undefined)?.resultData;
    const nodes: Record<string, NodeRun> = {};
    for (const [name, runs] of Object.entries(resultData?.runData ?? {})) {
      const run = runs[runs.length - 1]!;
      nodes[name] = { items: run.data?.main?.[0] ?? [], ...(run.error ? { error: run.error } : {}) };
    }
    return { nodes, raw, data, failed: resultData?.error !== undefined };
  }

  /** `n8n start` on a free port; resolves once the editor answers. */
  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    const child = spawn(NODE, [this.n8nBin, 'start'], { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    this.server = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.serverLog += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.serverLog += chunk.toString()));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`n8n start exited ${child.exitCode}:\n${this.serverLog.slice(-3000)}`);
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/healthz/readiness`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`n8n start was not ready in 120 s:\n${this.serverLog.slice(-3000)}`);
  }

  async stop(): Promise<void> {
    const child = this.server;
    this.server = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

/** The first line that opens a JSON object (`{` alone on a line) up to the line that closes it. */
function firstJsonObject(text: string): Record<string, unknown> | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line === '{');
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && line === '}');
  if (end < 0) return undefined;
  return JSON.parse(lines.slice(start, end + 1).join('\n')) as Record<string, unknown>;
}
