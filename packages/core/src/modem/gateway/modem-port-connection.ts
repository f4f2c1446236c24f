import type { BindingInterface } from '@serialport/bindings-interface';
import type { Clock } from '../../clock/clock';
import { GatewayRejectedError, InvalidRequestError } from '../../errors/gateway-errors';
import type { DeliveryStatus } from '../../model/delivery-status';
import type { InboundMessage } from '../../model/inbound-message';
import type { UssdExchange } from '../../model/ussd-exchange';
import type { SerialTransport } from '../../transport/serial-transport';
import { GsmModem, type GsmModemOptions } from '../gsm-modem';
import type { GsmModemState } from '../gsm-modem-events';
import { ModemError, ModemTimeoutError, ModemUnavailableError } from '../modem-errors';
import type { SerialPortLister } from '../serial/serial-port-finder';
import { storedReportKey } from '../sms/sms-receiver';
import { InboundFanOut, type FanOutHandler, type InboundHandler } from './inbound-fan-out';
import type { ModemPortSettings } from './modem-connection-fields';

/** Driver settings a hub applies to every port (timeouts, reconnect backoff, rate, delivery mode). */
export type ModemDriverSettings = Omit<GsmModemOptions, 'port' | 'baudRate' | 'pin' | 'binding' | 'lister' | 'transport' | 'clock'>;

/** Opens the byte pipe of a port instead of `serialport` (an in-process virtual modem); called on every (re)connect. */
export type ModemPortOpener = (settings: ModemPortSettings) => SerialTransport | Promise<SerialTransport>;

export interface ModemPortConnectionOptions {
  settings: ModemPortSettings;
  clock: Clock;
  driver: ModemDriverSettings;
  binding: BindingInterface | undefined;
  lister: SerialPortLister | undefined;
  openPort: ModemPortOpener | undefined;
  sweepIntervalMs: number;
  ussdMenuTimeoutMs: number;
  /** Told once the last user released the port and it was closed. */
  onClosed: () => void;
}

/** A user of the port, as the connection knows it: an identity for the USSD menu it opened. */
export type ModemPortUser = object;

/**
 * The one driver of one serial port, shared by every user the hub handed it to: opened on first
 * use (and again after a failed start or a reconnect that gave up), closed when the last user
 * released it. Inbound messages and status reports go to every subscribed user and leave the SIM
 * once all of them took them; USSD menus belong to the user that opened them, since the modem has
 * one USSD session.
 */
export class ModemPortConnection {
  private readonly users = new Set<ModemPortUser>();
  private readonly inbound = new InboundFanOut();
  private readonly reports = new InboundFanOut<DeliveryStatus>({ keyOf: storedReportKey, noun: 'status report' });
  private readonly errorHandlers = new Set<(error: unknown) => void>();
  private modem: GsmModem | undefined;
  private starting: Promise<GsmModem> | undefined;
  private sweepTimer: unknown;
  /** The driver while `open` starts it, before it becomes `modem`. */
  private openingModem: GsmModem | undefined;
  private closedState = false;
  private ussdMenu: { owner: ModemPortUser; until: number } | undefined;
  private ussdWork: Promise<unknown> = Promise.resolve();
  private sessionCount = 0;
  private readonly deliverInbound = (message: InboundMessage): Promise<void> => this.inbound.deliver(message);
  private readonly deliverReport = (status: DeliveryStatus): Promise<void> => this.reports.deliver(status);

  constructor(private readonly options: ModemPortConnectionOptions) {}

  get settings(): ModemPortSettings {
    return this.options.settings;
  }

  get userCount(): number {
    return this.users.size;
  }

  /** How many times a driver was started on this port (one while it stays up; reconnects inside the driver do not count). */
  get sessionsOpened(): number {
    return this.sessionCount;
  }

  get closed(): boolean {
    return this.closedState;
  }

  /** Connection and health of the driver, or undefined while none is open. */
  get state(): GsmModemState | undefined {
    return this.modem?.state;
  }

  join(user: ModemPortUser): void {
    if (this.closedState) throw new InvalidRequestError(`The modem on ${this.settings.port} was closed.`, { details: { gateway: 'modem' } });
    this.users.add(user);
  }

  /** Drops a user; the last one out closes the port. */
  async leave(user: ModemPortUser): Promise<void> {
    if (!this.users.delete(user)) return;
    if (this.ussdMenu?.owner === user) this.ussdMenu = undefined;
    if (this.users.size === 0) await this.close();
  }

