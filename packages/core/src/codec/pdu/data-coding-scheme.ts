import type { DataEncoding } from '../types';

/** Message waiting indication of DCS groups 1100–1110 (TS 23.038 §4). */
export interface MessageWaiting {
  active: boolean;
  kind: 'voicemail' | 'fax' | 'email' | 'other';
  /** Group 1100 asks to discard the message after updating the indicator. */
  store: boolean;
}

/** TP-DCS (TS 23.038 §4) as a receiver reads it. */
export interface DataCodingScheme {
  /** How the user data is coded; compressed user data is handed out as 8-bit data. */
  alphabet: DataEncoding;
  messageClass: 0 | 1 | 2 | 3 | null;
  compressed: boolean;
  /** Coding group 01xx: delete the message after reading. */
  autoDelete: boolean;
  waiting: MessageWaiting | null;
}

const ALPHABET_BY_BITS: readonly DataEncoding[] = ['gsm7', '8bit', 'ucs2', 'gsm7'];
const WAITING_KINDS: readonly MessageWaiting['kind'][] = ['voicemail', 'fax', 'email', 'other'];

/** Every DCS value read once; entries are frozen, so handing them out shares no mutable state. */
const SCHEME_BY_VALUE: readonly Readonly<DataCodingScheme>[] = Array.from({ length: 256 }, (_, dcs) => {
  const scheme = readScheme(dcs);
  if (scheme.waiting !== null) Object.freeze(scheme.waiting);
  return Object.freeze(scheme);
});

/** TP-DCS as a receiver reads it. */
export function parseDataCodingScheme(dcs: number): Readonly<DataCodingScheme> {
  return SCHEME_BY_VALUE[dcs & 0xff]!;
}

/** Reserved codings are read as the GSM 7-bit default alphabet, as §4 tells a receiver to. */
function readScheme(dcs: number): DataCodingScheme {
  const group = dcs >> 4;
  if (group <= 0x07) {
    // General data coding (00xx) and automatic deletion (01xx) share the lower bits.
    const compressed = (dcs & 0x20) !== 0;
    return {
      alphabet: compressed ? '8bit' : ALPHABET_BY_BITS[(dcs >> 2) & 0x03]!,
      messageClass: (dcs & 0x10) !== 0 ? ((dcs & 0x03) as 0 | 1 | 2 | 3) : null,
      compressed,
      autoDelete: group >= 0x04,
      waiting: null,
    };
  }
  if (group >= 0x0c && group <= 0x0e) {
    return {
      alphabet: group === 0x0e ? 'ucs2' : 'gsm7',
      messageClass: null,
      compressed: false,
      autoDelete: false,
      waiting: { active: (dcs & 0x08) !== 0, kind: WAITING_KINDS[dcs & 0x03]!, store: group !== 0x0c },
    };
  }
  if (group === 0x0f) {
    return {
      alphabet: (dcs & 0x04) !== 0 ? '8bit' : 'gsm7',
      messageClass: (dcs & 0x03) as 0 | 1 | 2 | 3,
      compressed: false,
      autoDelete: false,
      waiting: null,
    };
  }
  // Groups 1000–1011 are reserved.
  return { alphabet: 'gsm7', messageClass: null, compressed: false, autoDelete: false, waiting: null };
}

/** DCS of the general data coding group: the alphabet bits, plus a class when one is asked for. */
export function buildDataCodingScheme(alphabet: DataEncoding, messageClass?: 0 | 1 | 2 | 3): number {
  const alphabetBits = alphabet === 'gsm7' ? 0x00 : alphabet === '8bit' ? 0x04 : 0x08;
  return messageClass === undefined ? alphabetBits : 0x10 | alphabetBits | messageClass;
}
