import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE, REPO } from '../../n8n/n8n-install';

export interface ModemBridgeProcess {
  url: string;
  /** SIGTERM, wait for the exit, remove the journal. */
  stop(): Promise<void>;
}

/**
 * `smsbridge modem serve` (the built CLI, packages/core/dist) in front of the modem on `port`,
 * with a journal in a temporary folder and, if given, a push target; resolves once it listens.
 */
export async function startModemBridgeProcess(options: { port: string; pin: string; token: string; push?: { url: string; secret: string } }): Promise<ModemBridgeProcess> {
  const journal = mkdtempSync(join(tmpdir(), 'smsbridge-bridge-process-'));
  const push = options.push ? ['--push', options.push.url, '--push-secret', options.push.secret] : [];
  const child = spawn(NODE, [join(REPO, 'packages/core/dist/cli/main.js'), 'modem', 'serve', '--port', options.port, '--journal', journal, '--listen', '127.0.0.1:0', ...push], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SMSBRIDGE_BRIDGE_TOKEN: options.token, SMSBRIDGE_MODEM_PIN: options.pin },
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(journal, { recursive: true, force: true });
  };
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    // Its first stdout line is JSON: {"listening": "http://127.0.0.1:<port>", …}.
    const first = output.split('\n').find((line) => line.startsWith('{'));
    if (first) return { url: (JSON.parse(first) as { listening: string }).listening, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`smsbridge modem serve did not start (exit ${child.exitCode}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
