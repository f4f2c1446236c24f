import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../../clock/clock';
import { decodePdu } from '../../codec/pdu/decode-pdu';
import { ConcatReassembler } from '../../codec/reassembly/concat-reassembler';
import type { IncompleteMessage, ReassembledMessage, SourceId } from '../../codec/reassembly/reassembled-message';
import type { DecodedPdu } from '../../codec/types';
import type { DeliveryStatus } from '../../model/delivery-status';
import type { InboundMessage } from '../../model/inbound-message';
import type { AtEngine } from '../at/at-engine';
import type { UnsolicitedLine } from '../at/unsolicited-router';
import { ModemCommandError, ModemReentrantCallError, ModemReportsRemovedError, ModemUnavailableError } from '../modem-errors';
import { toDeliveryStatus, toInboundMessage } from './inbound-message-mapping';
import type { MessageReferenceRegistry } from './message-reference-registry';
import { parseMessageList, parseMessageRead, parseStorageIndication, type StoredPdu } from './stored-pdu-listing';

export interface SmsReceiverOptions {
  clock: Clock;
  references: MessageReferenceRegistry;
  /** How long the parts of a concatenated message may wait for the rest (default 10 min). */
  reassemblyTimeoutMs?: number;
  /** `AT+CMGL=4` timeout (default 30 s): listing a full SIM is slow on some modems. */
  listTimeoutMs?: number;
  /**
   * Stored status reports nobody took (no handler, not in the last `storedReports()` listing) kept
   * on the SIM (default 16); beyond it the oldest are deleted and announced on `error`. Infinity keeps all.
   */
  maxUnclaimedReports?: number;
  /** Hands a message to the consumer; resolves true once the consumer has it (then it is deleted), false when nobody listens. */
  deliver: (message: InboundMessage) => Promise<boolean>;
  /** Hands a status report on, like `deliver`: a stored report is deleted only once this resolved true. */
  statusReport: (status: DeliveryStatus) => Promise<boolean>;
  /** Parts of a message whose other parts did not come in time; they stay in storage. */
  incomplete: (message: InboundMessage) => void;
  error: (error: unknown) => void;
}

export interface ReceiveSessionFacts {
  /** `+CSMS` service 1: directly delivered messages and reports need `+CNMA`. */
  messageService: number | undefined;
  /** Current `+CPMS` read memory, when known. */
  readStorage: string | undefined;
}

/** The memory of status reports on modems that keep them apart (Quectel, SIMCom). */
const REPORT_STORAGE = 'SR';

/** Reports handed on whose delete did not happen yet: as many as a SIM holds, with room to spare. */
const MAX_TAKEN_NOT_DELETED = 256;

/** Room for the reports of a few multipart sends while leaving a SIM's or "SR" memory (often 20–30 slots) space for new ones. */
const DEFAULT_MAX_UNCLAIMED_REPORTS = 16;

/** A status report found in storage: its slot, its PDU, and what it says. */
interface StoredReport {
  storage: string;
  stored: StoredPdu;
  decoded: DecodedPdu;
}

/**
 * The receiving half of the SMS layer: `+CMTI`/`+CDSI` indications read from storage, `+CMT`/`+CDS`
 * direct deliveries, sweeps of stored messages. A stored message or status report is deleted only
 * after the consumer's handler resolved; parts of an incomplete message are never deleted. Work
 * runs one task at a time so handler calls never overlap (direct `+CDS` reports excepted: the
 * network waits for their `+CNMA`).
 */
