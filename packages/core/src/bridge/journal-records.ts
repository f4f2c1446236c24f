import type { DeliveryStatus } from '../model/delivery-status';
import type { InboundMessage } from '../model/inbound-message';

/**
 * One line of the bridge journal. The file is replayed in order on open: later lines change what
 * earlier ones said (an `ack` ends an inbound event, a `pushed` ends one target of an event).
 */
export type JournalRecord =
  /** First line of every (compacted) file: the journal's identity and where numbering resumes. */
  | { t: 'head'; epoch: string; nextSeq: number; v: 1 }
  /** An event (inbound SMS or delivery report) waiting for its consumers; `targets` are the push targets still owed it. */
  | { t: 'event'; seq: number; kind: 'inbound' | 'status'; at: string; inbound?: InboundMessage; status?: DeliveryStatus; fp?: string; targets: string[]; delivered?: number }
  /** Inbound events a consumer acknowledged through the inbox. */
  | { t: 'ack'; seqs: number[] }
  /** A push target answered 2xx for this event. */
  | { t: 'pushed'; seq: number; target: string }
  /** The latest known status of a sent message, for status queries by id. */
  | { t: 'status'; status: DeliveryStatus }
  /** Fingerprints of inbound messages already journaled and since ended, so a SIM that offers one again is not journaled twice. */
  | { t: 'seen'; fps: string[] };
