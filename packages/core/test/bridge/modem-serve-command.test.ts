/**
 * `smsbridge modem serve` in-process with the real command table: a virtual modem on a pty, the
 * token from the environment, TLS from files; SIGINT (the CLI's abort signal) stops it with the
 * port released and the journal unlocked, and a restarted command finds what the first journaled.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cliCommands } from '../../src/cli/command-table';
import { runCli } from '../../src/cli/run-cli';
import { createMemoryIo } from '../cli/memory-io';
import { BridgeFixture, PIN, PUSH_SECRET, TOKEN, waitFor } from './bridge-fixture';
import { selfSignedCertificate } from './self-signed-certificate';

jest.setTimeout(60_000);

function serve(argv: string[], env: Record<string, string> = {}) {
  const abort = new AbortController();
  const io = { ...createMemoryIo(), signal: abort.signal, env };
  const done = runCli(['modem', 'serve', ...argv], io, { commands: cliCommands, version: 'test' });
  const listening = async (): Promise<{ listening: string }> => {
    await waitFor(() => io.stdoutText().includes('listening') || io.stderrText() !== '' , 'the bridge printed its address');
    const line = io.stdoutText().split('\n')[0]!;
    if (!line) throw new Error(`modem serve did not start: ${io.stderrText()}`);
    return JSON.parse(line) as { listening: string };
  };
  return { io, done, listening, stop: () => abort.abort('SIGINT') };
}

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('smsbridge modem serve', () => {
  const fixture = new BridgeFixture();
  const certificate = selfSignedCertificate();
  beforeAll(() => fixture.start());
  afterAll(async () => {
    await fixture.stop();
    certificate.remove();
  });

  it('serves over TLS with the token and PIN from the environment, and stops cleanly on SIGINT', async () => {
    const bridge = serve(
      ['--port', fixture.pty.path, '--journal', fixture.journal, '--listen', '127.0.0.1:0', '--tls-cert', certificate.certPath, '--tls-key', certificate.keyPath],
      { SMSBRIDGE_BRIDGE_TOKEN: TOKEN, SMSBRIDGE_MODEM_PIN: PIN },
    );
    const { listening } = await bridge.listening();
    expect(listening).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const client = fixture.registry.open('modembridge', { url: listening, password: TOKEN, ca: certificate.cert, pushSecret: PUSH_SECRET });
    fixture.pty.modem.injectSms({ from: '+447700900555', text: 'journaled by the command' });
    await waitFor(async () => (await client.inbox!()).messages.length === 1, 'the SMS reached the inbox');
    await client.close();

    bridge.stop();
    await expect(bridge.done).resolves.toBe(0);
    const port = Number(new URL(listening).port);
    expect(await portIsFree(port)).toBe(true);
    expect(existsSync(join(fixture.journal, 'journal.lock'))).toBe(false);
    expect(bridge.io.stderrText()).toContain('stopped; journal flushed');
    expect(bridge.io.stderrText() + bridge.io.stdoutText()).not.toContain(TOKEN);
    expect(bridge.io.stderrText() + bridge.io.stdoutText()).not.toContain(PIN);

    // Started again on the same journal, with the token from a file: the SMS is still there, once.
    const tokenFile = join(fixture.journal, 'bridge.token');
    writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
    const again = serve(['--port', fixture.pty.path, '--pin', PIN, '--journal', fixture.journal, '--listen', '127.0.0.1:0', '--token-file', tokenFile]);
    const second = await again.listening();
    const reopened = fixture.registry.open('modembridge', { url: second.listening, password: TOKEN });
    expect((await reopened.inbox!()).messages.map((message) => message.text)).toEqual(['journaled by the command']);
    await reopened.close();
    again.stop();
    await expect(again.done).resolves.toBe(0);
  });

  it.each([
    ['--port is required', ['--journal', '/tmp/x']],
    ['--journal is required', ['--port', '/dev/ttyUSB0']],
    ['a token is required', ['--port', '/dev/ttyUSB0', '--journal', '/tmp/x']],
    ['--push needs --push-secret', ['--port', '/dev/ttyUSB0', '--journal', '/tmp/x', '--token', TOKEN, '--push', 'http://127.0.0.1:1/x']],
    ['--tls-cert and --tls-key go together', ['--port', '/dev/ttyUSB0', '--journal', '/tmp/x', '--token', TOKEN, '--tls-cert', 'cert.pem']],
    ['--listen must be host:port', ['--port', '/dev/ttyUSB0', '--journal', '/tmp/x', '--token', TOKEN, '--listen', 'nowhere']],
  ])('refuses a command line where %s', async (message, argv) => {
    const io = createMemoryIo();
    expect(await runCli(['modem', 'serve', ...argv], io, { commands: cliCommands, version: 'test' })).toBe(2);
    expect(io.stderrText()).toContain(message);
    expect(io.stderrText()).not.toContain(TOKEN);
  });

  it('refuses a short token without echoing it', async () => {
    const io = createMemoryIo();
    const code = await runCli(['modem', 'serve', '--port', fixture.pty.path, '--journal', fixture.journal, '--listen', '127.0.0.1:0', '--token', 'short-tok'], io, {
      commands: cliCommands,
      version: 'test',
    });
    expect(code).toBe(1);
    expect(io.stderrText()).toContain('at least 16 characters');
    expect(io.stderrText()).not.toContain('short-tok');
  });
});
