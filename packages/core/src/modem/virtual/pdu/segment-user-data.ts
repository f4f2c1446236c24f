import { encodeGsm7 } from '../../../codec';

/** The user data of one part before packing: GSM-7 septets, UCS-2 octets or raw octets. */
export type UserDataUnits = { encoding: 'gsm7'; septets: number[] } | { encoding: 'ucs2' | '8bit'; octets: number[] };

const gsm7Single = 160;
const gsm7Part = 153;
const ucs2Single = 140;
const ucs2Part = 134;

/**
 * Splits a text into the user data of its parts the way a sending phone does: one part when it
 * fits, else parts that leave room for a concatenation header, never splitting an escape pair or
 * a surrogate pair.
 */
export function segmentUserData(text: string, encoding: 'auto' | 'gsm7' | 'ucs2'): UserDataUnits[] {
  const useGsm7 = encoding === 'gsm7' || (encoding === 'auto' && fitsGsm7(text));
  const characters = Array.from(text);
  if (useGsm7) {
    const groups = characters.map((character) => encodeGsm7(character));
    return splitGroups(groups, gsm7Single, gsm7Part).map((septets) => ({ encoding: 'gsm7', septets }));
  }
  const groups = characters.map((character) => ucs2Octets(character));
  return splitGroups(groups, ucs2Single, ucs2Part).map((octets) => ({ encoding: 'ucs2', octets }));
}

export function ucs2Octets(text: string): number[] {
  const octets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    octets.push(unit >> 8, unit & 0xff);
  }
  return octets;
}

function fitsGsm7(text: string): boolean {
  try {
    encodeGsm7(text);
    return true;
  } catch {
    return false;
  }
}

function splitGroups(groups: number[][], single: number, part: number): number[][] {
  const total = groups.reduce((sum, group) => sum + group.length, 0);
  if (total <= single) return [groups.flat()];
  const parts: number[][] = [];
  let current: number[] = [];
  for (const group of groups) {
    if (current.length + group.length > part) {
      parts.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}
