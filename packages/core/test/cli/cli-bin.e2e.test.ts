import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { encodeSubmit } from '../../src/codec';
import { deliverGsm7, statusReportExpired } from './pdu-samples';

/**
 * Runs the real built bin. `npm test` builds packages/core/dist first; SMSBRIDGE_CLI_BIN points
 * at another build (e.g. a private one while dist/ is being rebuilt by others).
 */
const binPath = process.env.SMSBRIDGE_CLI_BIN ?? join(__dirname, '..', '..', 'dist', 'cli', 'main.js');

interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runBin(args: string[], stdin = ''): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
    child.stdin.end(stdin);
  });
}

beforeAll(() => {
  if (!existsSync(binPath)) throw new Error(`built CLI not found at ${binPath}: run \`npm run build\` (or set SMSBRIDGE_CLI_BIN)`);
});

describe('smsbridge bin (spawned)', () => {
  it('starts with a shebang so npm can link it as a command', async () => {
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(binPath, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints help listing the codec commands, exit 0', async () => {
    const result = await runBin(['--help']);
    expect(result.code).toBe(0);
    for (const name of ['pdu decode', 'pdu encode', 'segments', 'demo-codec']) expect(result.stdout).toContain(name);
  });

  it('prints the package version', async () => {
    const result = await runBin(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
  });

  it('answers an unknown command with a one-line message, a hint and exit 2', async () => {
    const result = await runBin(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("smsbridge: unknown command 'frobnicate'\nRun 'smsbridge --help' for usage.\n");
  });

  it('answers a bad PDU with one line and exit 1, a stack only with --debug', async () => {
    const plain = await runBin(['pdu', 'decode', 'XYZ']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/^smsbridge: [^\n]+\n$/);
    const debug = await runBin(['pdu', 'decode', 'XYZ', '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('decodes a PDU given as argument', async () => {
    const result = await runBin(['pdu', 'decode', deliverGsm7.hex]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ type: 'deliver', address: deliverGsm7.address, text: deliverGsm7.text });
  });

  it('encodes then decodes through pipes of the real process', async () => {
    const text = 'Grüße aus Zürich — 🙂 '.repeat(6);
    const encoded = await runBin(['pdu', 'encode', '--to', '+41791234567', '--text', text]);
    expect(encoded.code).toBe(0);
    const parts = JSON.parse(encoded.stdout) as { pdu: string }[];
    expect(parts.length).toBeGreaterThan(1);
    const decoded = await runBin(['pdu', 'decode', '-'], parts.map(({ pdu }) => pdu).join('\n'));
    expect(decoded.code).toBe(0);
    const lines = decoded.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.text).join('')).toBe(text);
  });

  it('reads JSON texts for segments from stdin', async () => {
    const result = await runBin(['segments', '-'], '"hello"\n"€uro"\n');
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).units)).toEqual([[5], [5]]);
  });

  it('decodes 50,000 stdin PDUs in order, with error lines where bad lines were put', async () => {
    const total = 50_000;
    const input: string[] = [];
    const expected: ({ kind: 'pdu'; address: string; text: string } | { kind: 'report' } | { kind: 'error'; line: number })[] = [];
    for (let i = 0; i < total; i++) {
      if (i % 1000 === 999) {
        input.push('');
        continue;
      }
      if (i % 997 === 0) {
        input.push(i % 2 === 0 ? `NOT-HEX-${i}` : deliverGsm7.hex.slice(0, 30));
        expected.push({ kind: 'error', line: i + 1 });
        continue;
      }
      if (i % 101 === 0) {
        input.push(statusReportExpired.hex);
        expected.push({ kind: 'report' });
        continue;
      }
      const address = `+4179${String(i).padStart(7, '0')}`;
      const text = i % 3 === 0 ? `Message #${i} — grüße 🙂` : `Message #${i} [${i % 7}] €`;
      const [part] = encodeSubmit({ to: address, text, messageReference: i % 256 });
      input.push(part!.pdu);
      expected.push({ kind: 'pdu', address, text });
    }
    const result = await runBin(['pdu', 'decode', '-'], input.join('\n') + '\n');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(expected.length);
    let mismatches = 0;
    lines.forEach((line, index) => {
      const got = JSON.parse(line);
      const want = expected[index]!;
      const ok =
        want.kind === 'error'
          ? typeof got.error === 'string' && got.line === want.line
          : want.kind === 'report'
            ? got.type === 'status-report' && got.messageReference === statusReportExpired.messageReference
            : got.type === 'submit' && got.address === want.address && got.text === want.text;
      if (!ok) mismatches++;
    });
    expect(mismatches).toBe(0);
    expect(expected.filter((line) => line.kind === 'error').length).toBeGreaterThan(40);
  });

  it('exits quietly when the reader of its output goes away', async () => {
    const input = `${deliverGsm7.hex}\n`.repeat(20_000);
    const result = await new Promise<BinResult>((resolve, reject) => {
      const child = spawn(process.execPath, [binPath, 'pdu', 'decode', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
      const stderr: Buffer[] = [];
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      // Like `| head -1`: read the first chunk, then close our end of the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.stdin.on('error', () => undefined);
      child.on('close', (code, signal) => resolve({ code, signal, stdout: '', stderr: Buffer.concat(stderr).toString('utf8') }));
      child.stdin.end(input);
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('stops on Ctrl-C while waiting for more stdin', async () => {
    const child = spawn(process.execPath, [binPath, 'pdu', 'decode', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write(`${deliverGsm7.hex}\n`);
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal })),
    );
    // Once the first line is answered the CLI is running and its signal handlers are in place.
    const answered = await Promise.race([
      new Promise<boolean>((resolve) => child.stdout.once('data', () => resolve(true))),
      closed.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000).unref()),
    ]);
    if (!answered) child.kill('SIGKILL');
    expect(answered).toBe(true);
    child.kill('SIGINT');
    try {
      expect(await closed).toEqual({ code: null, signal: 'SIGINT' });
    } finally {
      child.stdin.destroy();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
