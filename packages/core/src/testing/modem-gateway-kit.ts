import type { BindingInterface, BindingPortInterface, OpenOptions } from '@serialport/bindings-interface';
import { decodePdu } from '../codec/pdu/decode-pdu';
import { ModemHub } from '../modem/gateway/modem-hub';
import { createVirtualModemBinding } from '../modem/virtual/virtual-modem-binding';
import { VirtualModem, type VirtualModemOptions } from '../modem/virtual/virtual-modem';
import type { ConnectContext } from '../vendors/vendor-entry';
import type { ConformanceFault, GatewayTestKit } from './gateway-test-kit';
import { ManualClock } from './manual-clock';

export interface ModemGatewayKitOptions {
  /** Vendor dialect of the virtual modem (default `simcom`). */
  profile?: VirtualModemOptions['profile'];
  /** The driver's command and send timeout, for the timeout cases (default 1500 ms of real time). */
  requestTimeoutMs?: number;
}

const PORT = '/dev/ttyVMODEM0';
/** Where no modem is, for the unreachable case. */
const MISSING_PORT = '/dev/ttyVMODEM9';
/** A second modem for `wrongCredentials`: a wrong PIN must neither clash with clients of the first nor use up its SIM's tries. */
const WRONG_PIN_PORT = '/dev/ttyVMODEM1';
const PIN = '2468';
const DELIVERY_DELAY_MS = 2000;

/**
 * The GSM modem for the conformance suite: a virtual modem behind the `serialport` binding (the
 * real stream layer, in-process) and a {@link ModemHub} over it. The kit's ManualClock drives the
 * virtual modem's network (delivery, status reports); the driver's AT timeouts run on real time,
 * kept short by `requestTimeoutMs`. What a modem can show of the faults:
 * - `unreachable`: `connection()` names a port where no modem is;
 * - `timeout-before-handling`: the next `AT+CMGS` gets no `>` prompt, so no PDU is written;
 * - `timeout-after-handling`: the network takes the next message and the modem never confirms it;
 * - `reset-mid-body`: the network takes it and the port dies before the confirmation (the modem
 *   comes back 50 ms later, as after a USB reset).
 * The others are false: `server-error` (a 5xx that may have acted) has no modem counterpart — a
 * `+CMS ERROR` is a definite refusal, nothing sent; a modem has no unreadable answer after acting
 * (`malformed-body`) and no throttling (`rate-limit`).
 */
export class ModemGatewayKit implements GatewayTestKit {
  readonly key = 'modem' as const;
  readonly clock = new ManualClock();
  readonly requestTimeoutMs: number;
  private readonly modems: Record<string, VirtualModem> = {};
  private hub: ModemHub | undefined;
  private unreachable = false;
  private commandsSeen = 0;
  private readonly armed: (() => void)[] = [];

