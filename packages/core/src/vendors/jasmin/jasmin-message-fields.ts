import { toUcs2Hex } from '../../codec';
import type { TextEncoding } from '../../codec/types';
import { InvalidRequestError } from '../../errors';
import { jasminDlrFields, type JasminDlrOptions } from './jasmin-dlr-options';
import { canonicalJasminKey, JASMIN_CODINGS } from './jasmin-parameter-names';

/** One message of `/secure/send` or of a `/secure/sendbatch` list. */
export interface JasminMessageInput {
  /** One destination (send) or several (a batch message). */
  to: string | string[];
  /** Text; with `encoding` `ucs2` it goes as `coding: 8` + `hex_content`, never as `content`. */
  text?: string;
  /** How the codec classed the text (default gsm7). */
  encoding?: TextEncoding;
  /** Binary payload in hex, sent as `hex_content` with `coding` (default 4, 8-bit data). */
  hexContent?: string;
  coding?: number;
  from?: string;
  dlr?: JasminDlrOptions;
  /** `validity-period`, in minutes. */
  validityMinutes?: number;
  /** SMPP priority 0–3. */
  priority?: number;
  /** Other Jasmin parameters (`tags`, `sdt` …), passed through; `_` and `-` are the same. */
  extra?: Record<string, unknown>;
}

/** Parameters the builder owns: extras that would replace them are refused. */
const OWNED = new Set(['to', 'content', 'hex-content', 'username', 'password']);

/** Jasmin's own example: "أرنب" → 0623063106460628 (UTF-16BE). */
export function jasminUtf16Hex(text: string): string {
  return toUcs2Hex(text);
}

function invalid(message: string, details: Record<string, unknown> = {}): InvalidRequestError {
  return new InvalidRequestError(message, { details: { gateway: 'jasmin', ...details } });
}

/** Sets `key` replacing any other spelling of the same canonical key. */
function put(fields: Map<string, [string, unknown]>, key: string, value: unknown): void {
  fields.set(canonicalJasminKey(key), [key, value]);
}

/** The JSON object of one message. */
export function buildJasminMessage(input: JasminMessageInput): Record<string, unknown> {
  const fields = new Map<string, [string, unknown]>();
  const destinations = Array.isArray(input.to) ? input.to : [input.to];
  if (destinations.length === 0 || destinations.some((to) => !/^\+?\d+$/.test(to))) {
    throw invalid('Jasmin destinations must be digits (international form without spaces)', { to: input.to });
  }
  put(fields, 'to', Array.isArray(input.to) ? [...input.to] : input.to);
  if (input.from !== undefined && input.from !== '') put(fields, 'from', input.from);

  const hasText = input.text !== undefined;
  const hasHex = input.hexContent !== undefined;
  if (hasText === hasHex) throw invalid('Give either a text or a binary hex content, not both and not neither');
  if (hasText) {
    if (input.text === '') throw invalid('The message is empty');
    if ((input.encoding ?? 'gsm7') === 'ucs2') {
      // With coding 0 Jasmin would squeeze the text into GSM 03.38 and replace what does not fit.
      put(fields, 'coding', 8);
      put(fields, 'hex_content', jasminUtf16Hex(input.text!));
    } else {
      put(fields, 'content', input.text);
    }
  } else {
    const hex = input.hexContent!.replace(/\s+/g, '');
    if (hex === '' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) {
      throw invalid('The binary content must be an even number of hex digits');
    }
    const coding = input.coding ?? 4;
    if (!JASMIN_CODINGS.has(coding)) throw invalid(`Jasmin coding ${coding} does not exist: use 0–10, 13 or 14`, { coding });
    put(fields, 'coding', coding);
    put(fields, 'hex_content', hex.toUpperCase());
  }
  if (input.dlr) for (const [key, value] of Object.entries(jasminDlrFields(input.dlr))) put(fields, key, value);
  if (input.validityMinutes !== undefined) {
    if (!Number.isInteger(input.validityMinutes) || input.validityMinutes <= 0) throw invalid('The validity period must be a whole number of minutes above 0');
    put(fields, 'validity-period', input.validityMinutes);
  }
  if (input.priority !== undefined) {
    if (![0, 1, 2, 3].includes(input.priority)) throw invalid('Jasmin priority must be 0, 1, 2 or 3', { priority: input.priority });
    put(fields, 'priority', input.priority);
  }
  for (const [key, value] of Object.entries(input.extra ?? {})) {
    if (value === undefined) continue;
    if (OWNED.has(canonicalJasminKey(key))) throw invalid(`"${key}" is set by the Jasmin client itself: remove it from the extra parameters`, { parameter: key });
    put(fields, key, value);
  }
  return Object.fromEntries(fields.values());
}
