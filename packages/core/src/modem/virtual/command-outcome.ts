import type { FinalResultCode } from './final-result-code';

/**
 * What one command of a line did: finished with information lines (the line goes on), failed
 * (the line stops with that final result), or opened the `>` prompt and waits for a PDU or text.
 */
export type CommandOutcome =
  | { kind: 'done'; lines: string[] }
  | { kind: 'fail'; result: FinalResultCode }
  | { kind: 'prompt'; onInput: (input: string) => CommandOutcome };

export const done = (...lines: string[]): CommandOutcome => ({ kind: 'done', lines });
export const fail = (result: FinalResultCode): CommandOutcome => ({ kind: 'fail', result });
export const prompt = (onInput: (input: string) => CommandOutcome): CommandOutcome => ({ kind: 'prompt', onInput });
