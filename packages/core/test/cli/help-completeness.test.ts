/**
 * Every subcommand's `--help` describes every option its parser accepts, says what its exit
 * codes mean, and the general help lists every subcommand. The options are taken from the real
 * parser calls: `parseCommandArgs` is wrapped to record the option table each command passes and
 * then stop the command, so an option added to a parser without a line in the usage fails here.
 */
import { cliCommands } from '../../src/cli/command-table';
import { runCli } from '../../src/cli/run-cli';
import { createMemoryIo } from './memory-io';

const recorded: { options?: Record<string, unknown> } = {};

class OptionsRecorded extends Error {}

jest.mock('../../src/cli/parse-command-args', () => {
  const actual = jest.requireActual('../../src/cli/parse-command-args');
  return {
    ...actual,
    parseCommandArgs: (_name: string, _args: string[], options: Record<string, unknown>) => {
      recorded.options = options;
      throw new OptionsRecorded('options recorded');
    },
  };
});

/** The option names a command's parser accepts, as `run` declares them. */
async function parserOptions(name: string): Promise<string[]> {
  const command = cliCommands.find((candidate) => candidate.name === name)!;
  recorded.options = undefined;
  await expect(command.run([], createMemoryIo())).rejects.toBeInstanceOf(OptionsRecorded);
  return Object.keys(recorded.options ?? {});
}

/** The usage line that introduces `--name`, with what it says after the option and its value. */
function described(usage: string, option: string): string | undefined {
  const line = usage.split('\n').find((text) => new RegExp(`^\\s+--${option}(?=[\\s,=]|$)`).test(text));
  if (!line) return undefined;
  return line
    .replace(new RegExp(`^\\s+--${option}`), '')
    .replace(/^\s*(<[^>]+>|\S*=\S*)/, '')
    .trim();
}

describe('smsbridge help', () => {
  const names = cliCommands.map((command) => command.name);

  it.each(names)('%s --help describes every option its parser accepts', async (name) => {
    const usage = cliCommands.find((command) => command.name === name)!.usage;
    const options = await parserOptions(name);
    expect(options.length).toBeGreaterThan(0);
    const undescribed = options.filter((option) => (described(usage, option) ?? '').split(/\s+/).length < 2);
    expect({ name, undescribed }).toEqual({ name, undescribed: [] });
  });

  it.each(names)('%s --help starts with its usage line and says what its exit codes mean', (name) => {
    const usage = cliCommands.find((command) => command.name === name)!.usage;
    expect(usage.startsWith(`Usage: smsbridge ${name}`)).toBe(true);
    expect(usage).toMatch(/Exit codes: 0 [^\n]+/);
    expect(usage).toMatch(/2 bad command line/);
  });

  it('smsbridge --help lists every subcommand with its summary and the global options', async () => {
    const io = createMemoryIo();
    expect(await runCli(['--help'], io, { commands: cliCommands, version: 'test' })).toBe(0);
    const help = io.stdoutText();
    for (const command of cliCommands) expect(help).toContain(`  ${command.name.padEnd(12)}  ${command.summary}`);
    for (const option of ['--help', '--version', '--debug']) expect(described(help, option.slice(2))).toBeTruthy();
    expect(help).toContain('Exit codes:');
  });
});
