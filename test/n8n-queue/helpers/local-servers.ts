import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../node-red-e2e/helpers/real-node-red';

export { freePort };

/** A server the test started in a temporary folder, on 127.0.0.1. */
export interface LocalServer {
  port: number;
  stop(): Promise<void>;
}

async function accepting(port: number, child: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode} while starting:\n${log().slice(-2000)}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => (socket.end(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not accepting connections on ${port} after ${timeoutMs} ms:\n${log().slice(-2000)}`);
}

function stopper(child: ChildProcess, folder: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(folder, { recursive: true, force: true });
  };
}

/** A throw-away Redis (Debian's redis-server, installed by scripts/ensure-system-packages.sh): no persistence. */
export async function startRedis(options: { password?: string } = {}): Promise<LocalServer> {
  const folder = mkdtempSync(join(tmpdir(), 'smsbridge-redis-'));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder];
  if (options.password) args.push('--requirepass', options.password);
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await accepting(port, child, () => log);
  return { port, stop: stopper(child, folder) };
}

/** Debian keeps PostgreSQL's programs under /usr/lib/postgresql/<version>/bin, off the PATH. */
function postgresProgram(name: string): string {
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = `/usr/lib/postgresql/${version}/bin/${name}`;
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`PostgreSQL's ${name} is missing: run bash scripts/ensure-system-packages.sh (it installs Debian's postgresql)`);
}

export interface Postgres extends LocalServer {
  user: string;
  database: string;
}

/**
 * A throw-away PostgreSQL cluster (initdb in a temporary folder, trust authentication on
 * 127.0.0.1 only, fsync off). PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` user Debian's package creates (or `nobody`).
 */
export async function startPostgres(): Promise<Postgres> {
  const folder = mkdtempSync(join(tmpdir(), 'smsbridge-postgres-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const runAs = asRoot ? (spawnSync('id', ['-u', 'postgres']).status === 0 ? 'postgres' : 'nobody') : undefined;
  if (runAs) {
    const uid = Number(spawnSync('id', ['-u', runAs], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', runAs], { encoding: 'utf8' }).stdout.trim());
    chownSync(folder, uid, gid);
  }
  const command = (program: string, args: string[]): [string, string[]] => (runAs ? ['runuser', ['-u', runAs, '--', program, ...args]] : [program, args]);
  const data = join(folder, 'data');
  const user = 'smsbridge';
  const [initCommand, initArgs] = command(postgresProgram('initdb'), ['-D', data, '-U', user, '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
  const [serverCommand, serverArgs] = command(postgresProgram('postgres'), ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', folder, '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']);
  const child = spawn(serverCommand, serverArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await accepting(port, child, () => log);
  return { port, user, database: 'postgres', stop: stopper(child, folder) };
}
