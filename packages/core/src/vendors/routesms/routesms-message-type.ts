import type { TextEncoding } from '../../codec/types';
import { InvalidRequestError } from '../../errors';

/**
 * The `type` parameter (seed 001 §1.2). 3 is reserved. Types 2 and 6 carry the text as uppercase
 * UCS-2 hex; every other type carries the text itself.
 */
export const RoutesmsMessageType = {
  plainGsm: 0,
  flashGsm: 1,
  unicode: 2,
  wapPush: 4,
  plainLatin1: 5,
  unicodeFlash: 6,
  flashLatin1: 7,
} as const;

export type RoutesmsMessageType = (typeof RoutesmsMessageType)[keyof typeof RoutesmsMessageType];

const KNOWN_TYPES: ReadonlySet<number> = new Set(Object.values(RoutesmsMessageType));

export function isRoutesmsUnicodeType(type: number): boolean {
  return type === RoutesmsMessageType.unicode || type === RoutesmsMessageType.unicodeFlash;
}

export function isRoutesmsFlashType(type: number): boolean {
  return type === RoutesmsMessageType.flashGsm || type === RoutesmsMessageType.unicodeFlash || type === RoutesmsMessageType.flashLatin1;
}

/** The type for a text already classed GSM-7 or UCS-2 by the codec. */
export function routesmsTypeFor(encoding: TextEncoding, flash: boolean): RoutesmsMessageType {
  if (encoding === 'ucs2') return flash ? RoutesmsMessageType.unicodeFlash : RoutesmsMessageType.unicode;
  return flash ? RoutesmsMessageType.flashGsm : RoutesmsMessageType.plainGsm;
}

/** Accepts a caller's explicit `type` (number or numeric string); refuses 3 and unknown values. */
export function parseRoutesmsMessageType(value: unknown): RoutesmsMessageType {
  const type = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof type !== 'number' || !KNOWN_TYPES.has(type)) {
    throw new InvalidRequestError(
      `Route Mobile message type ${JSON.stringify(value)} is not supported: use 0 (text), 1 (flash), 2 (Unicode), 4 (WAP push), 5 (ISO-8859-1), 6 (Unicode flash) or 7 (ISO-8859-1 flash)`,
      { details: { gateway: 'routesms', type: value } },
    );
  }
  return type as RoutesmsMessageType;
}
