import { cliCommands } from '../../src/cli/command-table';
import { runCli } from '../../src/cli/run-cli';
import { createMemoryIo } from './memory-io';

/** Runs `smsbridge <argv>` in-process with the real command table. */
export async function runCommand(argv: string[], stdin: (string | Buffer)[] = []) {
  const io = createMemoryIo(stdin);
  const code = await runCli(argv, io, { commands: cliCommands, version: 'test' });
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}
