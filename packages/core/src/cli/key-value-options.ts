import { CliUsageError } from './cli-usage-error';

/**
 * Turns repeated `--<optionName> key=value` into an object. `true`/`false` become booleans and a
 * value starting with `[` or `{` is read as JSON (`ports=[1,2]`); anything else stays a string,
 * because vendors convert numbers themselves and some want digits as text (`to=4917…`).
 */
export function parseKeyValueOptions(commandName: string, optionName: string, entries: readonly string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    const key = equals === -1 ? '' : entry.slice(0, equals).trim();
    if (key === '') throw new CliUsageError(`--${optionName} takes key=value, got '${entry}'`, commandName);
    result[key] = parseValue(commandName, optionName, key, entry.slice(equals + 1));
  }
  return result;
}

function parseValue(commandName: string, optionName: string, key: string, raw: string): unknown {
  const value = raw.trim();
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value.startsWith('[') || value.startsWith('{')) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new CliUsageError(`--${optionName} ${key}=… is not valid JSON`, commandName);
    }
  }
  return raw;
}
