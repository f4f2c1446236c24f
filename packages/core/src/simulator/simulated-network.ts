import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { systemClock, type Clock } from '../clock/clock';
import { startClockTimer, type ClockTimer } from '../clock/clock-timer';

export type SimulatedMessageState = 'queued' | 'sent' | 'delivered' | 'failed' | 'expired' | 'cancelled';

/** One outbound message inside a simulator. */
export interface SimulatedMessage {
  id: string;
  to: string;
  from?: string;
  text: string;
  /** Gateway name, port or span that carries it; pausing a channel holds its messages. */
  channel?: string;
  parts: number;
  encoding?: string;
  state: SimulatedMessageState;
  errorCode?: string | number;
  errorText?: string;
  /** Clock milliseconds. */
  submittedAt: number;
  sentAt?: number;
  doneAt?: number;
  /** Messages older than this (ms since submit) expire instead of being sent. */
  validityMs?: number;
  /** Not sent before this clock time (scheduled messages). */
  notBefore?: number;
  history: { state: SimulatedMessageState; at: number }[];
  /** Vendor-specific fields the simulator wants back later (guid, user_id, dlr url …). */
  meta: Record<string, unknown>;
}

/** Decides, from the destination, that a message fails — so tests can provoke every outcome. */
export interface FailureRule {
  /** Destination (digits only, no +) ends with this. */
  suffix?: string;
  /** Or matches this. */
  pattern?: RegExp;
  /** `send`: the gateway could not send it; `delivery`: sent but never delivered. */
  at: 'send' | 'delivery';
  /** Final state (default failed). */
  state?: 'failed' | 'expired';
  errorCode?: string | number;
  errorText?: string;
}

/**
 * Default outcomes by destination: numbers ending in 666 fail to send, in 999 are sent but
 * undelivered, in 888 expire; every other number is delivered.
 */
export const DEFAULT_FAILURE_RULES: readonly FailureRule[] = [
  { suffix: '666', at: 'send', errorCode: 'send-failed', errorText: 'Send failed (simulated network error)' },
  { suffix: '999', at: 'delivery', errorCode: 'undelivered', errorText: 'Undelivered (simulated handset unreachable)' },
  { suffix: '888', at: 'delivery', state: 'expired', errorCode: 'expired', errorText: 'Expired (simulated validity elapsed)' },
];

/** A received message waiting in a simulator's inbox. */
export interface SimulatedInbound {
  id: string;
  from: string;
  to?: string;
  text: string;
  channel?: string;
  smsc?: string;
  /** Clock milliseconds. */
  receivedAt: number;
  /** When the SMSC stamped it (clock ms); defaults to a few seconds before receipt. */
  sentAt: number;
  read: boolean;
  meta: Record<string, unknown>;
}

export interface UssdAnswer {
  reply: string;
  awaitingInput?: boolean;
}

/** One USSD session step. */
export interface SimulatedUssd {
  id: string;
  code: string;
  channel?: string;
  state: 'pending' | 'replied' | 'failed';
  reply?: string;
  awaitingInput: boolean;
  requestedAt: number;
  repliedAt?: number;
}

export interface SimulatedNetworkOptions {
  clock?: Clock;
  /** Queued → sent (default 20 ms). */
  sendDelayMs?: number;
  /** Sent → delivered/failed (default 50 ms). */
  deliveryDelayMs?: number;
  /** USSD request → reply (default 30 ms). */
  ussdDelayMs?: number;
  failureRules?: readonly FailureRule[];
  /** Makes message/inbound ids (default random UUIDs). */
  newId?: () => string;
  /** Answers USSD codes; default: `*100#` gives a balance, anything else "unknown service". */
  ussdResponder?: (code: string, channel: string | undefined) => UssdAnswer | undefined;
  /**
   * Finished messages (delivered, failed, expired, cancelled) kept for status lookups; older ones
   * are forgotten so a long-running simulator stays flat (default 50,000).
   */
  maxFinishedMessages?: number;
}

const FINISHED_STATES: ReadonlySet<SimulatedMessageState> = new Set(['delivered', 'failed', 'expired', 'cancelled']);

export interface SimulatedSubmit {
  to: string;
  text: string;
  from?: string;
  channel?: string;
  parts?: number;
  encoding?: string;
  id?: string;
  validityMs?: number;
  notBefore?: number;
  meta?: Record<string, unknown>;
}

export interface InjectInboundOptions {
  from: string;
  text: string;
  to?: string;
  channel?: string;
  smsc?: string;
  id?: string;
  receivedAt?: number;
  sentAt?: number;
  meta?: Record<string, unknown>;
}

export interface SimulatedNetworkEvents {
  status: [message: SimulatedMessage, previous: SimulatedMessageState];
  inbound: [message: SimulatedInbound];
  ussd: [session: SimulatedUssd];
}

function defaultUssdResponder(code: string): UssdAnswer {
  if (code === '*100#') return { reply: 'Your balance is 10.00 EUR. Valid until 31-12-2030.' };
  if (code === '*123#') return { reply: '1. Balance\n2. Bundles\n3. Help', awaitingInput: true };
  return { reply: 'Unknown service code.' };
}

