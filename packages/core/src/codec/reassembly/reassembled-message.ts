import type { AddressType, DataEncoding, DecodedPdu } from '../types';

/** The caller's handle on a stored part (modem storage index, gateway message id …). */
export type SourceId = string | number;

/** A whole message, joined from its parts in sequence order. */
export interface ReassembledMessage {
  key: string;
  originator: string;
  addressType: AddressType;
  /** Joined text; null when a part carried 8-bit data. */
  text: string | null;
  /** Joined hex of 8-bit parts; null for text. */
  data: string | null;
  encoding: DataEncoding;
  /** SCTS of the first part. */
  timestamp: string | null;
  /** Concatenation facts; null for a single-part message. */
  concat: { reference: number; total: number; referenceBits: 8 | 16 } | null;
  /** The parts in sequence order. */
  parts: DecodedPdu[];
  /** Source ids of the parts in sequence order: delete these once the message is handed on. */
  sourceIds: SourceId[];
  /** Source ids of parts that arrived twice; stored copies to delete too. */
  duplicateSourceIds: SourceId[];
}

/** What a timeout leaves of a message: the parts that came, and the ones that did not. */
export interface IncompleteMessage extends Omit<ReassembledMessage, 'concat'> {
  concat: { reference: number; total: number; referenceBits: 8 | 16 };
  /** Sequence numbers received, ascending. */
  received: number[];
  /** Sequence numbers never received, ascending. */
  missing: number[];
  /** Clock time the first part arrived. */
  firstPartAt: number;
}

/** Text of the parts there are, in order; 8-bit parts make it null. */
export function joinedText(parts: readonly DecodedPdu[]): string | null {
  let text = '';
  for (const part of parts) {
    if (part.text === null) return null;
    text += part.text;
  }
  return text;
}

/** Hex of the 8-bit parts there are, in order; null when none carried data. */
export function joinedData(parts: readonly DecodedPdu[]): string | null {
  if (!parts.some((part) => part.data !== null)) return null;
  return parts.map((part) => part.data ?? '').join('');
}
