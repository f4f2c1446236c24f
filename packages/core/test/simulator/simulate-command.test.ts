import { cliCommands } from '../../src/cli/command-table';
import { runCli } from '../../src/cli/run-cli';
import { DiafaanClient } from '../../src/vendors/diafaan';
import { createMemoryIo } from '../cli/memory-io';

async function waitFor(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !check(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error('condition not met in time');
}

describe('smsbridge simulate', () => {
  it('starts the chosen simulators, prints their URLs and credentials, and stops on abort', async () => {
    const abort = new AbortController();
    const io = { ...createMemoryIo(), signal: abort.signal };
    const running = runCli(['simulate', '--gateway', 'diafaan'], io, { commands: cliCommands, version: 'test' });
    await waitFor(() => io.stdoutText().trim().endsWith('}'));
    const printed = JSON.parse(io.stdoutText()) as { simulators: { gateway: string; baseUrl: string; credentials: Record<string, string> }[] };
    expect(printed.simulators.map((simulator) => simulator.gateway)).toEqual(['diafaan']);
    const [diafaan] = printed.simulators;
    expect(diafaan!.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new DiafaanClient({ baseUrl: diafaan!.baseUrl, ...diafaan!.credentials });
    try {
      const [result] = await client.send({ to: ['+447700900123'], text: 'hello from the CLI simulator' });
      expect(result!.accepted).toBe(true);
    } finally {
      await client.close();
    }
    abort.abort();
    expect(await running).toBe(0);
  });

  it('refuses an unknown gateway with a usage error', async () => {
    const io = createMemoryIo();
    const code = await runCli(['simulate', '--gateway', 'nokia'], io, { commands: cliCommands, version: 'test' });
    expect(code).toBe(2);
    expect(io.stderrText()).toMatch(/no simulator for 'nokia'/);
  });
});