  /**
   * The driver, started if needed. A reconnecting driver is not waited for: its port is away
   * (unplugged, restarting) and a caller is better told at once than left waiting for hours.
   */
  ready(): Promise<GsmModem> {
    if (this.closedState) return Promise.reject(new ModemUnavailableError(`the modem on ${this.settings.port} was closed`));
    const modem = this.modem;
    if (modem?.state.connection === 'ready') return Promise.resolve(modem);
    if (modem?.state.connection === 'reconnecting') {
      return Promise.reject(new ModemUnavailableError(`the modem on ${this.settings.port} is reconnecting (unplugged or restarting); try again shortly`));
    }
    this.starting ??= this.open().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  onInbound(handler: InboundHandler): () => void {
    const unsubscribe = this.inbound.subscribe(handler);
    if (this.inbound.subscribers === 1) this.startTaking('message');
    return this.unsubscriber(unsubscribe, () => {
      if (this.inbound.subscribers === 0) this.stopTaking('message');
    });
  }

  /** Status reports, handed on like inbound messages: a stored one leaves the SIM once every subscriber's handler resolved. */
  onStatusReport(handler: FanOutHandler<DeliveryStatus>): () => void {
    const unsubscribe = this.reports.subscribe(handler);
    if (this.reports.subscribers === 1) this.startTaking('status-report');
    return this.unsubscriber(unsubscribe, () => {
      if (this.reports.subscribers === 0) this.stopTaking('status-report');
    });
  }

  onError(handler: (error: unknown) => void): () => void {
    return subscribe(this.errorHandlers, handler);
  }

  /** Sends a USSD code for `user`; an open menu of its own is ended first, another user's open menu refuses the code. */
  ussd(user: ModemPortUser, code: string): Promise<UssdExchange> {
    return this.ussdTurn(async (modem) => {
      const menu = this.openMenu();
      if (menu && menu.owner !== user) throw this.menuBusy();
      if (menu) {
        this.ussdMenu = undefined;
        await modem.ussdCancel().catch(() => undefined);
      }
      return this.keepMenu(user, await modem.ussd(code));
    });
  }

  /** Answers the menu `user` opened. */
  ussdContinue(user: ModemPortUser, answer: string): Promise<UssdExchange> {
    return this.ussdTurn(async (modem) => {
      const menu = this.openMenu();
      if (menu?.owner !== user) {
        throw new InvalidRequestError('No USSD menu of this client waits for an answer: start one with a USSD code first.', { details: { gateway: 'modem' } });
      }
      return this.keepMenu(user, await modem.ussd(answer));
    });
  }

  /** Ends the menu `user` opened (or a stale one nobody holds). */
  ussdCancel(user: ModemPortUser): Promise<void> {
    return this.ussdTurn(async (modem) => {
      const menu = this.openMenu();
      if (menu && menu.owner !== user) throw this.menuBusy();
      this.ussdMenu = undefined;
      await modem.ussdCancel();
    });
  }

  /** Closes the driver; queued sends are settled as failed. */
  async close(): Promise<void> {
    if (this.closedState) return;
    this.closedState = true;
    this.stopTaking('message');
    this.stopTaking('status-report');
    this.users.clear();
    this.ussdMenu = undefined;
    const starting = this.starting;
    const modem = this.modem;
    this.modem = undefined;
    await modem?.close();
    await starting?.then((late) => late.close()).catch(() => undefined);
    this.options.onClosed();
  }

  private async open(): Promise<GsmModem> {
    const { settings, clock, driver, binding, lister, openPort } = this.options;
    const modem = new GsmModem({
      ...driver,
      port: settings.port,
      baudRate: settings.baudRate,
      ...(settings.pin !== undefined ? { pin: settings.pin } : {}),
      ...(binding ? { binding } : {}),
      ...(lister ? { lister } : {}),
      ...(openPort ? { transport: () => openPort(settings) } : {}),
      clock,
    });
    modem.on('state', (state) => {
      // The supervisor gave up (or the SIM needs a person): the next use opens the port afresh.
      if (state.connection === 'closed' && this.modem === modem) this.drop(modem);
    });
    modem.on('error', (error) => this.notify(this.errorHandlers, error));
    if (this.inbound.subscribers > 0) modem.on('message', this.deliverInbound);
    if (this.reports.subscribers > 0) modem.on('status-report', this.deliverReport);
    // A user may subscribe while the port is still opening: startTaking finds the driver here.
    this.openingModem = modem;
    try {
      await modem.start();
    } catch (error) {
      throw startFailure(error, settings.port);
    } finally {
      if (this.openingModem === modem) this.openingModem = undefined;
    }
    if (this.closedState) {
      await modem.close();
      throw new ModemUnavailableError(`the modem on ${settings.port} was closed while it started`);
    }
    this.modem = modem;
    this.sessionCount += 1;
    return modem;
  }

  private drop(modem: GsmModem): void {
    this.modem = undefined;
    this.ussdMenu = undefined;
    void modem.close();
  }

  /** Someone listens now: the driver hands this kind on, and whatever waited on the SIM goes out now, then on every sweep. */
  private startTaking(kind: 'message' | 'status-report'): void {
    const modem = this.modem ?? this.openingModem;
    if (kind === 'message') modem?.on('message', this.deliverInbound);
    else modem?.on('status-report', this.deliverReport);
    this.sweep();
  }

  /** Nobody listens for this kind any more: the driver leaves it on the SIM; sweeps stop once nobody listens at all. */
  private stopTaking(kind: 'message' | 'status-report'): void {
    for (const modem of [this.modem, this.openingModem]) {
      if (kind === 'message') modem?.off('message', this.deliverInbound);
      else modem?.off('status-report', this.deliverReport);
    }
    if (this.listening) return;
    if (this.sweepTimer !== undefined) this.options.clock.clearTimeout(this.sweepTimer);
    this.sweepTimer = undefined;
  }

  private get listening(): boolean {
    return !this.closedState && this.inbound.subscribers + this.reports.subscribers > 0;
  }

  /** An unsubscribe function that works once and then runs `after`. */
  private unsubscriber(unsubscribe: () => void, after: () => void): () => void {
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      unsubscribe();
      after();
    };
  }