  constructor(private readonly options: ModemGatewayKitOptions = {}) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 1500;
  }

  /** The virtual modem behind the kit's working port (for assertions beyond the kit's interface). */
  get modem(): VirtualModem {
    const modem = this.modems[PORT];
    if (!modem) throw new RangeError('the modem kit is not started');
    return modem;
  }

  async start(): Promise<void> {
    this.modems[PORT] = this.newModem();
    this.modems[WRONG_PIN_PORT] = this.newModem();
    this.hub = this.newHub();
  }

  async stop(): Promise<void> {
    await this.disarm();
    await this.hub?.close();
    this.hub = undefined;
    for (const modem of Object.values(this.modems)) modem.close();
  }

  connection(): Record<string, unknown> {
    return { port: this.unreachable ? MISSING_PORT : PORT, baudRate: 115200, pin: PIN };
  }

  wrongCredentials(): Record<string, unknown> {
    return { port: WRONG_PIN_PORT, baudRate: 115200, pin: PIN.split('').reverse().join('') };
  }

  context(): ConnectContext {
    return { clock: this.clock, modemHub: this.requireHub() };
  }

  /** Messages (not parts) the network took for `to`, on either modem. */
  acceptedFor(to: string): number {
    const digits = to.replace(/\D/g, '');
    return Object.values(this.modems)
      .flatMap((modem) => modem.submitted)
      .filter((submitted) => submitted.destination.replace(/\D/g, '') === digits && (decodePdu(submitted.pdu).concat?.sequence ?? 1) === 1).length;
  }

  /** AT command lines the modems received. */
  requestsSeen(): number {
    return this.commandsSeen;
  }

  /** The hub, with a user of its own on the port: after a client closed, that user must still reach the modem. */
  async givenConnection(): Promise<{ context: ConnectContext; stillOpen(): Promise<boolean>; release(): Promise<void> }> {
    const hub = this.newHub();
    const lease = hub.acquire(this.connection());
    await lease.open();
    return {
      context: { clock: this.clock, modemHub: hub },
      stillOpen: async () => {
        try {
          await lease.networkStatus();
          return lease.state?.connection === 'ready';
        } catch {
          return false;
        }
      },
      release: () => hub.close(),
    };
  }

  async injectInbound(from: string, text: string): Promise<void> {
    this.modem.injectSms({ from, text });
  }

  async arm(fault: ConformanceFault, options: { retryAfterSeconds?: number } = {}): Promise<boolean> {
    void options;
    await this.disarm();
    const modem = this.modem;
    switch (fault) {
      case 'unreachable':
        this.unreachable = true;
        return true;
      case 'timeout-before-handling':
        this.silenceAfterNextCommand(/^\+CMGS=/i);
        return true;
      case 'timeout-after-handling':
        this.onNextSubmit(() => {
          modem.stopAnswering();
          this.silenceAfterNextCommand(/^/, true);
        });
        return true;
      case 'reset-mid-body':
        this.onNextSubmit(() => {
          modem.stopAnswering();
          // After the submit's own handling, so the confirmation is lost with the port.
          queueMicrotask(() => {
            modem.vanish();
            modem.resumeAnswering();
            setTimeout(() => modem.reappear(), 50);
          });
        });
        return true;
      case 'server-error':
      case 'malformed-body':
      case 'rate-limit':
        return false;
    }
  }

  async disarm(): Promise<void> {
    for (const clear of this.armed.splice(0)) clear();
    this.unreachable = false;
    const modem = this.modems[PORT];
    modem?.resumeAnswering();
    modem?.reappear();
  }

  private requireHub(): ModemHub {
    if (!this.hub) throw new RangeError('the modem kit is not started');
    return this.hub;
  }

  private newHub(): ModemHub {
    return new ModemHub({
      binding: this.binding(),
      driver: {
        commandTimeoutMs: this.requestTimeoutMs,
        sendTimeoutMs: this.requestTimeoutMs,
        probeTimeoutMs: Math.min(500, this.requestTimeoutMs),
        probeAttempts: 2,
        reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
      },
    });
  }

  private newModem(): VirtualModem {
    const modem = new VirtualModem({
      profile: this.options.profile ?? 'simcom',
      clock: this.clock,
      pin: PIN,
      network: { deliveryDelayMs: DELIVERY_DELAY_MS },
      // Before OK: the reply needs no time to pass on the kit's clock.
      ussd: { replyTiming: 'before-ok' },
      ussdMenu: { '*100#': 'Balance: 5.00 EUR' },
    });
    modem.on('command', () => {
      this.commandsSeen += 1;
    });
    return modem;
  }

  /** The virtual modems behind serialport; the wrong-PIN modem is fresh on every open, so its SIM never locks. */
  private binding(): BindingInterface {
    const inner = createVirtualModemBinding(this.modems);
    return {
      list: () => inner.list(),
      open: (options: OpenOptions): Promise<BindingPortInterface> => {
        if (options.path === WRONG_PIN_PORT) {
          this.modems[WRONG_PIN_PORT]?.close();
          this.modems[WRONG_PIN_PORT] = this.newModem();
        }
        return inner.open(options);
      },
    };
  }

  /**
   * Stops the modem answering at the next command line matching `pattern` (or at once, with
   * `now`); it answers again from the command after, once the driver gave up on the silent one.
   */
  private silenceAfterNextCommand(pattern: RegExp, now = false): void {
    const modem = this.modem;
    let silent = now;
    const listener = (line: string): void => {
      if (silent) {
        modem.resumeAnswering();
        modem.off('command', listener);
        return;
      }
      if (!pattern.test(line)) return;
      silent = true;
      modem.stopAnswering();
    };
    modem.on('command', listener);
    this.armed.push(() => modem.off('command', listener));
  }

  private onNextSubmit(action: () => void): void {
    const modem = this.modem;
    modem.once('submit', action);
    this.armed.push(() => modem.off('submit', action));
  }
}
