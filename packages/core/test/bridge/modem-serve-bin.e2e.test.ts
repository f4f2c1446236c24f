/**
 * The real built `smsbridge` bin running `modem serve` as its own process in front of a virtual
 * modem on a pty: SIGTERM ends it with exit 0, the port released and the journal unlocked.
 * `npm test` builds packages/core/dist first; SMSBRIDGE_CLI_BIN points at another build.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { BridgeFixture, PIN, TOKEN, waitFor } from './bridge-fixture';

jest.setTimeout(60_000);
const binPath = process.env.SMSBRIDGE_CLI_BIN ?? join(__dirname, '..', '..', 'dist', 'cli', 'main.js');

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('smsbridge modem serve (the bin)', () => {
  const fixture = new BridgeFixture();
  beforeAll(() => fixture.start());
  afterAll(() => fixture.stop());

  it('stops on SIGTERM with exit 0, the port free and the journal unlocked', async () => {
    const child = spawn(process.execPath, [binPath, 'modem', 'serve', '--port', fixture.pty.path, '--journal', fixture.journal, '--listen', '127.0.0.1:0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SMSBRIDGE_BRIDGE_TOKEN: TOKEN, SMSBRIDGE_MODEM_PIN: PIN },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      await waitFor(() => stdout.includes('\n') || child.exitCode !== null, 'the bin printed its address', 2000);
      const { listening } = JSON.parse(stdout.split('\n')[0]!) as { listening: string };
      const client = fixture.registry.open('modembridge', { url: listening, password: TOKEN });
      await expect(client.verify()).resolves.toMatchObject({ status: 'verified' });
      await client.close();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(await portIsFree(Number(new URL(listening).port))).toBe(true);
      expect(existsSync(join(fixture.journal, 'journal.lock'))).toBe(false);
      expect(stderr).toContain('stopped; journal flushed');
      expect(stdout + stderr).not.toContain(TOKEN);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
