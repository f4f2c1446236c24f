import { InvalidRequestError } from '../../errors';

/** One entry of `send_sms`'s `param`: the number, its `#param#` values and the id results come back with. */
export interface DinstarRecipient {
  number: string;
  userId: number;
  textParams?: string[];
}

/** Per-request limits of `send_sms` (beyond them the gateway answers 413). */
export interface DinstarSendLimits {
  maxNumbers: number;
  /** UTF-8 bytes of the text plus the `#param#` values carried in one request. */
  maxTextBytes: number;
}

export const DINSTAR_SEND_LIMITS: Readonly<DinstarSendLimits> = { maxNumbers: 128, maxTextBytes: 1500 };

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Splits recipients into requests within the limits, in order. The text itself is never split:
 * a text over the limit is refused before anything is sent.
 */
export function planDinstarSendChunks(text: string, recipients: readonly DinstarRecipient[], limits: DinstarSendLimits = DINSTAR_SEND_LIMITS): DinstarRecipient[][] {
  const textBytes = bytes(text);
  if (textBytes > limits.maxTextBytes) {
    throw new InvalidRequestError(`The text is ${textBytes} bytes; the gateway takes at most ${limits.maxTextBytes} bytes per message: shorten it.`);
  }
  const chunks: DinstarRecipient[][] = [];
  let current: DinstarRecipient[] = [];
  let currentBytes = textBytes;
  for (const recipient of recipients) {
    const paramBytes = (recipient.textParams ?? []).reduce((sum, value) => sum + bytes(value), 0);
    if (textBytes + paramBytes > limits.maxTextBytes) {
      throw new InvalidRequestError(
        `The text with the #param# values for ${recipient.number} is ${textBytes + paramBytes} bytes, over the gateway's ${limits.maxTextBytes}: shorten them.`,
      );
    }
    if (current.length > 0 && (current.length >= limits.maxNumbers || currentBytes + paramBytes > limits.maxTextBytes)) {
      chunks.push(current);
      current = [];
      currentBytes = textBytes;
    }
    current.push(recipient);
    currentBytes += paramBytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
