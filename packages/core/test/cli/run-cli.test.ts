import type { CliCommand } from '../../src/cli/cli-command';
import { CliUsageError } from '../../src/cli/cli-usage-error';
import { parseCommandArgs } from '../../src/cli/parse-command-args';
import { runCli } from '../../src/cli/run-cli';
import { CodecError } from '../../src/errors';
import { createMemoryIo } from './memory-io';

const calls: string[][] = [];

function fakeCommand(name: string, run: CliCommand['run']): CliCommand {
  return { name, summary: `summary of ${name}`, usage: `Usage: smsbridge ${name} [--loud]`, run };
}

const commands: CliCommand[] = [
  fakeCommand('echo', async (args, io) => {
    calls.push(args);
    const { values, positionals } = parseCommandArgs('echo', args, { loud: { type: 'boolean' } });
    io.stdout.write(`${values.loud ? positionals.join(' ').toUpperCase() : positionals.join(' ')}\n`);
  }),
  fakeCommand('fail-codec', async () => {
    throw new CodecError('SMSB_CODEC_BAD_HEX', 'PDU is not hex', 3);
  }),
  fakeCommand('fail-plain', async () => {
    throw new TypeError('boom\nsecond line');
  }),
  fakeCommand('exit-three', async () => 3),
  fakeCommand('usage-fail', async () => {
    throw new CliUsageError('missing <thing>', 'usage-fail');
  }),
  fakeCommand('group one', async (args, io) => {
    io.stdout.write(`one:${args.join(',')}\n`);
  }),
  fakeCommand('group two', async () => undefined),
];

async function run(argv: string[]) {
  const io = createMemoryIo();
  const code = await runCli(argv, io, { commands, version: '9.8.7' });
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

beforeEach(() => {
  calls.length = 0;
});

describe('runCli dispatch', () => {
  it('runs a command with the arguments after its name', async () => {
    const result = await run(['echo', 'hello', '--loud', 'world']);
    expect(result).toEqual({ code: 0, stdout: 'HELLO WORLD\n', stderr: '' });
    expect(calls).toEqual([['hello', '--loud', 'world']]);
  });

  it('runs two-word commands and passes the rest', async () => {
    const result = await run(['group', 'one', 'a', 'b']);
    expect(result.stdout).toBe('one:a,b\n');
    expect(result.code).toBe(0);
  });

  it('returns the exit code a command resolves to', async () => {
    expect((await run(['exit-three'])).code).toBe(3);
  });

  it('prints the version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: '9.8.7\n', stderr: '' });
  });
});

describe('runCli help', () => {
  it('lists every command with its summary on --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const command of commands) expect(result.stdout).toContain(`${command.name}`);
    expect(result.stdout).toContain('summary of fail-codec');
    expect(result.stderr).toBe('');
  });

  it('prints usage on stderr with exit 2 when no command is given', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: smsbridge <command>');
  });

  it('prints a command usage on <cmd> --help without running it', async () => {
    const result = await run(['echo', 'x', '--help']);
    expect(result).toEqual({ code: 0, stdout: 'Usage: smsbridge echo [--loud]\n', stderr: '' });
    expect(calls).toEqual([]);
  });

  it('treats --help after -- as an argument', async () => {
    const result = await run(['echo', '--', '--help']);
    expect(result.stdout).toBe('--help\n');
  });

  it('answers help <cmd> like <cmd> --help', async () => {
    expect((await run(['help', 'group', 'two'])).stdout).toBe('Usage: smsbridge group two [--loud]\n');
  });

  it('lists a group on <group> --help and complains on a bare group', async () => {
    const asked = await run(['group', '--help']);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('group one');
    expect(asked.stdout).toContain('group two');
    expect(asked.stdout).not.toContain('echo');
    const bare = await run(['group']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('group one');
  });
});

describe('runCli errors', () => {
  it('answers an unknown command with one line, a hint and exit 2', async () => {
    const result = await run(['nope']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("smsbridge: unknown command 'nope'\nRun 'smsbridge --help' for usage.\n");
  });

  it('answers an unknown subcommand of a group with exit 2', async () => {
    const result = await run(['group', 'three']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe("smsbridge: unknown command 'group three'");
    expect(result.stderr).toContain("smsbridge group --help");
  });

  it('answers an unknown global option with exit 2', async () => {
    const result = await run(['--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe("smsbridge: unknown option '--frobnicate'");
  });

  it('answers an unknown command option with exit 2 and the command hint', async () => {
    const result = await run(['echo', '--quiet']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("smsbridge: unknown option '--quiet'\nRun 'smsbridge echo --help' for usage.\n");
  });

  it('answers an option given a value it does not take with exit 2', async () => {
    const result = await run(['echo', '--loud=yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^smsbridge: option '--loud' does not take an argument\n/);
  });

  it('shows a usage error thrown by a command with exit 2', async () => {
    const result = await run(['usage-fail']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("smsbridge: missing <thing>\nRun 'smsbridge usage-fail --help' for usage.\n");
  });

  it('shows an SmsBridgeError message as is with exit 1 and no stack', async () => {
    const result = await run(['fail-codec']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'smsbridge: PDU is not hex (at octet 3)\n' });
  });

  it('keeps any other error to one line with exit 1', async () => {
    const result = await run(['fail-plain']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'smsbridge: boom second line\n' });
  });

  it('adds stack, code and details with --debug anywhere before --', async () => {
    for (const argv of [['--debug', 'fail-codec'], ['fail-codec', '--debug']]) {
      const result = await run(argv);
      expect(result.code).toBe(1);
      const lines = result.stderr.split('\n');
      expect(lines[0]).toBe('smsbridge: PDU is not hex (at octet 3)');
      expect(result.stderr).toContain('CodecError');
      expect(result.stderr).toMatch(/\n\s+at /);
      expect(result.stderr).toContain('code=SMSB_CODEC_BAD_HEX');
      expect(result.stderr).toContain('"offset":3');
    }
  });

  it('prints the cause chain with --debug', async () => {
    const result = await run(['echo', '--nope', '--debug']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Caused by: TypeError');
  });

  it('does not take --debug after -- as the global flag', async () => {
    const result = await run(['echo', '--', '--debug']);
    expect(result.stdout).toBe('--debug\n');
  });
});