  /**
   * Opens the port if needed (a subscriber is a listener: the port must be open to hear) and
   * offers the stored messages and reports again, those a handler failed on included; then schedules the
   * next sweep, which also retries a port that could not be opened.
   */
  private sweep(): void {
    if (this.sweepTimer !== undefined) this.options.clock.clearTimeout(this.sweepTimer);
    this.sweepTimer = undefined;
    if (!this.listening) return;
    // A driver that starts now sweeps on connect by itself (unless told not to).
    const sweepsOnConnect = this.modem === undefined && this.options.driver.sweepOnConnect !== false;
    this.ready()
      .then((modem) => (sweepsOnConnect ? undefined : modem.sweep()))
      .catch((error: unknown) => this.notify(this.errorHandlers, error));
    if (this.options.sweepIntervalMs > 0) this.sweepTimer = this.options.clock.setTimeout(() => this.sweep(), this.options.sweepIntervalMs);
  }

  /** USSD exchanges of all users one after another, so a menu check and its exchange are not split by another user's. */
  private ussdTurn<T>(work: (modem: GsmModem) => Promise<T>): Promise<T> {
    const run = this.ussdWork.then(async () => work(await this.ready()));
    this.ussdWork = run.catch(() => undefined);
    return run;
  }

  private openMenu(): { owner: ModemPortUser; until: number } | undefined {
    if (this.ussdMenu && this.ussdMenu.until <= this.options.clock.now()) this.ussdMenu = undefined;
    return this.ussdMenu;
  }

  private keepMenu(user: ModemPortUser, exchange: UssdExchange): UssdExchange {
    this.ussdMenu = exchange.awaitingInput ? { owner: user, until: this.options.clock.now() + this.options.ussdMenuTimeoutMs } : undefined;
    return exchange;
  }

  private menuBusy(): GatewayRejectedError {
    return new GatewayRejectedError(`Another user of the modem on ${this.settings.port} has a USSD menu open; try again once it ends.`, undefined, {
      outcome: 'not-sent',
      retryable: true,
      details: { gateway: 'modem', port: this.settings.port },
    });
  }

  private notify<T>(handlers: Set<(value: T) => void>, value: T): void {
    for (const handler of handlers) {
      try {
        handler(value);
      } catch {
        // A user's listener failing must not keep the others from hearing it.
      }
    }
  }
}

/**
 * Why the driver did not start, as the caller needs it: nothing was sent on a port that never came
 * up, so a modem that does not answer `AT` is unavailable (not a timeout that may have acted), and
 * a transport's own error (the virtual modem's) is the port failing to open.
 */
function startFailure(error: unknown, port: string): unknown {
  if (error instanceof ModemTimeoutError) return new ModemUnavailableError(`the modem on ${port} does not answer: ${error.message}`, { cause: error, details: { path: port } });
  if (error instanceof ModemError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ModemUnavailableError(`cannot open ${port}: ${reason}`, { cause: error, details: { path: port } });
}

function subscribe<T>(handlers: Set<T>, handler: T): () => void {
  handlers.add(handler);
  return () => {
    handlers.delete(handler);
  };
}
