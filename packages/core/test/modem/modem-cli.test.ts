import { cliCommands } from '../../src/cli/command-table';
import { runCli } from '../../src/cli/run-cli';
import { startVirtualModemOnPty, type PtyVirtualModem } from '../../src/modem/virtual/pty-virtual-modem';
import { createMemoryIo } from '../cli/memory-io';
import { waitUntil } from './helpers/wait-until';

async function run(argv: string[], signal?: AbortSignal) {
  const io = createMemoryIo();
  const code = await runCli(argv, signal ? { ...io, signal } : io, { commands: cliCommands, version: 'test' });
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('smsbridge modem … against a virtual modem on a pty', () => {
  let pty: PtyVirtualModem | undefined;
  afterEach(async () => {
    await pty?.close();
    pty = undefined;
  });

  it('modem info prints the device as JSON', async () => {
    pty = await startVirtualModemOnPty({ profile: 'huawei' });
    const { code, stdout } = await run(['modem', 'info', '--port', pty.path]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ manufacturer: expect.stringMatching(/huawei/i), imei: expect.stringMatching(/^\d{15}$/) });
  });

  it('modem send prints per-part references', async () => {
    pty = await startVirtualModemOnPty({ firstMessageReference: 40 });
    const { code, stdout } = await run(['modem', 'send', '--port', pty.path, '--to', '+447700900123', '--text', 'x'.repeat(200), '--status-report']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ to: '+447700900123', accepted: true, parts: 2, partIds: ['40', '41'] })]);
  });

  it('modem send exits 1 when the modem refuses', async () => {
    pty = await startVirtualModemOnPty({ network: { rules: [{ match: '+447700900666', submitError: 21 }] } });
    const { code, stdout } = await run(['modem', 'send', '--port', pty.path, '--to', '+447700900666', '--text', 'no']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0]).toMatchObject({ accepted: false, errorCode: 21 });
  });

  it('modem inbox lists and deletes', async () => {
    pty = await startVirtualModemOnPty();
    pty.modem.injectSms({ from: '+447700900555', text: 'stored' });
    const listed = await run(['modem', 'inbox', '--port', pty.path, '--delete']);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ from: '+447700900555', text: 'stored' })]);
    expect(pty.modem.storage('SM').indexes()).toHaveLength(0);
  });

  it('modem ussd prints the reply and whether the menu waits', async () => {
    pty = await startVirtualModemOnPty({ ussdMenu: { '*100#': { reply: '1. Balance', options: { '1': '5 EUR' } } }, ussd: { replyDelayMs: 5 } });
    const { code, stdout } = await run(['modem', 'ussd', '--port', pty.path, '--code', '*100#']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ code: '*100#', reply: '1. Balance', awaitingInput: true });
  });

  it('modem listen prints a JSON line per message until aborted', async () => {
    pty = await startVirtualModemOnPty();
    const current = pty;
    const controller = new AbortController();
    const io = createMemoryIo();
    const running = runCli(['modem', 'listen', '--port', pty.path], { ...io, signal: controller.signal }, { commands: cliCommands, version: 'test' });
    await waitUntil(() => io.stdoutText().includes('"ready"'), 'the modem was ready');
    current.modem.injectSms({ from: '+447700900555', text: 'live' });
    await waitUntil(() => io.stdoutText().includes('"message"'), 'the message was printed');
    controller.abort();
    expect(await running).toBe(0);
    const events = io.stdoutText().trim().split('\n').map((line) => JSON.parse(line));
    expect(events).toContainEqual(expect.objectContaining({ event: 'message', from: '+447700900555', text: 'live' }));
  });

  it('asks for --port', async () => {
    const { code, stderr } = await run(['modem', 'info']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--port is required/);
  });
});
