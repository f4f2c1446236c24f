import type { SendResult } from '../../model/send-result';

/** What an earlier run of the same send left for one recipient. */
export type SendJournalEntry =
  /** Its request was leaving when that run stopped: the SMS may have gone out. */
  | { state: 'sending' }
  /** The gateway answered; this is the result that run got. */
  | { state: 'settled'; result: SendResult };

/**
 * Where a send notes, recipient by recipient, that its request is about to leave and what the
 * gateway answered, so that the same send run again after a crash (n8n's retry of an execution
 * whose worker died) sends only what never left. Keys name one recipient of one send (the host
 * decides what "the same send" is); `settleSend` is the only writer.
 */
export interface SendJournal {
  /** Entries of earlier runs, in the order of `keys` (undefined: never tried, or known not sent). */
  read(keys: readonly string[]): Promise<(SendJournalEntry | undefined)[]>;
  /** Marks each key as sending unless it has an entry; true for each key this call took. */
  claim(keys: readonly string[]): Promise<boolean[]>;
  /** Records the gateway's answer for keys this run claimed. */
  settle(outcomes: readonly { key: string; result: SendResult }[]): Promise<void>;
  /** Forgets keys this run claimed whose SMS certainly did not go out, so a later run may send them. */
  release(keys: readonly string[]): Promise<void>;
}

/** The error code of a recipient an earlier run was sending when it stopped. */
export const SEND_INTERRUPTED = 'SMSB_SEND_INTERRUPTED';

/** How a host asks a client for a send beyond the request itself. */
export interface SendOptions {
  /** Journals the send so a repeated run sends only what never left (see {@link SendJournal}). */
  journal?: SendJournal;
}
