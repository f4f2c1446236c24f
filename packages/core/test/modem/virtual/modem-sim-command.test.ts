import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { SerialPort } from 'serialport';
import { decodePdu } from '../../../src/codec';
import { modemSimCommand } from '../../../src/cli/commands/modem-sim';

/** Resolves with the next complete stdout line that satisfies `accept` (bounded). */
function nextLine(stdout: PassThrough, accept: (line: Record<string, unknown>) => boolean, timeoutMs = 5000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let carry = '';
    const onData = (chunk: Buffer) => {
      carry += chunk.toString('utf8');
      let newline = carry.indexOf('\n');
      while (newline >= 0) {
        const parsed = JSON.parse(carry.slice(0, newline)) as Record<string, unknown>;
        carry = carry.slice(newline + 1);
        if (accept(parsed)) {
          finish();
          resolve(parsed);
          return;
        }
        newline = carry.indexOf('\n');
      }
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`no matching line within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      stdout.off('data', onData);
    };
    stdout.on('data', onData);
  });
}

describe('smsbridge modem-sim', () => {
  it('serves a modem on a pty, takes control lines on stdin and cleans up on abort', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const abort = new AbortController();
    const started = nextLine(stdout, (line) => typeof line.device === 'string');
    const exit = modemSimCommand.run(['--profile', 'quectel', '--delivery-delay-ms', '10'], { stdin, stdout, stderr, signal: abort.signal });
    let port: SerialPort | undefined;
    let device = '';
    try {
      const info = await started;
      expect(info).toMatchObject({ profile: 'quectel', manufacturer: 'Quectel', model: 'EC25' });
      device = info.device as string;
      expect(existsSync(device)).toBe(true);

      const injected = nextLine(stdout, (line) => line.event === 'control');
      stdin.write(`${JSON.stringify({ injectSms: { from: '+447700900555', text: 'via stdin' } })}\n`);
      const control = await injected;
      expect(control.ok).toBe(true);
      expect(decodePdu((control.pdus as string[])[0]!).text).toBe('via stdin');

      port = await new Promise<SerialPort>((resolve, reject) => {
        const opened = new SerialPort({ path: device, baudRate: 115200, autoOpen: false });
        opened.open((err) => (err ? reject(err) : resolve(opened)));
      });
      const answer = new Promise<string>((resolve) => {
        let text = '';
        port!.on('data', (chunk: Buffer) => {
          text += chunk.toString('latin1');
          if (text.endsWith('OK\r\n')) resolve(text);
        });
      });
      port.write('AT+CMGL=4\r');
      expect(await answer).toMatch(/\+CMGL: 1,0,,\d+\r\n/);

      const bad = nextLine(stdout, (line) => line.event === 'control');
      stdin.write('{"nonsense": 1}\n');
      expect(await bad).toMatchObject({ ok: false });
    } finally {
      if (port?.isOpen) await new Promise((resolve) => port!.close(resolve));
      abort.abort();
    }
    expect(await exit).toBe(0);
    expect(existsSync(device)).toBe(false);
  });

  it('refuses an unknown profile with a usage error', async () => {
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), signal: new AbortController().signal };
    await expect(modemSimCommand.run(['--profile', 'nokia'], io)).rejects.toMatchObject({ code: 'SMSB_CLI_USAGE' });
  });
});
