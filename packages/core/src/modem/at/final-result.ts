import { cmeCodeForText, cmeErrorMeaning, isRetryableCmeError } from './cme-error-codes';
import { cmsErrorMeaning, isRetryableCmsError } from './cms-error-codes';
import { ModemCommandError, type ModemErrorFamily } from '../modem-errors';

/** A line that ends a command: success, or an error with its family and code. */
export type FinalResult =
  | { kind: 'ok'; line: string }
  | { kind: 'error'; line: string; family: ModemErrorFamily; code: number | undefined; meaning: string; retryable: boolean };

/** Final results of V.250 and vendor firmwares that are not `OK`/`ERROR`/`+CMx ERROR`. */
const otherErrorResults: ReadonlyMap<string, string> = new Map([
  ['NO CARRIER', 'no carrier'],
  ['NO DIALTONE', 'no dial tone'],
  ['NO DIAL TONE', 'no dial tone'],
  ['BUSY', 'busy'],
  ['NO ANSWER', 'no answer'],
  // Seen on some Huawei/ZTE firmwares instead of ERROR for unknown commands.
  ['COMMAND NOT SUPPORT', 'command not supported'],
  ['TOO MANY PARAMETERS', 'too many parameters'],
]);

const cmsPattern = /^\+CMS ERROR:\s*(.*)$/i;
const cmePattern = /^\+CME ERROR:\s*(.*)$/i;

/** Returns the final result a response line stands for, or `undefined` for information text and URCs. */
export function classifyFinalResult(line: string): FinalResult | undefined {
  if (line === 'OK' || line === 'CONNECT' || line.startsWith('CONNECT ')) return { kind: 'ok', line };
  if (line === 'ERROR') return { kind: 'error', line, family: 'plain', code: undefined, meaning: 'ERROR', retryable: false };
  const cms = cmsPattern.exec(line);
  if (cms) return errorWithCode(line, 'cms', cms[1]!.trim());
  const cme = cmePattern.exec(line);
  if (cme) return errorWithCode(line, 'cme', cme[1]!.trim());
  const other = otherErrorResults.get(line);
  if (other !== undefined) return { kind: 'error', line, family: 'plain', code: undefined, meaning: other, retryable: false };
  return undefined;
}

function errorWithCode(line: string, family: 'cms' | 'cme', argument: string): FinalResult {
  const numeric = /^\d+$/.test(argument) ? Number(argument) : undefined;
  if (family === 'cms') {
    if (numeric === undefined) return { kind: 'error', line, family, code: undefined, meaning: argument, retryable: false };
    return { kind: 'error', line, family, code: numeric, meaning: cmsErrorMeaning(numeric), retryable: isRetryableCmsError(numeric) };
  }
  const code = numeric ?? cmeCodeForText(argument);
  const meaning = numeric === undefined ? argument : cmeErrorMeaning(numeric);
  return { kind: 'error', line, family, code, meaning, retryable: code !== undefined && isRetryableCmeError(code) };
}

/** The typed error for an error final result of `command`. */
export function commandErrorFor(command: string, result: FinalResult & { kind: 'error' }): ModemCommandError {
  return new ModemCommandError(command, result.family, result.code, result.meaning, {
    retryable: result.retryable,
    details: { finalResult: result.line },
  });
}
