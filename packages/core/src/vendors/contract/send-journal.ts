import type { SendResult } from '../../model/send-result';

/** What an earlier run of the same send left for one recipient. */
export type SendJournalEntry =
  /** Its request was leaving when that run stopped: the SMS may have gone out. */
  | { state: 'sending' }
  /** The gateway answered; this is the result that run got. */
  | { state: 'settled'; result: SendResult };

/** One recipient of a send: its place in the request's `to` and the number the client sends to. */
export interface JournalRecipient {
  position: number;
  to: string;
}

/**
 * Where a send notes, recipient by recipient, that its request is about to leave and what the
 * gateway answered, so that the same send run again (a retry of an execution whose worker died,
 * a webhook called again with the same idempotency key) sends only what never left. The journal
 * names each recipient (the host decides what "the same send" is); `settleSend` is its only writer.
 */
export interface SendJournal {
  /** Entries of earlier runs, in order (undefined: never tried, or known not sent). */
  read(recipients: readonly JournalRecipient[]): Promise<(SendJournalEntry | undefined)[]>;
  /** Marks each recipient as sending unless it has an entry; true for each this call took. */
  claim(recipients: readonly JournalRecipient[]): Promise<boolean[]>;
  /** Records the gateway's answer for recipients this run claimed. */
  settle(outcomes: readonly { recipient: JournalRecipient; result: SendResult }[]): Promise<void>;
  /** Forgets recipients this run claimed whose SMS certainly did not go out, so a later run may send them. */
  release(recipients: readonly JournalRecipient[]): Promise<void>;
}

/** The error code of a recipient an earlier run was sending when it stopped. */
export const SEND_INTERRUPTED = 'SMSB_SEND_INTERRUPTED';
/** The error code of a recipient another send of the same name claimed at the same time. */
export const SEND_IN_PROGRESS = 'SMSB_SEND_IN_PROGRESS';

/** How a host asks a client for a send beyond the request itself. */
export interface SendOptions {
  /** Journals the send so a repeated run sends only what never left (see {@link SendJournal}). */
  journal?: SendJournal;
}
