import type { Clock } from '../../clock/clock';
import { decodePdu } from '../../codec/pdu/decode-pdu';
import { encodeSubmit } from '../../codec/pdu/encode-submit';
import type { EncodedPdu } from '../../codec/types';
import { SmsBridgeError } from '../../errors/smsbridge-error';
import type { SendRequest } from '../../model/send-request';
import type { SendResult } from '../../model/send-result';
import type { AtEngine } from '../at/at-engine';
import { delay } from '../delay';
import { ModemCommandError, ModemError, ModemUnavailableError } from '../modem-errors';
import type { MessageReferenceRegistry } from './message-reference-registry';

export interface SmsSendQueueOptions {
  clock: Clock;
  references: MessageReferenceRegistry;
  /** Least time between two parts leaving the modem (default 0); `messagesPerMinute` sets it too. */
  minGapMs?: number;
  messagesPerMinute?: number;
  /** AT+CMGS timeout (default 60 s). */
  sendTimeoutMs?: number;
}

/** `sent`: +CMGS gave a reference; `unknown`: the PDU was written but never confirmed; `failed`: refused or never written. */
interface PartOutcome {
  state: 'pending' | 'sent' | 'unknown' | 'failed';
  reference?: number;
  error?: SmsBridgeError;
}

interface SendJob {
  to: string;
  messageId: string;
  pdus: EncodedPdu[];
  encoding: SendResult['encoding'];
  outcomes: PartOutcome[];
  done: (result: SendResult) => void;
}

/**
 * Sends PDUs through AT+CMGS, one part at a time at a bounded rate. The queue outlives the port:
 * while the modem is away parts wait, and resume once `attach` hands over a new engine. A part
 * whose PDU was written but not confirmed when the port died is reported `unknown` and never
 * written again — a duplicate SMS cannot be taken back, an unknown one can be checked.
 */
export class SmsSendQueue {
  private readonly jobs: SendJob[] = [];
  private engine: AtEngine | undefined;
  private pumping = false;
  private lastPartAt = -Infinity;
  private nextMessage = 0;
  private concatReference: number;
  private readonly minGapMs: number;

  constructor(private readonly options: SmsSendQueueOptions) {
    this.minGapMs = Math.max(options.minGapMs ?? 0, options.messagesPerMinute ? 60_000 / options.messagesPerMinute : 0);
    // Start where a restarted process is unlikely to reuse the previous run's references.
    this.concatReference = Math.floor(options.clock.now() / 1000) % 256;
  }

  /** Parts waiting to go out. */
  get pendingParts(): number {
    return this.jobs.reduce((sum, job) => sum + job.outcomes.filter((o) => o.state === 'pending').length, 0);
  }

  attach(engine: AtEngine): void {
    this.engine = engine;
    void this.pump();
  }

  detach(): void {
    this.engine = undefined;
  }

  /** One result per recipient, in the request's order, once each recipient's parts are all settled. */
  send(request: SendRequest): Promise<SendResult[]> {
    return Promise.all(request.to.map((to) => this.enqueue(to, request)));
  }

  /** Settles every waiting part as failed (the modem is being closed). */
  abandon(reason: string): void {
    for (const job of this.jobs.splice(0)) {
      for (const outcome of job.outcomes) {
        if (outcome.state === 'pending') Object.assign(outcome, { state: 'failed', error: new ModemUnavailableError(reason) });
      }
      job.done(resultOf(job));
    }
  }

