import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError } from './cli-usage-error';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` in strict mode, with its TypeErrors (unknown option, missing value …) turned into
 * `CliUsageError` so the CLI answers them with exit code 2 instead of a stack trace.
 */
export function parseCommandArgs<T extends OptionsConfig>(commandName: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliUsageError(describeParseError(error), commandName, error);
  }
}

/** Node's messages are long and end with advice for `--` in scripts; keep the first sentence. */
function describeParseError(error: unknown): string {
  // Some hosts (jest's vm) put `TypeError [ERR_…]: ` in the message itself.
  const message = (error instanceof Error ? error.message : String(error)).replace(/^\w*Error \[\w+\]: /, '');
  const firstSentence = message.split('. ')[0]!.replace(/\.$/, '');
  return firstSentence.charAt(0).toLowerCase() + firstSentence.slice(1);
}

/** A positional count check with a usage-error message naming what is missing. */
export function expectPositionals(commandName: string, positionals: string[], names: string[]): string[] {
  if (positionals.length < names.length) {
    throw new CliUsageError(`missing ${names.slice(positionals.length).map((name) => `<${name}>`).join(' ')}`, commandName);
  }
  if (positionals.length > names.length) {
    throw new CliUsageError(`unexpected argument '${positionals[names.length]}'`, commandName);
  }
  return positionals;
}

/** Parses an integer option value within bounds, naming the option when it is wrong. */
export function parseIntegerOption(commandName: string, optionName: string, value: string, min: number, max: number): number {
  const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new CliUsageError(`--${optionName} must be an integer from ${min} to ${max}, got '${value}'`, commandName);
  }
  return parsed;
}

/** Checks a value against a closed list of choices. */
export function parseChoiceOption<C extends string>(commandName: string, optionName: string, value: string, choices: readonly C[]): C {
  if (!(choices as readonly string[]).includes(value)) {
    throw new CliUsageError(`--${optionName} must be one of ${choices.join(', ')}, got '${value}'`, commandName);
  }
  return value as C;
}
