import { spawn, type ChildProcess } from 'node:child_process';
import { NODE, ensureN8n, installPackedNodes } from '../../n8n/n8n-install';
import { N8nInstance } from '../../n8n/n8n-instance';
import { freePort, startPostgres, startRedis, type LocalServer, type Postgres } from './local-servers';

/** One `n8n worker` (or `n8n webhook`) process and what it logged. */
export class N8nProcess {
  log = '';
  readonly executions = new Set<string>();

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const read = (chunk: Buffer): void => {
      this.log += chunk.toString();
      for (const match of chunk.toString().matchAll(/Worker started execution (\d+)/g)) this.executions.add(match[1]!);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Ends the worker the way a crash or a pulled plug does: no chance to finish or hand back its job. */
  kill(): void {
    this.child.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * n8n in queue mode on one machine, as a team runs it across several: Redis and PostgreSQL of its
 * own (temporary folders, 127.0.0.1), one main process (`n8n start`: editor, webhooks, triggers)
 * and `n8n worker` processes that run the executions, all with the pack installed as a community
 * package in the shared user folder and the same encryption key.
 */
export class N8nCluster {
  main!: N8nInstance;
  readonly workers: N8nProcess[] = [];
  readonly webhookProcesses: N8nProcess[] = [];
  private redis?: LocalServer;
  private postgres?: Postgres;
  private n8nBin = '';

  /** `prepare` runs the n8n CLI before any process starts (imports, publishing: it migrates the database itself). */
  async start(workerCount: number, concurrency: number, prepare?: (main: N8nInstance) => Promise<void>): Promise<void> {
    this.n8nBin = ensureN8n();
    const userFolder = installPackedNodes();
    this.redis = await startRedis();
    this.postgres = await startPostgres();
    // Every n8n process opens a task broker port (5679 by default), even with runners off.
    this.main = new N8nInstance(this.n8nBin, userFolder, { ...this.queueEnv(), N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
    this.main.port = await freePort();
    await prepare?.(this.main);
    // Workers start once the main process is up (the first process to start migrates the database).
    await this.main.start();
    for (let index = 0; index < workerCount; index++) await this.addWorker(`worker ${index + 1}`, concurrency);
  }

  queueEnv(): Record<string, string> {
    return {
      EXECUTIONS_MODE: 'queue',
      QUEUE_BULL_REDIS_HOST: '127.0.0.1',
      QUEUE_BULL_REDIS_PORT: String(this.redis!.port),
      DB_TYPE: 'postgresdb',
      DB_POSTGRESDB_HOST: '127.0.0.1',
      DB_POSTGRESDB_PORT: String(this.postgres!.port),
      DB_POSTGRESDB_DATABASE: this.postgres!.database,
      DB_POSTGRESDB_USER: this.postgres!.user,
      DB_POSTGRESDB_PASSWORD: '',
      OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
      // A worker that dies is noticed within seconds instead of n8n's default 30 s.
      QUEUE_WORKER_LOCK_DURATION: '6000',
      QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
      QUEUE_WORKER_STALLED_INTERVAL: '3000',
    };
  }

  /** Starts `n8n worker` and resolves once its health endpoint answers. */
  async addWorker(name: string, concurrency: number): Promise<N8nProcess> {
    const healthPort = await freePort();
    const env = {
      ...this.main.env(),
      QUEUE_HEALTH_CHECK_ACTIVE: 'true',
      QUEUE_HEALTH_CHECK_PORT: String(healthPort),
      N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
      N8N_RUNNERS_BROKER_PORT: String(await freePort()),
    };
    const worker = await this.spawnReady(name, ['worker', `--concurrency=${concurrency}`], env, healthPort);
    this.workers.push(worker);
    return worker;
  }

  /** Starts `n8n webhook` on `port` (production webhooks only; the executions go to the workers). */
  async addWebhookProcess(port: number): Promise<N8nProcess> {
    const env = { ...this.main.env(), N8N_PORT: String(port), WEBHOOK_URL: `http://127.0.0.1:${port}/`, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
    const webhook = await this.spawnReady('webhook process', ['webhook'], env, port);
    this.webhookProcesses.push(webhook);
    return webhook;
  }

  private async spawnReady(name: string, args: string[], env: NodeJS.ProcessEnv, healthPort: number): Promise<N8nProcess> {
    const child = spawn(NODE, [this.n8nBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = new N8nProcess(name, child);
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (!started.running) throw new Error(`${name} exited while starting:\n${started.log.slice(-3000)}`);
      try {
        if ((await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`)).ok) return started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${name} was not ready in 120 s:\n${started.log.slice(-3000)}`);
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.workers, ...this.webhookProcesses].map((child) => child.stop()));
    await this.main?.stop();
    await this.postgres?.stop();
    await this.redis?.stop();
  }
}
