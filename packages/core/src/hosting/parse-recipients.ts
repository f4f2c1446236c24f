import { InvalidRequestError } from '../errors/gateway-errors';

/**
 * Recipients as a form field or a message gives them — one number, several separated by commas,
 * semicolons or new lines, or a list of such strings — as a clean list, in order, without blanks
 * or repeats. Whether each one is a possible number is the send check's job.
 */
export function parseRecipients(value: unknown): string[] {
  const pieces: string[] = [];
  const collect = (item: unknown): void => {
    if (item === undefined || item === null) return;
    if (Array.isArray(item)) {
      for (const inner of item) collect(inner);
      return;
    }
    if (typeof item === 'number' && Number.isFinite(item)) {
      pieces.push(String(item));
      return;
    }
    if (typeof item !== 'string') {
      throw new InvalidRequestError(`Recipients must be text or a list of texts, not ${typeof item}: give numbers such as "+447700900123, +447700900124".`);
    }
    for (const piece of item.split(/[,;\n]/)) {
      const trimmed = piece.trim();
      if (trimmed !== '') pieces.push(trimmed);
    }
  };
  collect(value);
  return [...new Set(pieces)];
}
