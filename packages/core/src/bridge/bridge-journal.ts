import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, closeSync, fsyncSync } from 'node:fs';
import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidRequestError } from '../errors/gateway-errors';
import type { DeliveryStatus } from '../model/delivery-status';
import type { InboundMessage } from '../model/inbound-message';
import { JournalLock } from './journal-lock';
import type { JournalRecord } from './journal-records';

/** An event as the journal holds it: an inbound SMS or a delivery report, and who still needs it. */
export interface JournalEvent {
  seq: number;
  /** `<epoch>-<seq>`: stable across restarts, unique across journals. */
  id: string;
  kind: 'inbound' | 'status';
  at: string;
  inbound?: InboundMessage;
  status?: DeliveryStatus;
  fp?: string;
  /** Push targets that have not answered 2xx yet. */
  targets: Set<string>;
  /** Push targets that answered 2xx. */
  delivered: number;
}

export interface BridgeJournalOptions {
  /** The push targets now configured; owed pushes to any other target are dropped on open. */
  targets?: readonly string[];
  /** Compact once this many lines were appended since the last compaction (default 1000). */
  compactAfterLines?: number;
  /** Statuses kept for queries by id (default 10,000; the oldest go first). */
  maxStatuses?: number;
  /** Fingerprints of ended inbound messages kept against duplicates (default 1,000). */
  maxSeen?: number;
}

const FILE = 'journal.jsonl';

/**
 * The bridge's memory on disk: inbound SMS until a consumer acknowledged them (or every push
 * target took them), delivery reports until every push target took them, the latest status of
 * each sent message, and fingerprints against a SIM offering a message twice. Append-only JSON
 * lines, each batch fsync'd before the caller's promise resolves; compacted into a fresh file
 * (written, fsync'd, renamed over the old one) on open, on close and every so many lines. A torn
 * last line (a crash mid-write) is ignored on replay. One bridge per folder (a lock file).
 */
