import { decodeGsm7, unpadPackedSeptets } from '../../codec/gsm7';
import { unpackSeptets } from '../../codec/septet-packing';

/** `+CUSD: <m>[,<str>[,<dcs>]]` (3GPP TS 27.007 §7.15), with `<str>` decoded. */
export interface CusdReply {
  /** 0 done, 1 the network waits for an answer, 2 ended by the network, 3 answered by another client, 4 not supported, 5 network timeout. */
  status: number;
  text: string | undefined;
  dcs: number | undefined;
  /** `<str>` exactly as the modem sent it. */
  rawText: string | undefined;
}

/** How `<str>` arrives: decoded text, or (Huawei and others) hex of packed GSM septets / UCS-2. */
export type UssdTextForm = 'auto' | 'text' | 'packed-hex';

export function parseUssdReply(line: string, form: UssdTextForm = 'auto', characterSet = 'GSM'): CusdReply | undefined {
  const match = /^\+CUSD:\s*(\d+)\s*(?:,\s*"((?:[^"]|"(?!\s*(?:,|$)))*)"\s*(?:,\s*(\d+))?)?/i.exec(line);
  if (!match) return undefined;
  const rawText = match[2];
  const dcs = match[3] === undefined ? undefined : Number(match[3]);
  return { status: Number(match[1]), rawText, dcs, text: rawText === undefined ? undefined : decodeUssdText(rawText, dcs ?? 15, form, characterSet) };
}

/** The alphabet of a CBS data coding scheme (TS 23.038 §5), which USSD uses. */
export function ussdAlphabet(dcs: number): 'gsm7' | '8bit' | 'ucs2' {
  const group = dcs >> 4;
  if (dcs === 0x11) return 'ucs2';
  if (group <= 3) return 'gsm7';
  if ((group >= 4 && group <= 7) || group === 9) return (['gsm7', '8bit', 'ucs2', 'gsm7'] as const)[(dcs >> 2) & 3];
  if (group === 0xf) return dcs & 0x04 ? '8bit' : 'gsm7';
  return 'gsm7';
}

function decodeUssdText(raw: string, dcs: number, form: UssdTextForm, characterSet: string): string {
  const isHex = raw.length > 0 && raw.length % 2 === 0 && /^[0-9A-Fa-f]+$/.test(raw);
  const alphabet = ussdAlphabet(dcs);
  if (isHex && (alphabet === 'ucs2' || (characterSet === 'UCS2' && raw.length % 4 === 0))) {
    return Buffer.from(raw, 'hex').swap16().toString('utf16le');
  }
  if (alphabet === 'gsm7' && isHex && form !== 'text') {
    const unpacked = unpackedGsmText(raw);
    if (form === 'packed-hex' || (unpacked !== undefined && looksPacked(raw, unpacked))) return unpacked ?? raw;
  }
  return raw;
}

function unpackedGsmText(hex: string): string | undefined {
  const octets = Uint8Array.from(Buffer.from(hex, 'hex'));
  const septets = unpadPackedSeptets(unpackSeptets(octets, Math.floor((octets.length * 8) / 7)));
  try {
    return decodeGsm7(septets);
  } catch {
    return undefined;
  }
}

/**
 * In `auto`, hex is taken as packed septets when it cannot be plain text the modem decoded
 * itself: it has hex letters or is long, and unpacks to ordinary printable text.
 */
function looksPacked(raw: string, unpacked: string): boolean {
  if (/^\d+$/.test(raw) && raw.length < 16) return false;
  return /^[\p{L}\p{N}\p{P}\p{Zs}\n\r$£€+<>=|~^]*$/u.test(unpacked) && unpacked.trim().length > 0;
}