/**
 * The radio side of a simulator: messages move queued → sent → delivered/failed/expired after
 * configurable delays on the Clock, outcomes follow deterministic rules on the destination,
 * paused channels hold their messages queued, and tests inject received SMS and USSD replies.
 * Listen to `status`, `inbound` and `ussd` to push callbacks.
 */
export class SimulatedNetwork extends EventEmitter<SimulatedNetworkEvents> {
  readonly clock: Clock;
  readonly messages = new Map<string, SimulatedMessage>();
  readonly inbox: SimulatedInbound[] = [];
  readonly ussdSessions: SimulatedUssd[] = [];
  sendDelayMs: number;
  deliveryDelayMs: number;
  ussdDelayMs: number;
  failureRules: readonly FailureRule[];
  ussdResponder: (code: string, channel: string | undefined) => UssdAnswer | undefined;
  private readonly newId: () => string;
  private readonly paused = new Set<string>();
  private readonly timers = new Set<ClockTimer>();
  private readonly sendScheduled = new Set<string>();
  /** Messages in state `queued`, in submit order: the queue without a walk over the whole history. */
  private readonly waiting = new Set<SimulatedMessage>();
  /** Finished messages, oldest first from `finishedHead`; the ones past the limit leave `messages`. */
  private finished: SimulatedMessage[] = [];
  private finishedHead = 0;
  private readonly maxFinishedMessages: number;
  private closed = false;

  constructor(options: SimulatedNetworkOptions = {}) {
    super();
    this.clock = options.clock ?? systemClock;
    this.sendDelayMs = options.sendDelayMs ?? 20;
    this.deliveryDelayMs = options.deliveryDelayMs ?? 50;
    this.ussdDelayMs = options.ussdDelayMs ?? 30;
    this.failureRules = options.failureRules ?? DEFAULT_FAILURE_RULES;
    this.newId = options.newId ?? randomUUID;
    this.ussdResponder = options.ussdResponder ?? defaultUssdResponder;
    this.maxFinishedMessages = options.maxFinishedMessages ?? 50_000;
  }

  /** Queues a message; it moves on by itself unless its channel is paused. */
  submit(options: SimulatedSubmit): SimulatedMessage {
    const now = this.clock.now();
    const message: SimulatedMessage = {
      id: options.id ?? this.newId(),
      to: options.to,
      from: options.from,
      text: options.text,
      channel: options.channel,
      parts: options.parts ?? 1,
      encoding: options.encoding,
      state: 'queued',
      submittedAt: now,
      validityMs: options.validityMs,
      notBefore: options.notBefore,
      history: [{ state: 'queued', at: now }],
      meta: { ...options.meta },
    };
    const replaced = this.messages.get(message.id);
    if (replaced) this.waiting.delete(replaced);
    this.messages.set(message.id, message);
    this.waiting.add(message);
    this.scheduleSend(message);
    return message;
  }

  get(id: string): SimulatedMessage | undefined {
    return this.messages.get(id);
  }

  /** Takes a message out of the queue; false when it already left. */
  cancel(id: string): boolean {
    const message = this.messages.get(id);
    if (!message || message.state !== 'queued') return false;
    this.transition(message, 'cancelled');
    return true;
  }

  /** Holds messages of one channel (or, without argument, of every channel) in the queue. */
  pause(channel?: string): void {
    this.paused.add(channel ?? '*');
  }

  /** Releases held messages; they go out after the send delay. */
  resume(channel?: string): void {
    if (channel === undefined) this.paused.clear();
    else this.paused.delete(channel);
    for (const message of this.waiting) {
      if (!this.isPaused(message.channel)) this.scheduleSend(message);
    }
  }

  isPaused(channel?: string): boolean {
    return this.paused.has('*') || (channel !== undefined && this.paused.has(channel));
  }

  /** Messages waiting in the queue (of one channel, or all). */
  queued(channel?: string): SimulatedMessage[] {
    const queued: SimulatedMessage[] = [];
    for (const message of this.waiting) if (channel === undefined || message.channel === channel) queued.push(message);
    return queued;
  }

  /** How many messages wait in the queue (of one channel, or all), without copying them. */
  queuedCount(channel?: string): number {
    if (channel === undefined) return this.waiting.size;
    let count = 0;
    for (const message of this.waiting) if (message.channel === channel) count += 1;
    return count;
  }

  /** A received SMS arrives: it lands in the inbox and `inbound` fires. */
  injectInbound(options: InjectInboundOptions): SimulatedInbound {
    const now = options.receivedAt ?? this.clock.now();
    const inbound: SimulatedInbound = {
      id: options.id ?? this.newId(),
      from: options.from,
      to: options.to,
      text: options.text,
      channel: options.channel,
      smsc: options.smsc,
      receivedAt: now,
      sentAt: options.sentAt ?? now - 7_000,
      read: false,
      meta: { ...options.meta },
    };
    this.inbox.push(inbound);
    this.emit('inbound', inbound);
    return inbound;
  }

