import { type Clock, systemClock } from '../../clock/clock';
import type { ConcatInfo, DecodedPdu } from '../types';
import { concatInfoOf, concatKey } from './concat-key';
import { type IncompleteMessage, joinedData, joinedText, type ReassembledMessage, type SourceId } from './reassembled-message';

export interface ConcatReassemblerOptions {
  /** Time and timers; default the system clock. */
  clock?: Clock;
  /** How long after its first part a message may stay incomplete. Default 10 minutes. */
  timeoutMs?: number;
  /**
   * Called with what arrived of a message when its timeout passes. Giving it arms one timer per
   * message; without it, call `expire()` yourself.
   */
  onTimeout?: (incomplete: IncompleteMessage) => void;
  /**
   * Most messages kept waiting at once (default 1000), so a flood of unmatched parts cannot grow
   * memory without bound. Beyond it the oldest is given up: handed to `onTimeout` and returned as
   * `evicted` by the `add` that pushed it out.
   */
  maxPending?: number;
}

/** What `add` made of a part. */
export type AddOutcome =
  | { kind: 'complete'; message: ReassembledMessage }
  | { kind: 'pending'; key: string; received: number[]; missing: number[]; evicted?: IncompleteMessage }
  /** The same sequence of the same message came before: this copy is dropped (delete it at its source). */
  | { kind: 'duplicate'; key: string; sequence: number; sourceId: SourceId };

interface PendingMessage {
  key: string;
  originator: string;
  info: ConcatInfo;
  parts: Map<number, { pdu: DecodedPdu; sourceId: SourceId }>;
  duplicateSourceIds: SourceId[];
  firstPartAt: number;
  timer: unknown;
}

export const DEFAULT_REASSEMBLY_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_MAX_PENDING_MESSAGES = 1000;

/**
 * Collects the parts of concatenated messages (TS 23.040 §9.2.3.24.1) in any order and hands out
 * each message once all its parts are there. Single-part messages pass straight through.
 */
export class ConcatReassembler {
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly onTimeout: ((incomplete: IncompleteMessage) => void) | undefined;
  private readonly maxPending: number;
  private readonly pendingByKey = new Map<string, PendingMessage>();

  constructor(options: ConcatReassemblerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_REASSEMBLY_TIMEOUT_MS;
    this.onTimeout = options.onTimeout;
    this.maxPending = Math.max(1, options.maxPending ?? DEFAULT_MAX_PENDING_MESSAGES);
  }

  /** Number of messages waiting for parts. */
  get pendingCount(): number {
    return this.pendingByKey.size;
  }

  add(pdu: DecodedPdu, sourceId: SourceId): AddOutcome {
    const info = concatInfoOf(pdu);
    if (info === null) return { kind: 'complete', message: singlePart(pdu, sourceId) };

    const key = concatKey(pdu.address, info);
    let pending = this.pendingByKey.get(key);
    let evicted: IncompleteMessage | undefined;
    if (pending === undefined) {
      if (this.pendingByKey.size >= this.maxPending) evicted = this.evictOldest();
      pending = { key, originator: pdu.address, info, parts: new Map(), duplicateSourceIds: [], firstPartAt: this.clock.now(), timer: undefined };
      this.pendingByKey.set(key, pending);
      if (this.onTimeout !== undefined) {
        const armed = pending;
        armed.timer = this.clock.setTimeout(() => this.timeOut(armed), this.timeoutMs);
      }
    }
    if (pending.parts.has(info.sequence)) {
      pending.duplicateSourceIds.push(sourceId);
      return { kind: 'duplicate', key, sequence: info.sequence, sourceId };
    }
    pending.parts.set(info.sequence, { pdu, sourceId });
    if (pending.parts.size < info.total) {
      const { received, missing } = sequences(pending);
      return evicted === undefined ? { kind: 'pending', key, received, missing } : { kind: 'pending', key, received, missing, evicted };
    }
    this.remove(pending);
    return { kind: 'complete', message: completeMessage(pending) };
  }

  /** Hands out (and forgets) every message whose first part came at least `timeoutMs` before `now`. */
  expire(now: number = this.clock.now()): IncompleteMessage[] {
    const expired: IncompleteMessage[] = [];
    for (const pending of [...this.pendingByKey.values()]) {
      if (now - pending.firstPartAt >= this.timeoutMs) {
        this.remove(pending);
        expired.push(incompleteMessage(pending));
      }
    }
    return expired;
  }

  /** Hands out (and forgets) every incomplete message, e.g. at shutdown. */
  flush(): IncompleteMessage[] {
    return this.expire(Number.POSITIVE_INFINITY);
  }

  /** Cancels the timers; pending parts are kept until `flush`. */
  dispose(): void {
    for (const pending of this.pendingByKey.values()) this.cancelTimer(pending);
  }

  /** Gives up the message waiting longest (the map keeps insertion order). */
  private evictOldest(): IncompleteMessage | undefined {
    const oldest = this.pendingByKey.values().next().value as PendingMessage | undefined;
    if (oldest === undefined) return undefined;
    this.remove(oldest);
    const incomplete = incompleteMessage(oldest);
    this.onTimeout?.(incomplete);
    return incomplete;
  }

  private timeOut(pending: PendingMessage): void {
    pending.timer = undefined;
    if (this.pendingByKey.get(pending.key) !== pending) return;
    this.remove(pending);
    this.onTimeout?.(incompleteMessage(pending));
  }

  private remove(pending: PendingMessage): void {
    this.pendingByKey.delete(pending.key);
    this.cancelTimer(pending);
  }

  private cancelTimer(pending: PendingMessage): void {
    if (pending.timer !== undefined) this.clock.clearTimeout(pending.timer);
    pending.timer = undefined;
  }
}

function sequences(pending: PendingMessage): { received: number[]; missing: number[] } {
  const received: number[] = [];
  const missing: number[] = [];
  for (let sequence = 1; sequence <= pending.info.total; sequence++) (pending.parts.has(sequence) ? received : missing).push(sequence);
  return { received, missing };
}

function orderedParts(pending: PendingMessage): { pdu: DecodedPdu; sourceId: SourceId }[] {
  return [...pending.parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part);
}

function completeMessage(pending: PendingMessage): ReassembledMessage {
  const ordered = orderedParts(pending);
  const parts = ordered.map((part) => part.pdu);
  const first = parts[0]!;
  return {
    key: pending.key,
    originator: pending.originator,
    addressType: first.addressType,
    text: joinedText(parts),
    data: joinedData(parts),
    encoding: first.encoding,
    timestamp: first.timestamp,
    concat: { reference: pending.info.reference, total: pending.info.total, referenceBits: pending.info.referenceBits },
    parts,
    sourceIds: ordered.map((part) => part.sourceId),
    duplicateSourceIds: [...pending.duplicateSourceIds],
  };
}

function incompleteMessage(pending: PendingMessage): IncompleteMessage {
  const message = completeMessage(pending);
  return { ...message, concat: message.concat!, ...sequences(pending), firstPartAt: pending.firstPartAt };
}

function singlePart(pdu: DecodedPdu, sourceId: SourceId): ReassembledMessage {
  return {
    key: `${pdu.address}\u0000single\u0000${String(sourceId)}`,
    originator: pdu.address,
    addressType: pdu.addressType,
    text: pdu.text,
    data: pdu.data,
    encoding: pdu.encoding,
    timestamp: pdu.timestamp,
    concat: null,
    parts: [pdu],
    sourceIds: [sourceId],
    duplicateSourceIds: [],
  };
}
