import type { Clock } from '../../clock/clock';
import { ModemUnavailableError } from '../modem-errors';
import { reconnectDelay, type ReconnectPolicy } from './reconnect-policy';

/** A live session; `lost` settles when its port goes away. */
export interface SupervisedSession {
  lost: Promise<Error | undefined>;
}

export type ConnectionState = 'connecting' | 'ready' | 'reconnecting' | 'closed';

export interface ConnectionSupervisorOptions {
  clock: Clock;
  /** Opens the port and brings the modem up; throws when it cannot. */
  establish: () => Promise<SupervisedSession>;
  /** `false`: no reconnect, a lost port closes the modem. */
  policy: ReconnectPolicy | false;
  /** Errors no retry can cure (wrong PIN, no SIM): reconnecting stops. */
  isFatal: (error: unknown) => boolean;
  onState: (state: ConnectionState, error?: unknown) => void;
}

/**
 * Keeps a modem session alive: when the port vanishes it re-establishes the session with
 * exponential backoff on the injected clock, until it succeeds, a fatal error or `stop()`.
 */
export class ConnectionSupervisor {
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(private readonly options: ConnectionSupervisorOptions) {}

  /** First connection; rejects (state `closed`) when it fails, so a wrong port is reported at once. */
  async start(): Promise<void> {
    this.options.onState('connecting');
    let session: SupervisedSession;
    try {
      session = await this.options.establish();
    } catch (error) {
      this.stopped = true;
      this.options.onState('closed', error);
      throw error;
    }
    if (this.stopped) return;
    this.options.onState('ready');
    void this.watch(session);
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private async watch(first: SupervisedSession): Promise<void> {
    let session = first;
    for (;;) {
      const cause = await session.lost;
      if (this.stopped) return;
      const { policy } = this.options;
      if (policy === false) {
        this.stopped = true;
        this.options.onState('closed', cause);
        return;
      }
      this.options.onState('reconnecting', cause);
      const next = await this.reconnect(policy);
      if (!next) return;
      session = next;
      this.options.onState('ready');
    }
  }

  private async reconnect(policy: ReconnectPolicy): Promise<SupervisedSession | undefined> {
    const maxAttempts = policy.maxAttempts ?? Infinity;
    for (let attempt = 0; attempt < maxAttempts && !this.stopped; attempt++) {
      await this.sleep(reconnectDelay(attempt, policy));
      if (this.stopped) return undefined;
      try {
        const session = await this.options.establish();
        if (!this.stopped) return session;
        return undefined;
      } catch (error) {
        if (this.options.isFatal(error)) {
          this.stopped = true;
          this.options.onState('closed', error);
          return undefined;
        }
        this.options.onState('reconnecting', error);
      }
    }
    if (!this.stopped) {
      this.stopped = true;
      this.options.onState('closed', new ModemUnavailableError(`gave up reconnecting after ${maxAttempts} attempts`));
    }
    return undefined;
  }

  /** A backoff wait that `stop()` cuts short. */
  private sleep(ms: number): Promise<void> {
    let timer: unknown;
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      timer = this.options.clock.setTimeout(resolve, ms);
    }).finally(() => {
      this.options.clock.clearTimeout(timer);
      this.wake = undefined;
    });
  }
}
