import { GatewayAuthError, SendJournalError } from '../../errors/gateway-errors';
import { SmsBridgeError } from '../../errors/smsbridge-error';
import type { SendResult } from '../../model/send-result';
import { failedSendFields, sendOutcomeOf } from '../shared/failed-send-result';
import { SEND_INTERRUPTED, SEND_IN_PROGRESS, type JournalRecipient, type SendJournal, type SendJournalEntry } from './send-journal';

/** What every result of one send shares (computed once from the text plan). */
export type SendResultBase = Pick<SendResult, 'parts' | 'encoding' | 'gateway'>;

export interface SettleSendOptions<B> {
  /** The requests the send is made of, each with the recipients it carries, in the request's order (a journal names each recipient by its position). */
  batches: readonly B[];
  recipientsOf(batch: B): readonly string[];
  /** Sends one batch; resolves with a result per recipient, or throws a typed error for the whole batch. */
  send(batch: B): Promise<SendResult[]>;
  base: SendResultBase;
  /** Notes each recipient before its request leaves and the answer after; recipients an earlier run journaled are not sent again. */
  journal?: SendJournal | undefined;
  /**
   * The batch for some of its recipients only, given by their positions in it (ascending). Needed
   * with a journal where a batch carries several recipients: a repeated run may find some of them
   * already sent.
   */
  narrow?(batch: B, positions: readonly number[]): B;
}

/** One batch with its recipients (as the journal names them) and what an earlier run left for each. */
interface Step<B> {
  batch: B;
  recipients: JournalRecipient[];
  earlier: (SendJournalEntry | undefined)[];
}

/**
 * The one send-outcome rule, for every vendor and the modem. A send throws only when nothing
 * reached the gateway for any recipient: the first request failed with outcome `not-sent`
 * (refused connection, throttled, invalid input) or was `refused` as a whole (auth, a vendor code
 * about the request). Once anything may have gone out, every recipient gets a result: a failed
 * batch's recipients become `unknown` (`maybe-sent`, never repeated) or `failed` (`refused`), and
 * after a `not-sent` or auth failure the remaining batches are not tried ("Not sent: …"), so a
 * caller never loses the ids of what did go out.
 *
 * With a journal, a recipient an earlier run of the same send settled gets that run's result
 * again (`replayed`), one it was sending when it stopped gets `unknown` (`SMSB_SEND_INTERRUPTED`),
 * and neither is sent again; what is sent now is claimed before its request leaves.
 */
export async function settleSend<B>(options: SettleSendOptions<B>): Promise<SendResult[]> {
  const steps = await planSteps(options);
  const { journal, base } = options;
  const results: SendResult[] = [];
  // Answers are recorded while the next request goes out (one connection keeps them in order); all are written before returning.
  const recording: Promise<void>[] = [];
  // Results handed back from an earlier run count as reached: throwing now would hide them.
  let reached = steps.some((step) => step.earlier.some((entry) => entry !== undefined));
  let stoppedBy: SmsBridgeError | undefined;
  for (const step of steps) {
    const to = (index: number): string => step.recipients[index]!.to;
    const slots: (SendResult | undefined)[] = step.earlier.map((entry, index) => entry && replayed(entry, to(index), base));
    let fresh = indexesWhere(slots, (slot) => slot === undefined);
    const taken = journal && fresh.length > 0 && !stoppedBy ? await claim(journal, fresh.map((index) => step.recipients[index]!)) : undefined;
    if (taken instanceof SendJournalError) {
      if (!reached) throw taken;
      stoppedBy = taken;
    }
    if (stoppedBy) {
      for (const index of fresh) slots[index] = { ...base, to: to(index), accepted: false, state: 'failed', errorCode: stoppedBy.code, errorMessage: `Not sent: ${stoppedBy.message}` };
      results.push(...(slots as SendResult[]));
      continue;
    }
    if (Array.isArray(taken)) {
      // Recipients another send claimed between the read and now: that send sends them.
      fresh.forEach((index, position) => {
        if (!taken[position]) slots[index] = sentElsewhere(to(index), base);
      });
      fresh = fresh.filter((_, position) => taken[position]);
    }
    if (fresh.length === 0) {
      results.push(...(slots as SendResult[]));
      continue;
    }
    const batch = fresh.length === step.recipients.length ? step.batch : narrowed(options, step, fresh);
    const claimed = fresh.map((index) => step.recipients[index]!);
    try {
      const sent = await options.send(batch);
      reached = true;
      results.push(...place(slots, fresh, sent));
      recording.push(record(journal, claimed, sent, base));
    } catch (error) {
      // Anything else is a bug, not a gateway's answer: the claims stay, so a repeated run says `unknown`.
      if (!(error instanceof SmsBridgeError)) throw error;
      const outcome = sendOutcomeOf(error);
      if (!reached && outcome !== 'maybe-sent') {
        await Promise.all([...recording, journal?.release(claimed).catch(() => undefined)]);
        throw error;
      }
      const failed = fresh.map((index) => ({ ...base, to: to(index), ...failedSendFields(error), raw: { error: error.toJSON() } }));
      results.push(...place(slots, fresh, failed));
      recording.push(record(journal, claimed, failed, base));
      if (outcome === 'not-sent' || error instanceof GatewayAuthError) stoppedBy = error;
      else reached = true;
    }
  }
  await Promise.all(recording);
  return results;
}

