import { CliUsageError } from './cli-usage-error';

/**
 * Turns repeated `--<optionName> key=value` into an object. `key=value` is text (`true`/`false`
 * become booleans), `key:=value` is JSON (`priority:=3`, `ports:=[1,2]`), as in HTTPie: vendors
 * differ on whether digits are text (`to=4917…`) or numbers, so the user says which.
 */
export function parseKeyValueOptions(commandName: string, optionName: string, entries: readonly string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    const json = equals > 0 && entry[equals - 1] === ':';
    const key = equals === -1 ? '' : entry.slice(0, json ? equals - 1 : equals).trim();
    if (key === '') throw new CliUsageError(`--${optionName} takes key=value or key:=json, got '${entry}'`, commandName);
    const raw = entry.slice(equals + 1);
    result[key] = json ? parseJson(commandName, optionName, key, raw) : raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  return result;
}

function parseJson(commandName: string, optionName: string, key: string, raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new CliUsageError(`--${optionName} ${key}:=… is not valid JSON`, commandName);
  }
}
