import { Agent, request } from 'undici';
import { systemClock, type Clock } from '../clock/clock';
import { PUSH_ID_HEADER, PUSH_SIGNATURE_HEADER, type BridgePushEnvelope, type BridgePushEvent } from '../vendors/modembridge/modembridge-wire';
import { signPushPayload } from '../vendors/modembridge/modembridge-push-signature';
import type { BridgeJournal, JournalEvent } from './bridge-journal';
import type { PushTarget } from './push-target';

export interface PushDeliveryOptions {
  journal: BridgeJournal;
  targets: readonly PushTarget[];
  clock?: Clock;
  /** Wait after the first failed push to a target (default 1 s); doubles up to `maxDelayMs`. */
  initialDelayMs?: number;
  /** Longest wait between two tries (default 5 min). */
  maxDelayMs?: number;
  /** Connect and answer timeout of one push (default 10 s). */
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** The event as a receiver gets it. */
export function pushEventOf(event: JournalEvent): BridgePushEvent {
  return {
    v: 1,
    id: event.id,
    kind: event.kind,
    at: event.at,
    ...(event.inbound ? { inbound: event.inbound } : {}),
    ...(event.status ? { status: event.status } : {}),
  };
}

/**
 * Pushes journaled events to every target, one at a time per target and in journal order: an
 * event leaves a target's queue only when the target answered 2xx (recorded in the journal before
 * the next), so it is never sent there again; any other answer or a failure is retried with
 * backoff, forever (the journal keeps it across restarts). A push whose answer was lost to a
 * crash is sent once more after the restart, under the same event id.
 */
export class PushDelivery {
  private readonly agent: Agent;
  private readonly clock: Clock;
  private readonly loops: Promise<void>[] = [];
  private readonly wakers = new Map<string, () => void>();
  private readonly aborts = new Set<AbortController>();
  private stopped = false;

  constructor(private readonly options: PushDeliveryOptions) {
    this.clock = options.clock ?? systemClock;
    const timeout = options.timeoutMs ?? 10_000;
    this.agent = new Agent({ connect: { timeout }, headersTimeout: timeout, bodyTimeout: timeout, keepAliveTimeout: 4_000 });
  }

  start(): void {
    for (const target of this.options.targets) this.loops.push(this.run(target));
  }

  /** Something new was journaled: idle targets look again (a target waiting out a backoff keeps waiting). */
  wake(): void {
    for (const wake of [...this.wakers.values()]) wake();
  }

  /**
   * Stops every target and closes the connections. A push under way gets a moment to be answered
   * (and journaled as pushed, so a restart does not send it again); one still unanswered then is
   * abandoned and stays owed.
   */
  async stop(graceMs = 2_000): Promise<void> {
    this.stopped = true;
    this.wake();
    const settled = Promise.allSettled(this.loops);
    let timer: unknown;
    const grace = new Promise<void>((resolve) => (timer = this.clock.setTimeout(resolve, graceMs)));
    await Promise.race([settled, grace]);
    this.clock.clearTimeout(timer);
    for (const controller of this.aborts) controller.abort();
    await settled;
    await this.agent.close().catch(() => undefined);
  }

  private async run(target: PushTarget): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      const [event] = this.options.journal.owedTo(target.id);
      if (!event) {
        await this.idle(target.id);
        continue;
      }
      const outcome = await this.push(target, event);
      // An answered push is journaled even when a stop came meanwhile: else a restart would send it again.
      if (outcome.ok) {
        failures = 0;
        await this.options.journal.pushed(event.seq, target.id).catch((error: unknown) => this.log(`could not journal a push to ${target.label}: ${messageOf(error)}`));
        continue;
      }
      if (this.stopped) return;
      failures += 1;
      const delay = Math.min((this.options.initialDelayMs ?? 1000) * 2 ** (failures - 1), this.options.maxDelayMs ?? 300_000);
      this.log(`push ${event.id} to ${target.label} failed (${outcome.why}); trying again in ${Math.ceil(delay / 1000)} s`);
      await this.sleep(target.id, delay);
    }
  }

  private async push(target: PushTarget, event: JournalEvent): Promise<{ ok: true } | { ok: false; why: string }> {
    const payload = JSON.stringify(pushEventOf(event));
    const signature = signPushPayload(target.secret, payload);
    const envelope: BridgePushEnvelope = { payload, signature };
    const controller = new AbortController();
    this.aborts.add(controller);
    try {
      const response = await request(target.url, {
        method: 'POST',
        dispatcher: this.agent,
        signal: controller.signal,
        headers: { 'content-type': 'application/json', [PUSH_SIGNATURE_HEADER]: signature, [PUSH_ID_HEADER]: event.id },
        body: JSON.stringify(envelope),
      });
      await response.body.dump().catch(() => undefined);
      if (response.statusCode >= 200 && response.statusCode < 300) return { ok: true };
      return { ok: false, why: `HTTP ${response.statusCode}` };
    } catch (error) {
      // The cause's text names the host at most; the URL (and a secret in its path) is not in it.
      return { ok: false, why: (error as { code?: string }).code ?? (error instanceof Error ? error.name : 'failed') };
    } finally {
      this.aborts.delete(controller);
    }
  }

  private idle(target: string): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped) return resolve();
      this.wakers.set(target, () => {
        this.wakers.delete(target);
        resolve();
      });
    });
  }

  private sleep(target: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => {
        this.wakers.delete(target);
        resolve();
      }, ms);
      // Only a stop ends a backoff early; new events wait their turn behind the failing one.
      this.wakers.set(target, () => {
        if (!this.stopped) return;
        this.clock.clearTimeout(timer);
        this.wakers.delete(target);
        resolve();
      });
    });
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