export class SmsReceiver {
  private engine: AtEngine | undefined;
  private facts: ReceiveSessionFacts = { messageService: undefined, readStorage: undefined };
  private readonly reassembler: ConcatReassembler;
  /** Storage slots currently held by the reassembler, so a sweep does not add a part twice. */
  private readonly held = new Set<SourceId>();
  private work: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void)[] = [];
  private directCount = 0;
  /** The memory sweeps list: the read memory found at start-up, whatever reads of "SR" switched to since. */
  private primaryStorage: string | undefined;
  /** The modem answered `AT+CPMS="SR"` or its listing with an error in this session: sweeps skip it. */
  private reportStorageRefused = false;
  /**
   * Stored reports (`<storage>:<index>:<pdu>`) whose handlers resolved but whose delete did not
   * happen (the port closed in between): read again, they are only deleted, not handed on twice.
   */
  private readonly takenNotDeleted = new Set<string>();
  /** Stored reports no handler took and no listing handed out, first seen first: `storedReportKey` → slot. */
  private readonly unclaimed = new Map<string, string>();
  /** What the last `storedReports()` listing handed to a polling host, whose next poll deletes it: never removed by the bound. */
  private listed = new Set<string>();
  /**
   * The delivery whose handler the current async context runs in, if any: work queued from there
   * would wait for that handler. Timers the handler leaves behind see `pending` false and may queue.
   */
  private readonly handlerContext = new AsyncLocalStorage<{ pending: boolean }>();

  constructor(private readonly options: SmsReceiverOptions) {
    this.reassembler = new ConcatReassembler({
      clock: options.clock,
      timeoutMs: options.reassemblyTimeoutMs ?? 10 * 60_000,
      onTimeout: (message) => this.timedOut(message),
    });
  }

  attach(engine: AtEngine, facts: ReceiveSessionFacts): void {
    this.detach();
    this.engine = engine;
    this.facts = { ...facts };
    this.reportStorageRefused = false;
    const router = engine.unsolicited;
    this.unsubscribe = [
      router.on('+CMTI', (urc) => this.scheduleReported(() => this.readIndicated(urc))),
      router.on('+CDSI', (urc) => this.scheduleReported(() => this.readIndicated(urc))),
      router.on('+CMT', (urc) => this.acknowledgeThenSchedule(urc)),
      router.on('+CDS', (urc) => this.handOnThenAcknowledge(urc)),
    ];
  }

  detach(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    this.engine = undefined;
  }

  /** Stops the reassembly timers. */
  dispose(): void {
    this.detach();
    this.reassembler.dispose();
  }

  /**
   * Reads every stored message and report (`AT+CMGL=4`) and hands them on like new ones: in the
   * read memory, then in "SR", where several modems file status reports (a report filed while
   * nobody listened is found only here).
   */
  sweep(): Promise<void> {
    const refused = this.refuseFromHandler('sweep()');
    if (refused) return refused;
    return this.schedule(async () => {
      const engine = this.requireEngine();
      await this.eachStored(engine, (storage, entry) => this.handleStored(engine, storage, entry));
      await this.boundUnclaimedReports(engine);
    });
  }

  /**
   * The status reports stored in the read memory and in "SR", as `DeliveryStatus` with
   * `raw.source` naming the slot; nothing is handed on or deleted (see `removeReports`).
   */
  storedReports(): Promise<DeliveryStatus[]> {
    const refused = this.refuseFromHandler('storedReports()');
    if (refused) return refused;
    let result: DeliveryStatus[] = [];
    return this.schedule(async () => {
      result = (await this.readStoredReports(this.requireEngine())).map((report) => this.statusOf(report));
      this.listed = new Set(result.map(storedReportKey));
      for (const key of this.listed) this.unclaimed.delete(key);
    }).then(() => result);
  }

  /**
   * Deletes the stored reports that are still exactly these (same slot, same report): listed
   * again first, so a slot that holds a newer report by now is left alone. Resolves to how many
   * were deleted.
   */
  removeReports(reports: readonly DeliveryStatus[]): Promise<number> {
    const refused = this.refuseFromHandler('removeReports()');
    if (refused) return refused;
    let removed = 0;
    const wanted = new Set(reports.map(storedReportKey));
    return this.schedule(async () => {
      if (wanted.size === 0) return;
      const engine = this.requireEngine();
      for (const report of await this.readStoredReports(engine)) {
        const key = storedReportKey(this.statusOf(report));
        if (!wanted.has(key)) continue;
        await this.deleteSources(engine, [`${report.storage}:${report.stored.index}`]);
        this.listed.delete(key);
        this.unclaimed.delete(key);
        removed += 1;
      }
    }).then(() => removed);
  }

  /** Calls `visit` for every stored PDU, in the read memory and then in "SR"; the read memory is selected again after. */
  private async eachStored(engine: AtEngine, visit: (storage: string, entry: StoredPdu) => Promise<void>): Promise<void> {
    const storage = await this.selectPrimaryStorage(engine);
    for (const entry of await this.listStored(engine)) await visit(storage, entry);
    if (storage === REPORT_STORAGE) return;
    const reports = await this.listReportStorage(engine);
    for (const entry of reports) await visit(REPORT_STORAGE, entry);
    // The modem keeps its read memory across sessions: left on "SR", the next session would list reports as its inbox.
    if (!this.reportStorageRefused) await this.selectStorage(engine, storage);
  }

  private async readStoredReports(engine: AtEngine): Promise<StoredReport[]> {
    const found: StoredReport[] = [];
    await this.eachStored(engine, async (storage, stored) => {
      const decoded = this.decode(stored.pdu);
      if (decoded?.type === 'status-report') found.push({ storage, stored, decoded });
    });
    return found;
  }

  /** What "SR" holds; nothing when this modem refuses to select or list it (then it is not asked again this session). */
  private async listReportStorage(engine: AtEngine): Promise<StoredPdu[]> {
    if (this.reportStorageRefused) return [];
    try {
      await this.selectStorage(engine, REPORT_STORAGE);
      return await this.listStored(engine);
    } catch (error) {
      if (!(error instanceof ModemCommandError)) throw error;
      // No "SR" memory here: this modem's reports are where its messages are.
      this.reportStorageRefused = true;
      return [];
    }
  }

  /**
   * The stored messages, reassembled, without the handler. With `remove`, the slots of complete
   * messages are deleted; parts of incomplete ones are listed (raw.incomplete) and kept.
   */
  inbox(remove: boolean): Promise<InboundMessage[]> {
    const refused = this.refuseFromHandler('inbox()');
    if (refused) return refused;
    let result: InboundMessage[] = [];
    return this.schedule(async () => {
      const engine = this.requireEngine();
      const { complete, incomplete } = await this.readStoredMessages(engine);
      result = [...complete.map(toInboundMessage), ...incomplete.map(toInboundMessage)];
      if (remove) {
        for (const message of complete) await this.deleteSources(engine, [...message.sourceIds, ...message.duplicateSourceIds]);
      }
    }).then(() => result);
  }

  /**
   * Deletes the stored messages that are still exactly these (same slots, sender, text and time):
   * listed again first, because a slot freed since the caller's listing may already hold a newer
   * message, which must not be lost. Messages no longer stored are skipped. Resolves to how many
   * were deleted.
   */
  remove(messages: readonly InboundMessage[]): Promise<number> {
    const refused = this.refuseFromHandler('remove()');
    if (refused) return refused;
    let removed = 0;
    const wanted = new Set(messages.map(storedMessageKey));
    return this.schedule(async () => {
      if (wanted.size === 0) return;
      const engine = this.requireEngine();
      const { complete } = await this.readStoredMessages(engine);
      for (const message of complete) {
        if (!wanted.has(storedMessageKey(toInboundMessage(message)))) continue;
        await this.deleteSources(engine, [...message.sourceIds, ...message.duplicateSourceIds]);
        removed += 1;
      }
    }).then(() => removed);
  }

  /** Lists the primary memory and reassembles what it holds, apart from the live reassembly. */
  private async readStoredMessages(engine: AtEngine): Promise<{ complete: ReassembledMessage[]; incomplete: IncompleteMessage[] }> {
    const storage = await this.selectPrimaryStorage(engine);
    const stored = await this.listStored(engine);
    const collector = new ConcatReassembler({ clock: this.options.clock });
    const complete: ReassembledMessage[] = [];
    for (const entry of stored) {
      const decoded = this.decode(entry.pdu);
      if (decoded?.type !== 'deliver') continue;
      const outcome = collector.add(decoded, `${storage}:${entry.index}`);
      if (outcome.kind === 'complete') complete.push(outcome.message);
    }
    return { complete, incomplete: collector.flush() };
  }

  private async listStored(engine: AtEngine): Promise<StoredPdu[]> {
    const response = await engine.run('AT+CMGL=4', { timeoutMs: this.options.listTimeoutMs ?? 30_000 });
    return parseMessageList(response.lines);
  }

  /** Receiver work runs one task at a time, so a call from inside a 'message' handler would wait for that handler forever. */
  private refuseFromHandler(call: string): Promise<never> | undefined {
    if (!this.handlerContext.getStore()?.pending) return undefined;
    return Promise.reject(
      new ModemReentrantCallError(
        "inbox()/sweep() was called from inside a 'message' handler; it would wait for the handler itself — call it after the handler returns",
        { details: { call } },
      ),
    );
  }

  /** Runs `task` after the work before it; its failure goes to the caller. */
  private schedule(task: () => Promise<void>): Promise<void> {
    const run = this.work.then(task);
    this.work = run.catch(() => undefined);
    return run;
  }

  /** For work nobody awaits (URCs): a failure goes to the `error` callback. */
  private scheduleReported(task: () => Promise<void>): void {
    this.schedule(task).catch((error: unknown) => this.options.error(error));
  }

  private requireEngine(): AtEngine {
    if (!this.engine) throw new ModemUnavailableError('no modem session; the port is closed or reconnecting');
    return this.engine;
  }

  private async readIndicated(urc: UnsolicitedLine): Promise<void> {
    const engine = this.engine;
    const slot = parseStorageIndication(urc.line);
    if (!engine || !slot) return;
    let storage = slot.storage;
    let stored = await this.readSlot(engine, storage, slot.index);
    // Quectel announces status reports as "SM" but files them in "SR".
    if (!stored && urc.name === '+CDSI' && storage !== REPORT_STORAGE) {
      storage = REPORT_STORAGE;
      stored = await this.readSlot(engine, storage, slot.index);
    }
    if (!stored) return;
    await this.handleStored(engine, storage, stored);
    await this.boundUnclaimedReports(engine);
  }

  private async readSlot(engine: AtEngine, storage: string, index: number): Promise<StoredPdu | undefined> {
    try {
      await this.selectStorage(engine, storage);
      return parseMessageRead(index, (await engine.run(`AT+CMGR=${index}`)).lines);
    } catch (error) {
      if (error instanceof ModemCommandError) return undefined; // empty slot or unknown storage
      throw error;
    }
  }

  private async handleStored(engine: AtEngine, storage: string, stored: StoredPdu): Promise<void> {
    const sourceId = `${storage}:${stored.index}`;
    if (this.held.has(sourceId)) return;
    const decoded = this.decode(stored.pdu);
    if (!decoded) return;
    if (decoded.type === 'status-report') {
      await this.handOnStoredReport({ storage, stored, decoded });
      return;
    }
    if (decoded.type !== 'deliver') return; // a stored outgoing draft: not ours to touch
    await this.collect(decoded, sourceId);
  }

  /**
   * Hands a stored report on and deletes it only once every handler resolved; nobody listening or
   * a handler failing leaves it stored for the next sweep (or a polling host's listing).
   */
  private async handOnStoredReport(report: StoredReport): Promise<void> {
    const sourceId = `${report.storage}:${report.stored.index}`;
    const taken = `${sourceId}:${report.stored.pdu}`;
    if (!this.takenNotDeleted.has(taken)) {
      const status = this.statusOf(report);
      const key = storedReportKey(status);
      const delivery = { pending: true };
      let handedOn: boolean;
      try {
        handedOn = await this.handlerContext.run(delivery, () => this.options.statusReport(status));
      } catch (error) {
        // A handler is working on it: it stays for the next sweep and is not the bound's to remove.
        this.unclaimed.delete(key);
        this.options.error(error);
        return;
      } finally {
        delivery.pending = false;
      }
      if (!handedOn) {
        if (!this.listed.has(key) && !this.unclaimed.has(key)) this.unclaimed.set(key, sourceId);
        return;
      }
      this.unclaimed.delete(key);
      this.takenNotDeleted.add(taken);
      if (this.takenNotDeleted.size > MAX_TAKEN_NOT_DELETED) this.takenNotDeleted.delete(this.takenNotDeleted.values().next().value!);
    }
    // The port closed while the handlers ran: the next session reads the report again and only deletes it.
    if (!this.engine) return;
    await this.deleteSources(this.engine, [sourceId]);
    this.takenNotDeleted.delete(taken);
  }

  /**
   * Keeps at most `maxUnclaimedReports` stored reports nobody took: a SIM or "SR" memory full of
   * them refuses new reports (and, where reports are filed with the messages, new SMS), which is
   * worse than losing the oldest. Listed first, so only slots still holding exactly the report seen
   * are deleted; reports a handler is working on or a listing handed out are never in `unclaimed`.
   */
  private async boundUnclaimedReports(engine: AtEngine): Promise<void> {
    const bound = this.options.maxUnclaimedReports ?? DEFAULT_MAX_UNCLAIMED_REPORTS;
    if (this.unclaimed.size <= bound) return;
    const stored = new Set((await this.readStoredReports(engine)).map((report) => storedReportKey(this.statusOf(report))));
    for (const key of this.unclaimed.keys()) if (!stored.has(key)) this.unclaimed.delete(key);
    const oldest = [...this.unclaimed].slice(0, Math.max(0, this.unclaimed.size - bound));
    if (oldest.length === 0) return;
    for (const [key, source] of oldest) {
      await this.deleteSources(engine, [source]);
      this.unclaimed.delete(key);
    }
    // Left on "SR", the modem would list reports as its inbox in the next session.
    if (!this.reportStorageRefused) await this.selectPrimaryStorage(engine);
    this.options.error(new ModemReportsRemovedError(oldest.length, bound, { details: { sources: oldest.map(([, source]) => source) } }));
  }

  /**
   * A report the modem shows once (`+CDS`) and does not store: handed on at once (not behind a
   * handler still busy with a stored message), then acknowledged with `+CNMA` when `+CSMS=1`,
   * since the network waits for it. It cannot be kept: a handler that fails loses it.
   */
  private handOnThenAcknowledge(urc: UnsolicitedLine): void {
    const engine = this.engine;
    if (!engine) return;
    const decoded = urc.body === undefined ? undefined : this.decode(urc.body);
    const handedOn = decoded?.type === 'status-report' ? this.options.statusReport(this.statusOf({ decoded })) : Promise.resolve(false);
    handedOn
      .catch((error: unknown) => this.options.error(error))
      .then(() => (this.facts.messageService === 1 && this.engine === engine ? engine.run('AT+CNMA') : undefined))
      .catch((error: unknown) => this.options.error(error));
  }

  /**
   * With `+CSMS=1` the network waits for `+CNMA` (and stops direct delivery without it), so it is
   * queued at once, not behind a handler still busy with an earlier message.
   */
  private acknowledgeThenSchedule(urc: UnsolicitedLine): void {
    const engine = this.engine;
    if (engine && this.facts.messageService === 1) engine.run('AT+CNMA').catch((error: unknown) => this.options.error(error));
    this.scheduleReported(() => this.direct(urc));
  }

  private async direct(urc: UnsolicitedLine): Promise<void> {
    if (!this.engine || urc.body === undefined) return;
    const decoded = this.decode(urc.body);
    if (decoded?.type === 'deliver') await this.collect(decoded, `direct:${++this.directCount}`);
  }

  private async collect(decoded: DecodedPdu, sourceId: SourceId): Promise<void> {
    const outcome = this.reassembler.add(decoded, sourceId);
    if (outcome.kind === 'pending' || outcome.kind === 'duplicate') {
      this.held.add(sourceId);
      return;
    }
    const message = outcome.message;
    const sources = [...message.sourceIds, ...message.duplicateSourceIds];
    for (const source of sources) this.held.delete(source);
    const delivery = { pending: true };
    let handedOn: boolean;
    try {
      handedOn = await this.handlerContext.run(delivery, () => this.options.deliver(toInboundMessage(message)));
    } catch (error) {
      // The message stays stored for the next sweep; the messages after it are still handed on.
      this.options.error(error);
      return;
    } finally {
      delivery.pending = false;
    }
    if (handedOn && this.engine) await this.deleteSources(this.engine, sources);
  }

  private timedOut(message: IncompleteMessage): void {
    for (const source of [...message.sourceIds, ...message.duplicateSourceIds]) this.held.delete(source);
    this.options.incomplete(toInboundMessage(message));
  }

  /** The report as a DeliveryStatus of the part it answers; a stored one names its slot in `raw.source`. */
  private statusOf(report: { decoded: DecodedPdu; storage?: string; stored?: StoredPdu }): DeliveryStatus {
    const { decoded } = report;
    const part = decoded.messageReference === null ? undefined : this.options.references.find(decoded.messageReference, decoded.address || undefined);
    const status = toDeliveryStatus(decoded, part);
    if (report.storage !== undefined && report.stored) status.raw = { ...status.raw, source: `${report.storage}:${report.stored.index}` };
    return status;
  }

  private decode(hex: string): DecodedPdu | undefined {
    try {
      return decodePdu(hex, { hasSmsc: true });
    } catch (error) {
      this.options.error(error);
      return undefined;
    }
  }

  private async deleteSources(engine: AtEngine, sources: SourceId[]): Promise<void> {
    for (const source of sources) {
      const [storage, index] = String(source).split(':');
      if (storage === 'direct' || index === undefined) continue;
      await this.selectStorage(engine, storage!);
      await engine.run(`AT+CMGD=${index}`);
    }
  }

  private async currentStorage(engine: AtEngine): Promise<string> {
    if (this.facts.readStorage === undefined) {
      const response = await engine.run('AT+CPMS?').catch(() => undefined);
      const match = response?.lines.map((l) => /^\+CPMS:\s*"([A-Z0-9]+)"/i.exec(l)).find((m) => m);
      this.facts.readStorage = match ? match[1]!.toUpperCase() : 'SM';
    }
    // A modem left on "SR" (by an older driver, or a session cut short) still files messages in "SM".
    this.primaryStorage ??= this.facts.readStorage === REPORT_STORAGE ? 'SM' : this.facts.readStorage;
    return this.facts.readStorage;
  }

  private async selectPrimaryStorage(engine: AtEngine): Promise<string> {
    const current = await this.currentStorage(engine);
    const primary = this.primaryStorage ?? current;
    await this.selectStorage(engine, primary);
    return primary;
  }

  /** `AT+CPMS="<mem>"` changes only the read/delete memory; done only when it differs. */
  private async selectStorage(engine: AtEngine, storage: string): Promise<void> {
    if ((await this.currentStorage(engine)) === storage) return;
    await engine.run(`AT+CPMS="${storage}"`);
    this.facts.readStorage = storage;
  }
}

/**
 * What identifies a stored status report while it waits in storage: its slot and what the PDU
 * says (reference, recipient, times, status), not the message id the registry matched it to.
 */
export function storedReportKey(status: DeliveryStatus): string {
  const raw = status.raw ?? {};
  return JSON.stringify([raw['source'] ?? null, raw['messageReference'] ?? null, raw['recipient'] ?? null, raw['submittedAt'] ?? null, status.at ?? null, status.rawStatus]);
}

/** What identifies a stored message for `remove`: its slots, sender, time and text. */
function storedMessageKey(message: InboundMessage): string {
  return JSON.stringify([message.id, message.from, message.receivedAt ?? null, message.text]);
}
