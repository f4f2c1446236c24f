import type { CliCommand, CliIo } from './cli-command';
import { CliUsageError } from './cli-usage-error';
import { SmsBridgeError } from '../errors';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export interface RunCliOptions {
  commands: readonly CliCommand[];
  version: string;
}

/**
 * Runs one `smsbridge` invocation against injected streams and resolves to the exit code:
 * 0 done, 1 the command failed, 2 the command line was wrong. Never throws; stack traces only
 * with `--debug`.
 */
export async function runCli(argv: readonly string[], io: CliIo, options: RunCliOptions): Promise<number> {
  const { args, debug } = takeDebugFlag(argv);
  let commandName: string | undefined;
  try {
    const first = args[0];
    if (first === undefined) {
      io.stderr.write(generalHelp(options.commands));
      return EXIT_USAGE;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      return printHelpFor(args.slice(1), io, options.commands);
    }
    if (first === '--version' || first === '-V') {
      io.stdout.write(`${options.version}\n`);
      return EXIT_OK;
    }
    if (first.startsWith('-')) throw new CliUsageError(`unknown option '${first}'`);

    const resolved = resolveCommand(args, options.commands);
    if (resolved.kind === 'group') {
      // `smsbridge pdu` or `smsbridge pdu --help`: list what the group offers.
      const asked = resolved.rest.some(isHelpFlag);
      (asked ? io.stdout : io.stderr).write(groupHelp(resolved.group, options.commands));
      return asked ? EXIT_OK : EXIT_USAGE;
    }
    commandName = resolved.command.name;
    if (helpRequested(resolved.rest)) {
      io.stdout.write(withNewline(resolved.command.usage));
      return EXIT_OK;
    }
    return (await resolved.command.run(resolved.rest, io)) ?? EXIT_OK;
  } catch (error) {
    return reportError(error, io, debug, commandName);
  }
}

type Resolution =
  | { kind: 'command'; command: CliCommand; rest: string[] }
  | { kind: 'group'; group: string; rest: string[] };

function resolveCommand(args: string[], commands: readonly CliCommand[]): Resolution {
  const [first, second] = args as [string, string | undefined];
  if (second !== undefined) {
    const twoWords = commands.find((command) => command.name === `${first} ${second}`);
    if (twoWords) return { kind: 'command', command: twoWords, rest: args.slice(2) };
  }
  const oneWord = commands.find((command) => command.name === first);
  if (oneWord) return { kind: 'command', command: oneWord, rest: args.slice(1) };
  if (commands.some((command) => command.name.startsWith(`${first} `))) {
    if (second === undefined || second.startsWith('-')) return { kind: 'group', group: first, rest: args.slice(1) };
    throw new CliUsageError(`unknown command '${first} ${second}'`, first);
  }
  throw new CliUsageError(`unknown command '${first}'`);
}

function printHelpFor(topic: string[], io: CliIo, commands: readonly CliCommand[]): number {
  if (topic.length === 0) {
    io.stdout.write(generalHelp(commands));
    return EXIT_OK;
  }
  const resolved = resolveCommand(topic, commands);
  io.stdout.write(resolved.kind === 'group' ? groupHelp(resolved.group, commands) : withNewline(resolved.command.usage));
  return EXIT_OK;
}

function reportError(error: unknown, io: CliIo, debug: boolean, commandName: string | undefined): number {
  io.stderr.write(`smsbridge: ${oneLine(error)}\n`);
  if (debug) io.stderr.write(debugReport(error));
  if (error instanceof CliUsageError) {
    const name = error.commandName ?? commandName;
    io.stderr.write(name ? `Run 'smsbridge ${name} --help' for usage.\n` : `Run 'smsbridge --help' for usage.\n`);
    return EXIT_USAGE;
  }
  return EXIT_FAILURE;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ').trim() || (error instanceof Error ? error.name : 'unknown error');
}

/** Stack, structured details and the cause chain, for `--debug`. */
function debugReport(error: unknown): string {
  let report = '';
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 8; depth++) {
    if (depth > 0) report += 'Caused by: ';
    if (current instanceof Error) {
      report += `${current.stack ?? current.message}\n`;
      if (current instanceof SmsBridgeError) report += `  code=${current.code} retryable=${current.retryable} details=${JSON.stringify(current.details)}\n`;
      current = current.cause;
    } else {
      report += `${String(current)}\n`;
      current = undefined;
    }
  }
  return report;
}

/** `--debug` is global and may sit anywhere before `--`. */
function takeDebugFlag(argv: readonly string[]): { args: string[]; debug: boolean } {
  const terminator = argv.indexOf('--');
  const head = terminator === -1 ? argv : argv.slice(0, terminator);
  const tail = terminator === -1 ? [] : argv.slice(terminator);
  const kept = head.filter((arg) => arg !== '--debug');
  return { args: [...kept, ...tail], debug: kept.length !== head.length };
}

function helpRequested(args: string[]): boolean {
  const terminator = args.indexOf('--');
  return (terminator === -1 ? args : args.slice(0, terminator)).some(isHelpFlag);
}

function isHelpFlag(arg: string): boolean {
  return arg === '--help' || arg === '-h';
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function commandList(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}\n`).join('');
}

function generalHelp(commands: readonly CliCommand[]): string {
  return (
    'Usage: smsbridge <command> [options]\n\n' +
    'SMS codec tools, gateway clients and simulators of the smsbridge pack.\n\n' +
    'Commands:\n' +
    commandList(commands) +
    '\nGlobal options:\n' +
    '  --help, -h     show help (also: smsbridge <command> --help)\n' +
    '  --version, -V  print the version\n' +
    '  --debug        show stack traces and error details\n\n' +
    'Exit codes: 0 done, 1 the command failed, 2 bad command line.\n'
  );
}

function groupHelp(group: string, commands: readonly CliCommand[]): string {
  const members = commands.filter((command) => command.name.startsWith(`${group} `));
  return `Usage: smsbridge ${group} <command> [options]\n\nCommands:\n${commandList(members)}\nRun 'smsbridge ${group} <command> --help' for details.\n`;
}