  /** Removes received messages by id (returns how many were removed). */
  removeInbound(ids: Iterable<string>): number {
    const doomed = new Set(ids);
    let removed = 0;
    for (let index = this.inbox.length - 1; index >= 0; index -= 1) {
      if (doomed.has(this.inbox[index]!.id)) {
        this.inbox.splice(index, 1);
        removed += 1;
      }
    }
    return removed;
  }

  /** Starts a USSD request; the responder's answer arrives after `ussdDelayMs`. */
  requestUssd(code: string, channel?: string): SimulatedUssd {
    const session: SimulatedUssd = { id: this.newId(), code, channel, state: 'pending', awaitingInput: false, requestedAt: this.clock.now() };
    this.ussdSessions.push(session);
    const answer = this.ussdResponder(code, channel);
    if (answer) this.after(this.ussdDelayMs, () => this.completeUssd(session, answer));
    return session;
  }

  /** Delivers a USSD reply now to the latest pending session of a channel (or opens a network-initiated one). */
  injectUssdReply(channel: string | undefined, reply: string, awaitingInput = false): SimulatedUssd {
    const pending = [...this.ussdSessions].reverse().find((session) => session.state === 'pending' && session.channel === channel);
    const session = pending ?? { id: this.newId(), code: '', channel, state: 'pending' as const, awaitingInput: false, requestedAt: this.clock.now() };
    if (!pending) this.ussdSessions.push(session);
    this.completeUssd(session, { reply, awaitingInput });
    return session;
  }

  /** Cancels every pending timer; the network stops moving. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
    this.removeAllListeners();
  }

  private completeUssd(session: SimulatedUssd, answer: UssdAnswer): void {
    session.state = 'replied';
    session.reply = answer.reply;
    session.awaitingInput = answer.awaitingInput ?? false;
    session.repliedAt = this.clock.now();
    this.emit('ussd', session);
  }

  private scheduleSend(message: SimulatedMessage): void {
    if (this.isPaused(message.channel)) return;
    if (this.sendScheduled.has(message.id)) return;
    this.sendScheduled.add(message.id);
    const wait = Math.max(this.sendDelayMs, (message.notBefore ?? 0) - this.clock.now());
    this.after(wait, () => {
      this.sendScheduled.delete(message.id);
      if (message.state !== 'queued') return;
      // Paused while the timer ran: it stays queued until resumed.
      if (this.isPaused(message.channel)) return;
      const now = this.clock.now();
      if (message.validityMs !== undefined && now - message.submittedAt > message.validityMs) {
        this.transition(message, 'expired', { errorCode: 'expired', errorText: 'Validity period elapsed in the queue' });
        return;
      }
      const rule = this.ruleFor(message);
      if (rule?.at === 'send') {
        this.transition(message, rule.state ?? 'failed', rule);
        return;
      }
      message.sentAt = now;
      this.transition(message, 'sent');
      this.after(this.deliveryDelayMs, () => {
        if (message.state !== 'sent') return;
        message.doneAt = this.clock.now();
        if (rule) this.transition(message, rule.state ?? 'failed', rule);
        else this.transition(message, 'delivered');
      });
    });
  }

  private ruleFor(message: SimulatedMessage): FailureRule | undefined {
    const digits = message.to.replace(/\D/g, '');
    return this.failureRules.find((rule) => (rule.suffix !== undefined && digits.endsWith(rule.suffix)) || (rule.pattern?.test(message.to) ?? false));
  }

  private transition(message: SimulatedMessage, state: SimulatedMessageState, failure?: { errorCode?: string | number; errorText?: string }): void {
    const previous = message.state;
    message.state = state;
    if (previous === 'queued') this.waiting.delete(message);
    if (FINISHED_STATES.has(state) && !FINISHED_STATES.has(previous)) this.retire(message);
    if (failure?.errorCode !== undefined) message.errorCode = failure.errorCode;
    if (failure?.errorText !== undefined) message.errorText = failure.errorText;
    if (state !== 'sent' && state !== 'queued') message.doneAt ??= this.clock.now();
    message.history.push({ state, at: this.clock.now() });
    this.emit('status', message, previous);
  }

  /** Keeps the last `maxFinishedMessages` finished messages; older ones leave `messages`. */
  private retire(message: SimulatedMessage): void {
    this.finished.push(message);
    while (this.finished.length - this.finishedHead > this.maxFinishedMessages) {
      const oldest = this.finished[this.finishedHead]!;
      this.finishedHead += 1;
      // A later submit may have reused the id: only the message itself leaves.
      if (this.messages.get(oldest.id) === oldest) this.messages.delete(oldest.id);
    }
    // Drop the forgotten head now and then instead of shifting on every message.
    if (this.finishedHead > 1_024 && this.finishedHead * 2 > this.finished.length) {
      this.finished = this.finished.slice(this.finishedHead);
      this.finishedHead = 0;
    }
  }

  /** Scheduled messages may lie weeks ahead, beyond what one Node timer can hold. */
  private after(ms: number, run: () => void): void {
    if (this.closed) return;
    const timer = startClockTimer(this.clock, ms, () => {
      this.timers.delete(timer);
      run();
    });
    this.timers.add(timer);
  }
}