  private enqueue(to: string, request: SendRequest): Promise<SendResult> {
    const messageId = `${Math.floor(this.options.clock.now()).toString(36)}-${++this.nextMessage}`;
    let pdus: EncodedPdu[];
    try {
      pdus = encodeSubmit({
        to,
        text: request.text,
        encoding: request.encoding ?? 'auto',
        flash: request.flash === true,
        statusReport: request.statusReport === true,
        ...(request.validityMinutes !== undefined ? { validity: { relativeMinutes: request.validityMinutes } } : {}),
        concatReference: this.concatReference,
      });
    } catch (error) {
      const failure: SendResult = { to, accepted: false, parts: 0, encoding: 'gsm7', state: 'failed', gateway: 'modem', errorMessage: (error as Error).message };
      if (error instanceof SmsBridgeError) failure.errorCode = error.code;
      return Promise.resolve(failure);
    }
    if (pdus.length > 1) this.concatReference = (this.concatReference + 1) % 256;
    const encoding = decodePdu(pdus[0]!.pdu).encoding;
    return new Promise<SendResult>((done) => {
      this.jobs.push({ to, messageId, pdus, encoding, outcomes: pdus.map(() => ({ state: 'pending' })), done });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let engine = this.engine; engine && this.jobs.length > 0; engine = this.engine) {
        const job = this.jobs[0]!;
        const partIndex = job.outcomes.findIndex((o) => o.state === 'pending');
        if (partIndex < 0) {
          this.jobs.shift();
          job.done(resultOf(job));
          continue;
        }
        const wait = this.lastPartAt + this.minGapMs - this.options.clock.now();
        if (wait > 0) await delay(this.options.clock, wait);
        if (this.engine !== engine || this.jobs[0] !== job) continue;
        // A lost port clears this.engine; the loop then ends, or goes on with a newly attached one.
        await this.sendPart(engine, job, partIndex);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async sendPart(engine: AtEngine, job: SendJob, partIndex: number): Promise<void> {
    const { pdu, length } = job.pdus[partIndex]!;
    const outcome = job.outcomes[partIndex]!;
    try {
      const response = await engine.run(`AT+CMGS=${length}`, { payload: pdu, timeoutMs: this.options.sendTimeoutMs ?? 60_000 });
      this.lastPartAt = this.options.clock.now();
      const reference = response.lines.map((l) => /^\+CMGS:\s*(\d+)/i.exec(l)).find((m) => m)?.[1];
      outcome.state = 'sent';
      if (reference !== undefined) {
        outcome.reference = Number(reference);
        this.options.references.remember(outcome.reference, { messageId: job.messageId, to: job.to, part: partIndex + 1, parts: job.pdus.length, sentAt: this.lastPartAt });
      }
    } catch (error) {
      this.lastPartAt = this.options.clock.now();
      const payloadWritten = error instanceof ModemError && error.details['payloadWritten'] === true;
      if (error instanceof ModemUnavailableError && !payloadWritten) {
        if (this.engine === engine) this.engine = undefined;
        return;
      }
      if (payloadWritten) {
        Object.assign(outcome, { state: 'unknown', error });
        if (error instanceof ModemUnavailableError && this.engine === engine) this.engine = undefined;
        return;
      }
      // Refused (or no prompt in time): the rest of this message would arrive broken, so it is not sent either.
      for (const other of job.outcomes) {
        if (other.state === 'pending') Object.assign(other, { state: 'failed', error: other === outcome ? error : undefined });
      }
    }
  }
}

function resultOf(job: SendJob): SendResult {
  const sent = job.outcomes.filter((o) => o.state === 'sent');
  const failed = job.outcomes.find((o) => o.state === 'failed' && o.error) ?? job.outcomes.find((o) => o.state === 'failed');
  const unknown = job.outcomes.find((o) => o.state === 'unknown');
  const result: SendResult = {
    to: job.to,
    accepted: sent.length === job.outcomes.length,
    messageId: job.messageId,
    partIds: job.outcomes.map((o) => (o.reference === undefined ? '' : String(o.reference))),
    parts: job.pdus.length,
    encoding: job.encoding,
    state: failed ? 'failed' : unknown ? 'unknown' : 'sent',
    gateway: 'modem',
    raw: { parts: job.outcomes.map((o) => ({ state: o.state, reference: o.reference, error: o.error?.code })) },
  };
  const problem = (failed ?? unknown)?.error;
  if (problem) {
    result.errorCode = problem instanceof ModemCommandError && problem.errorCode !== undefined ? problem.errorCode : problem.code;
    result.errorMessage = problem.message;
  } else if (failed) {
    result.errorCode = 'SMSB_MODEM_COMMAND';
    result.errorMessage = 'not sent: an earlier part of the message failed';
  }
  if (!failed && unknown) {
    result.errorCode = 'SMSB_MODEM_SEND_UNCERTAIN';
    result.errorMessage = 'the port went away after a part was written and before the modem confirmed it; not resent to avoid a duplicate';
  }
  return result;
}
