import { decodeGsm7, encodeGsm7, hexToOctets, octetsToHex } from '../../codec';

/**
 * Strings in quotes travel in the TE character set chosen with `AT+CSCS` (TS 27.007 §5.5):
 * UCS2 = UTF-16 code units as hex, HEX = the modem's own (GSM 7-bit) codes as hex, the others as is.
 */
export function encodeTeString(text: string, characterSet: string): string {
  if (characterSet === 'UCS2') {
    let hex = '';
    for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
    return hex;
  }
  if (characterSet === 'HEX') return octetsToHex(gsmCodes(text));
  return text;
}

/** The text of a quoted parameter the host sent in the TE character set; null when it is not valid in that set. */
export function decodeTeString(text: string, characterSet: string): string | null {
  if (characterSet !== 'UCS2' && characterSet !== 'HEX') return text;
  if (!/^([0-9A-Fa-f]{2})*$/.test(text) || (characterSet === 'UCS2' && text.length % 4 !== 0)) return null;
  const octets = hexToOctets(text);
  if (characterSet === 'HEX') return decodeGsm7(octets);
  let decoded = '';
  for (let i = 0; i < octets.length; i += 2) decoded += String.fromCharCode((octets[i]! << 8) | octets[i + 1]!);
  return decoded;
}

function gsmCodes(text: string): number[] {
  try {
    return encodeGsm7(text);
  } catch {
    // Outside the GSM alphabet a modem has no code either; show the character's low byte.
    return Array.from(text, (char) => char.charCodeAt(0) & 0xff);
  }
}