/** The batches with their recipients' positions in the request, read from the journal. */
async function planSteps<B>(options: SettleSendOptions<B>): Promise<Step<B>[]> {
  let position = 0;
  const steps: Step<B>[] = options.batches.map((batch) => {
    const recipients = options.recipientsOf(batch).map((to) => ({ position: position++, to }));
    return { batch, recipients, earlier: recipients.map(() => undefined) };
  });
  if (!options.journal) return steps;
  const entries = await options.journal.read(steps.flatMap((step) => step.recipients));
  let next = 0;
  for (const step of steps) step.earlier = step.recipients.map(() => entries[next++]);
  return steps;
}

/** The journal's claim, its failure as a value: what was sent before it must still be reported. */
async function claim(journal: SendJournal, keys: JournalRecipient[]): Promise<boolean[] | SendJournalError> {
  try {
    return await journal.claim(keys);
  } catch (error) {
    return error instanceof SendJournalError ? error : new SendJournalError(`The send journal could not be written: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Records what the gateway answered: a `failed` recipient certainly did not go out and is released
 * for a later run; anything else is kept. A journal that cannot be written now still says
 * "sending" for these keys, so a repeated run reports them `unknown` rather than sending again.
 */
async function record(journal: SendJournal | undefined, recipients: JournalRecipient[], results: readonly SendResult[], base: SendResultBase): Promise<void> {
  if (!journal) return;
  const byRecipient = matchResults(recipients.map(({ to }) => to), results);
  const settled: { recipient: JournalRecipient; result: SendResult }[] = [];
  const released: JournalRecipient[] = [];
  recipients.forEach((recipient, index) => {
    const result = byRecipient[index] ?? { ...base, to: recipient.to, accepted: false, state: 'unknown', errorMessage: 'The gateway answered this send without naming this recipient.' };
    if (result.state === 'failed') released.push(recipient);
    else settled.push({ recipient, result });
  });
  await Promise.all([journal.settle(settled), journal.release(released)]).catch(() => undefined);
}

/** The result of each recipient: by position when the counts agree, else by number. */
function matchResults(recipients: readonly string[], results: readonly SendResult[]): (SendResult | undefined)[] {
  if (results.length === recipients.length) return [...results];
  const unused = [...results];
  return recipients.map((recipient) => {
    const digits = recipient.replace(/\D/g, '');
    const index = unused.findIndex((result) => result.to === recipient || (digits !== '' && result.to.replace(/\D/g, '') === digits));
    return index < 0 ? undefined : unused.splice(index, 1)[0];
  });
}

/** The slots filled in order: the new results take the fresh places (all of them at the first, should the count differ). */
function place(slots: (SendResult | undefined)[], fresh: number[], results: readonly SendResult[]): SendResult[] {
  if (results.length === fresh.length) {
    const filled = [...slots];
    fresh.forEach((index, position) => (filled[index] = results[position]));
    return filled as SendResult[];
  }
  const out: SendResult[] = [];
  slots.forEach((slot, index) => {
    if (index === fresh[0]) out.push(...results);
    if (slot) out.push(slot);
  });
  return out;
}

/** What the caller gets for a recipient an earlier run journaled. */
function replayed(entry: SendJournalEntry, to: string, base: SendResultBase): SendResult {
  if (entry.state === 'settled') return { ...entry.result, replayed: true };
  return {
    ...base,
    to,
    accepted: false,
    state: 'unknown',
    errorCode: SEND_INTERRUPTED,
    errorMessage:
      'An earlier run of this send was sending this SMS when it stopped, so it may have gone out: it is not sent again. ' +
      "Check the gateway's log or ask the recipient before sending it by hand.",
    replayed: true,
  };
}

/** What the caller gets for a recipient another send of the same name claimed first. */
function sentElsewhere(to: string, base: SendResultBase): SendResult {
  return {
    ...base,
    to,
    accepted: false,
    state: 'unknown',
    errorCode: SEND_IN_PROGRESS,
    errorMessage: 'Another send of the same name (the same idempotency key, or the same run) is sending this SMS right now: it is not sent twice. Its result is in that send\'s output.',
    replayed: true,
  };
}

function narrowed<B>(options: SettleSendOptions<B>, step: Step<B>, fresh: number[]): B {
  if (!options.narrow) throw new Error('settleSend: a batch with several recipients needs narrow() when a journal is given');
  return options.narrow(step.batch, fresh);
}

function indexesWhere<T>(list: readonly T[], test: (value: T) => boolean): number[] {
  const indexes: number[] = [];
  list.forEach((value, index) => test(value) && indexes.push(index));
  return indexes;
}