export class BridgeJournal {
  private readonly events = new Map<number, JournalEvent>();
  private readonly statuses = new Map<string, DeliveryStatus>();
  private readonly seen = new Set<string>();
  private readonly pending: { line: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private linesSinceCompaction = 0;
  private closedState = false;

  private constructor(
    readonly directory: string,
    readonly epoch: string,
    private nextSeq: number,
    private file: FileHandle | undefined,
    private readonly lock: JournalLock,
    private readonly options: Required<Omit<BridgeJournalOptions, 'targets'>>,
  ) {}

  /** Opens (or creates) the journal in `directory`, replays it and compacts it. */
  static async open(directory: string, options: BridgeJournalOptions = {}): Promise<BridgeJournal> {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const lock = JournalLock.take(directory);
    try {
      const records = await readRecords(join(directory, FILE));
      const head = records.find((record): record is Extract<JournalRecord, { t: 'head' }> => record.t === 'head');
      const journal = new BridgeJournal(directory, head?.epoch ?? randomBytes(4).toString('hex'), head?.nextSeq ?? 1, undefined, lock, {
        compactAfterLines: options.compactAfterLines ?? 1000,
        maxStatuses: options.maxStatuses ?? 10_000,
        maxSeen: options.maxSeen ?? 1000,
      });
      for (const record of records) journal.apply(record);
      const configured = options.targets === undefined ? undefined : new Set(options.targets);
      if (configured) {
        for (const event of journal.events.values()) {
          for (const target of event.targets) if (!configured.has(target)) event.targets.delete(target);
          journal.endIfDone(event);
        }
      }
      await journal.compact();
      return journal;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  get closed(): boolean {
    return this.closedState;
  }

  /** Whether an inbound message with this fingerprint was journaled already (waiting or ended). */
  hasFingerprint(fp: string): boolean {
    return this.seen.has(fp);
  }

  /** Journals an inbound SMS (durably: resolves after fsync) for the inbox and for `targets`. */
  async addInbound(message: InboundMessage, fp: string, targets: readonly string[]): Promise<JournalEvent> {
    const seq = this.nextSeq++;
    const id = this.idOf(seq);
    const record: JournalRecord = {
      t: 'event',
      seq,
      kind: 'inbound',
      at: new Date().toISOString(),
      inbound: { ...message, id },
      fp,
      targets: [...targets],
    };
    await this.write([record]);
    this.apply(record);
    return this.events.get(seq)!;
  }

  /** Records a status for queries by id and, when there are push targets, journals it as an event for them. */
  async addStatus(status: DeliveryStatus, targets: readonly string[]): Promise<JournalEvent | undefined> {
    const records: JournalRecord[] = [{ t: 'status', status }];
    let seq: number | undefined;
    if (targets.length > 0) {
      seq = this.nextSeq++;
      records.push({ t: 'event', seq, kind: 'status', at: new Date().toISOString(), status, targets: [...targets] });
    }
    await this.write(records);
    for (const record of records) this.apply(record);
    return seq === undefined ? undefined : this.events.get(seq);
  }

  /** Records the statuses of a send's results (sent, unknown, failed) for queries by id. */
  async recordStatuses(statuses: readonly DeliveryStatus[]): Promise<void> {
    if (statuses.length === 0) return;
    const records: JournalRecord[] = statuses.map((status) => ({ t: 'status', status }));
    await this.write(records);
    for (const record of records) this.apply(record);
  }

  statusOf(messageId: string): DeliveryStatus | undefined {
    return this.statuses.get(messageId);
  }

  /** Inbound messages not acknowledged yet, oldest first, after `afterSeq`. */
  inbox(afterSeq = 0, limit = 500): JournalEvent[] {
    const page: JournalEvent[] = [];
    for (const event of this.events.values()) {
      if (event.kind !== 'inbound' || event.seq <= afterSeq) continue;
      page.push(event);
      if (page.length >= limit) break;
    }
    return page;
  }

  /** Ends inbound events by id (`<epoch>-<seq>`); ids this journal does not hold (already ended, another journal) are skipped. Resolves to how many ended. */
  async acknowledge(ids: readonly string[]): Promise<number> {
    const seqs = ids.map((id) => this.seqOf(id)).filter((seq): seq is number => seq !== undefined && this.events.get(seq)?.kind === 'inbound');
    if (seqs.length === 0) return 0;
    const record: JournalRecord = { t: 'ack', seqs: [...new Set(seqs)] };
    await this.write([record]);
    this.apply(record);
    return record.seqs.length;
  }

  /** Events still owed to `target`, oldest first. */
  owedTo(target: string, limit = 1): JournalEvent[] {
    const owed: JournalEvent[] = [];
    for (const event of this.events.values()) {
      if (!event.targets.has(target)) continue;
      owed.push(event);
      if (owed.length >= limit) break;
    }
    return owed;
  }

  /** `target` answered 2xx for the event: it is never pushed there again. */
  async pushed(seq: number, target: string): Promise<void> {
    if (!this.events.get(seq)?.targets.has(target)) return;
    const record: JournalRecord = { t: 'pushed', seq, target };
    await this.write([record]);
    this.apply(record);
  }

  /** Counts for status lines and the admin command. */
  counts(): { inbox: number; owedPushes: number; statuses: number } {
    let inbox = 0;
    let owedPushes = 0;
    for (const event of this.events.values()) {
      if (event.kind === 'inbound') inbox += 1;
      owedPushes += event.targets.size;
    }
    return { inbox, owedPushes, statuses: this.statuses.size };
  }

  /** Waits for every write, compacts, and releases the folder. */
  async close(): Promise<void> {
    if (this.closedState) return;
    this.closedState = true;
    try {
      await this.drain();
      await this.compact();
    } finally {
      await this.file?.close().catch(() => undefined);
      this.file = undefined;
      this.lock.release();
    }
  }

  private idOf(seq: number): string {
    return `${this.epoch}-${seq}`;
  }

  private seqOf(id: string): number | undefined {
    const match = /^([0-9a-f]+)-(\d+)$/.exec(String(id));
    if (!match || match[1] !== this.epoch) return undefined;
    return Number(match[2]);
  }

  /** Parses a cursor this journal gave (`<epoch>:<seq>`); another journal's cursor starts afresh. */
  cursorSeq(cursor: string | undefined): number {
    if (cursor === undefined || cursor === '') return 0;
    const match = /^([0-9a-f]+):(\d+)$/.exec(cursor);
    if (!match) {
      throw new InvalidRequestError('The inbox cursor is not one this bridge gave: pass back the cursor of the previous poll, or none to start afresh.', {
        details: { gateway: 'modembridge' },
      });
    }
    return match[1] === this.epoch ? Number(match[2]) : 0;
  }

  cursorAfter(seq: number): string {
    return `${this.epoch}:${seq}`;
  }

  private apply(record: JournalRecord): void {
    switch (record.t) {
      case 'head':
        return;
      case 'event': {
        this.nextSeq = Math.max(this.nextSeq, record.seq + 1);
        if (record.fp) this.seen.add(record.fp);
        const event: JournalEvent = {
          seq: record.seq,
          id: this.idOf(record.seq),
          kind: record.kind,
          at: record.at,
          targets: new Set(record.targets),
          delivered: record.delivered ?? 0,
          ...(record.inbound ? { inbound: record.inbound } : {}),
          ...(record.status ? { status: record.status } : {}),
          ...(record.fp ? { fp: record.fp } : {}),
        };
        this.events.set(record.seq, event);
        this.endIfDone(event);
        return;
      }
      case 'ack':
        for (const seq of record.seqs) {
          const event = this.events.get(seq);
          if (event?.kind === 'inbound') this.events.delete(seq);
        }
        return;
      case 'pushed': {
        const event = this.events.get(record.seq);
        if (!event || !event.targets.delete(record.target)) return;
        event.delivered += 1;
        this.endIfDone(event);
        return;
      }
      case 'status':
        // Re-inserted so the map's order is recency, which compaction trims by.
        this.statuses.delete(record.status.messageId);
        this.statuses.set(record.status.messageId, record.status);
        return;
      case 'seen':
        for (const fp of record.fps) this.seen.add(fp);
        return;
    }
  }

  /**
   * An event is done once nobody needs it: a report when every target took it; an inbound SMS
   * when it was acknowledged, or when push targets took it and none is still owed it (an SMS
   * that no target took stays in the inbox).
   */
  private endIfDone(event: JournalEvent): void {
    if (event.targets.size > 0) return;
    if (event.kind === 'status' || event.delivered > 0) this.events.delete(event.seq);
  }

  /** Appends lines; resolves once they are on disk. Writes queue up and go out together (group commit). */
  private write(records: readonly JournalRecord[]): Promise<void> {
    if (this.closedState) {
      return Promise.reject(new InvalidRequestError('The bridge journal is closed.', { details: { journal: this.directory } }));
    }
    const line = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    const written = new Promise<void>((resolve, reject) => this.pending.push({ line, resolve, reject }));
    this.flushing ??= this.flush().finally(() => {
      this.flushing = undefined;
    });
    return written;
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        const file = this.file;
        if (!file) throw new InvalidRequestError('The bridge journal is closed.', { details: { journal: this.directory } });
        await file.appendFile(batch.map((entry) => entry.line).join(''), 'utf8');
        await file.datasync();
        this.linesSinceCompaction += batch.length;
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
      if (this.linesSinceCompaction >= this.options.compactAfterLines && this.pending.length === 0) await this.compact();
    }
  }

  private async drain(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => undefined);
  }

  /** Rewrites the file as the state it describes: head, live events, recent statuses, recent fingerprints. */
  private async compact(): Promise<void> {
    const path = join(this.directory, FILE);
    const temporary = `${path}.tmp`;
    const live = new Set([...this.events.values()].map((event) => event.fp).filter((fp): fp is string => fp !== undefined));
    const ended = [...this.seen].filter((fp) => !live.has(fp)).slice(-this.options.maxSeen);
    this.seen.clear();
    for (const fp of [...ended, ...live]) this.seen.add(fp);
    const statuses = [...this.statuses.values()].slice(-this.options.maxStatuses);
    this.statuses.clear();
    for (const status of statuses) this.statuses.set(status.messageId, status);
    const records: JournalRecord[] = [
      { t: 'head', epoch: this.epoch, nextSeq: this.nextSeq, v: 1 },
      ...(ended.length > 0 ? [{ t: 'seen', fps: ended } as const] : []),
      ...statuses.map((status) => ({ t: 'status', status }) as const),
      ...[...this.events.values()].map(
        (event): JournalRecord => ({
          t: 'event',
          seq: event.seq,
          kind: event.kind,
          at: event.at,
          ...(event.inbound ? { inbound: event.inbound } : {}),
          ...(event.status ? { status: event.status } : {}),
          ...(event.fp ? { fp: event.fp } : {}),
          targets: [...event.targets],
          ...(event.delivered > 0 ? { delivered: event.delivered } : {}),
        }),
      ),
    ];
    const fresh = await open(temporary, 'w', 0o600);
    try {
      await fresh.writeFile(records.map((record) => `${JSON.stringify(record)}\n`).join(''), 'utf8');
      await fresh.sync();
    } finally {
      await fresh.close();
    }
    await this.file?.close();
    await rename(temporary, path);
    syncDirectory(this.directory);
    this.file = this.closedState ? undefined : await open(path, 'a', 0o600);
    this.linesSinceCompaction = 0;
  }
}

/** The rename is durable only once the folder itself is synced. */
function syncDirectory(directory: string): void {
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every whole line that parses; a torn last line (a crash mid-append) is dropped. */
async function readRecords(path: string): Promise<JournalRecord[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: JournalRecord[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line) as JournalRecord);
    } catch (cause) {
      if (index === lines.length - 1) return;
      throw new InvalidRequestError(`The bridge journal ${path} is damaged at line ${index + 1}; move it away to start a new one (its messages are then lost).`, {
        details: { journal: path, line: index + 1 },
        cause,
      });
    }
  });
  return records;
}
