/**
 * The codec's public contract. Every transport (modem PDUs, vendor HTTP APIs, host nodes) codes
 * against these types only.
 */

/** How the text of a message is carried. */
export type TextEncoding = 'gsm7' | 'ucs2';
/** What the caller asks for: `auto` = GSM-7 when every character fits, else UCS-2; forced `gsm7` transliterates. */
export type EncodingChoice = 'auto' | 'gsm7' | 'ucs2';
/** What a decoded message carried. */
export type DataEncoding = TextEncoding | '8bit';

/** National language tables of 3GPP TS 23.038 §6.2.1/§6.2.2, used only when the caller allows them. */
export type NationalLanguage =
  | 'turkish'
  | 'spanish'
  | 'portuguese'
  | 'bengali'
  | 'gujarati'
  | 'hindi'
  | 'kannada'
  | 'malayalam'
  | 'oriya'
  | 'punjabi'
  | 'tamil'
  | 'telugu'
  | 'urdu';

export interface SegmentOptions {
  /** Default `auto`. */
  encoding?: EncodingChoice;
  /** National tables the caller allows (single shift / locking shift); none by default. */
  nationalLanguages?: NationalLanguage[];
  /** Concatenation reference size; default 8 (IEI 00), 16 uses IEI 08. */
  referenceBits?: 8 | 16;
}

/** The national tables a GSM-7 message uses (announced in the UDH with IEIs 24/25). */
export interface NationalShift {
  lockingShift?: NationalLanguage;
  singleShift?: NationalLanguage;
}

/** How a text will be sent: encoding and the text of each part, as it will go out. */
export interface SegmentPlan {
  encoding: TextEncoding;
  /** Text of each part (after transliteration when GSM-7 was forced). */
  segments: string[];
  count: number;
  /** National tables chosen, when GSM-7 needed one. */
  national?: NationalShift;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) used by each part. */
  units: number[];
}

/** Type of number / numbering plan of an address. */
export type AddressType = 'international' | 'national' | 'alphanumeric' | 'unknown';

export interface ValidityPeriod {
  /** Relative minutes (TP-VPF relative, rounded up to the next representable step), absolute Date, or enhanced seconds. */
  relativeMinutes?: number;
  absolute?: Date;
  enhancedSeconds?: number;
}

export interface SubmitOptions {
  to: string;
  text?: string;
  /** 8-bit data instead of text. */
  data?: Uint8Array;
  encoding?: EncodingChoice;
  nationalLanguages?: NationalLanguage[];
  /** SMSC number to put in front of the TPDU; omitted = `00` (use the SIM's). */
  smsc?: string;
  /** Class 0. */
  flash?: boolean;
  /** Message class 0–3 (flash = class 0). */
  messageClass?: 0 | 1 | 2 | 3;
  validity?: ValidityPeriod | number;
  statusReport?: boolean;
  /** TP-MR of the first part; following parts count up modulo 256. Default 0 (the modem assigns). */
  messageReference?: number;
  /** TP-PID, default 0. */
  protocolId?: number;
  /** Concatenation reference; default random-free deterministic value supplied by caller or 0. */
  concatReference?: number;
  referenceBits?: 8 | 16;
  rejectDuplicates?: boolean;
  replyPath?: boolean;
}

/** One part of an encoded SMS-SUBMIT. `length` is what `AT+CMGS=<length>` needs (TPDU octets without the SMSC part). */
export interface EncodedPdu {
  pdu: string;
  length: number;
}

export interface ConcatInfo {
  reference: number;
  total: number;
  sequence: number;
  /** 8 (IEI 00) or 16 (IEI 08). */
  referenceBits: 8 | 16;
}

export interface UserDataHeaderElement {
  iei: number;
  data: Uint8Array;
}

/** Decoded TPDU, the JSON shape of `smsbridge pdu decode`. */
export interface DecodedPdu {
  type: 'deliver' | 'submit' | 'status-report';
  smsc: string | null;
  /** Originator (deliver), destination (submit) or recipient (status report); leading `+` when international. */
  address: string;
  addressType: AddressType;
  /** TP-SCTS (deliver, status report) as ISO 8601 with offset, else null. */
  timestamp: string | null;
  /** TP-DT of a status report. */
  dischargeTime: string | null;
  text: string | null;
  /** Hex of the user data payload when 8-bit. */
  data: string | null;
  encoding: DataEncoding;
  class: 0 | 1 | 2 | 3 | null;
  /** The concatenation element the part carries (IEI 00: 8-bit reference, 08: 16-bit). */
  concat: ConcatInfo | null;
  messageReference: number | null;
  status: number | null;
  protocolId: number | null;
  dataCodingScheme: number | null;
  statusReportRequested: boolean | null;
  moreMessagesToSend: boolean | null;
  replyPath: boolean | null;
  validityPeriod: { format: 'relative' | 'absolute' | 'enhanced'; minutes?: number; absolute?: string; seconds?: number } | null;
  national: NationalShift | null;
  udh: { iei: number; data: string }[];
  /** Octets of the TPDU (without the SMSC part). */
  tpduLength: number;
}
