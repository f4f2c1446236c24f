import type { BindingInterface } from '@serialport/bindings-interface';
import { type Clock, systemClock } from '../clock/clock';
import type { DeliveryStatus } from '../model/delivery-status';
import type { InboundMessage } from '../model/inbound-message';
import type { SendRequest } from '../model/send-request';
import type { SendResult } from '../model/send-result';
import type { UssdExchange } from '../model/ussd-exchange';
import type { SerialTransport } from '../transport/serial-transport';
import { AtEngine, type ModemHealth } from './at/at-engine';
import { readDeviceInfo, readNetworkStatus, type ModemDeviceInfo, type ModemNetworkStatus } from './device/device-info';
import { parseNetworkRegistration } from './device/network-registration';
import type { GsmModemEvents, GsmModemState } from './gsm-modem-events';
import { ModemPinError, ModemSimError, ModemUnavailableError } from './modem-errors';
import type { ModemSessionSettings } from './modem-session-settings';
import { startModemSession } from './modem-startup';
import { findSerialPort, parsePortSelector, type ModemPortSelector, type SerialPortLister } from './serial/serial-port-finder';
import { SerialPortTransport } from './serial/serialport-transport';
import { MessageReferenceRegistry, type SentPartStore } from './sms/message-reference-registry';
import { SmsReceiver } from './sms/sms-receiver';
import { SmsSendQueue } from './sms/sms-send-queue';
import { ConnectionSupervisor, type ConnectionState, type SupervisedSession } from './supervisor/connection-supervisor';
import type { ReconnectPolicy } from './supervisor/reconnect-policy';
import type { UssdTextForm } from './ussd/ussd-reply';
import { UssdService } from './ussd/ussd-service';

export interface GsmModemOptions extends ModemSessionSettings {
  /** Path (`/dev/ttyUSB2`), serial number, `VID:PID` (see parsePortSelector) or a selector object. */
  port?: string | ModemPortSelector;
  /** Default 115200. */
  baudRate?: number;
  /** serialport binding (e.g. MockBinding); default the OS one. */
  binding?: BindingInterface;
  /** Lists ports to find a serial number / VID:PID again; default SerialPort.list. */
  lister?: SerialPortLister;
  /** Supplies the byte pipe instead of `port` (virtual modem, tests); called on every (re)connect. */
  transport?: () => SerialTransport | Promise<SerialTransport>;
  clock?: Clock;
  /** Reconnect backoff; `false` = a lost port closes the modem. Default: 1 s doubling to 60 s, forever. */
  reconnect?: ReconnectPolicy | false;
  /** Send rate limits. */
  messagesPerMinute?: number;
  minGapMs?: number;
  reassemblyTimeoutMs?: number;
  /** How USSD strings travel (default `auto`). */
  ussdTextForm?: UssdTextForm;
  /**
   * Stored status reports nobody took (no `status-report` handler, not listed by `storedReports()`)
   * kept on the SIM; beyond it the oldest are deleted, each time announced on `error` as a
   * `ModemReportsRemovedError`. Default 16; Infinity keeps all.
   */
  maxUnclaimedReports?: number;
  /** Hand stored messages on after every (re)connect (default true). */
  sweepOnConnect?: boolean;
  /** How often an open port's device path is checked for an unplug (default 1000 ms with the OS binding; 0 = never). */
  hangupCheckMs?: number;
  /** Commands timing out in a row before the port is closed and reopened (a hung modem); default 3, 0 = never. */
  reopenAfterTimeouts?: number;
  /**
   * Where the message behind each TP-MR is kept for its status report; default in memory. Give a
   * persistent one (see objectSentPartStore) so reports that arrive after a restart are matched.
   */
  sentParts?: SentPartStore;
}

type Listeners = { [K in keyof GsmModemEvents]: Set<GsmModemEvents[K]> };

/**
 * A GSM modem as an SMS endpoint: start-up, sending with delivery reports, receiving with
 * reassembly, USSD, and reconnection when the port vanishes. Built from the AT engine (one per
 * open port), the SMS send queue and receiver, the USSD service and the connection supervisor.
 */
export class GsmModem {
  private readonly clock: Clock;
  private readonly references: MessageReferenceRegistry;
  private readonly sender: SmsSendQueue;
  private readonly receiver: SmsReceiver;
  private readonly ussdService: UssdService;
  private readonly supervisor: ConnectionSupervisor;
  private readonly listeners: Listeners = {
    message: new Set(),
    'status-report': new Set(),
    'incomplete-message': new Set(),
    ussd: new Set(),
    state: new Set(),
    registration: new Set(),
    error: new Set(),
  };
  private engine: AtEngine | undefined;
  private transport: SerialTransport | undefined;
  /** Ends the current session as a lost port would (the supervisor then sets up a new one). */
  private loseSession: ((error: Error) => void) | undefined;
  private connection: ConnectionState = 'closed';
  private closed = false;
  private started = false;

  constructor(private readonly options: GsmModemOptions) {
    this.clock = options.clock ?? systemClock;
    this.references = new MessageReferenceRegistry(options.sentParts);
    const sendOptions = {
      clock: this.clock,
      references: this.references,
      ...(options.messagesPerMinute !== undefined ? { messagesPerMinute: options.messagesPerMinute } : {}),
      ...(options.minGapMs !== undefined ? { minGapMs: options.minGapMs } : {}),
      ...(options.sendTimeoutMs !== undefined ? { sendTimeoutMs: options.sendTimeoutMs } : {}),
    };
    this.sender = new SmsSendQueue(sendOptions);
    this.receiver = new SmsReceiver({
      clock: this.clock,
      references: this.references,
      ...(options.reassemblyTimeoutMs !== undefined ? { reassemblyTimeoutMs: options.reassemblyTimeoutMs } : {}),
      ...(options.listTimeoutMs !== undefined ? { listTimeoutMs: options.listTimeoutMs } : {}),
      ...(options.maxUnclaimedReports !== undefined ? { maxUnclaimedReports: options.maxUnclaimedReports } : {}),
      deliver: (message) => this.deliver(message),
      statusReport: (status) => this.deliverStatus(status),
      incomplete: (message) => this.emit('incomplete-message', message),
      error: (error) => this.emit('error', error),
    });
    this.ussdService = new UssdService({
      clock: this.clock,
      timeoutMs: options.ussdTimeoutMs ?? 30_000,
      textForm: options.ussdTextForm ?? 'auto',
      characterSet: options.characterSet ?? 'GSM',
      onUnsolicited: (exchange) => this.emit('ussd', exchange),
    });
    this.supervisor = new ConnectionSupervisor({
      clock: this.clock,
      establish: () => this.establish(),
      policy: options.reconnect ?? {},
      isFatal: (error) => error instanceof ModemPinError || error instanceof ModemSimError,
      onState: (state, error) => this.setConnection(state, error),
    });
  }

  /** Opens the port and brings the modem up. Rejects with a ModemError saying what is wrong. */
  async start(): Promise<void> {
    if (this.closed) throw new ModemUnavailableError('this modem was closed; create a new GsmModem');
    if (this.started) return;
    this.started = true;
    try {
      await this.supervisor.start();
    } catch (error) {
      // Nothing half-open stays behind a failed start: queued sends are settled, timers stopped.
      await this.close();
      throw error;
    }
  }

  get state(): GsmModemState {
    return { connection: this.connection, health: this.engine?.health ?? 'closed' };
  }

  async info(): Promise<ModemDeviceInfo> {
    return readDeviceInfo(this.requireEngine());
  }

  /**
   * Queues the message for each recipient and resolves once every part is settled. While the
   * port is away the parts wait for it to come back.
   */
  send(request: SendRequest): Promise<SendResult[]> {
    if (this.closed) return Promise.reject(new ModemUnavailableError('modem closed'));
    return this.sender.send(request);
  }

  /** Stored messages (reassembled). With `delete`, complete messages are removed from the SIM. */
  inbox(options: { delete?: boolean } = {}): Promise<InboundMessage[]> {
    this.requireEngine();
    return this.receiver.inbox(options.delete === true);
  }

  /**
   * Deletes these stored messages (as `inbox()` listed them) from the SIM once the caller has
   * handed them on; a slot that holds another message by now is left alone. Resolves to how many
   * were deleted.
   */
  deleteStored(messages: readonly InboundMessage[]): Promise<number> {
    this.requireEngine();
    return this.receiver.remove(messages);
  }

  /**
   * The status reports stored on the SIM (read memory and "SR"), each naming its slot in
   * `raw.source`; nothing is handed on or deleted. Reports wait there while no `status-report`
   * handler takes them, for a polling host to list and then delete with `deleteStoredReports`.
   */
  storedReports(): Promise<DeliveryStatus[]> {
    this.requireEngine();
    return this.receiver.storedReports();
  }

  /** Deletes these stored reports (as `storedReports()` listed them) once the caller handed them on; a slot that holds another report by now is left alone. */
  deleteStoredReports(reports: readonly DeliveryStatus[]): Promise<number> {
    this.requireEngine();
    return this.receiver.removeReports(reports);
  }

  /** Registration, operator and signal now (three queries; a field the modem will not tell is left out). */
  async networkStatus(): Promise<ModemNetworkStatus> {
    return readNetworkStatus(this.requireEngine());
  }

  /**
   * Resets the modem (`AT+CFUN=1,1`). A reset modem forgets the session (PIN, PDU mode,
   * indications), so the port is dropped and the supervisor sets the session up again as after an
   * unplug; sends queue meanwhile.
   */
  async restart(): Promise<void> {
    const engine = this.requireEngine();
    await engine.run('AT+CFUN=1,1');
    if (this.engine === engine) this.loseSession?.(new ModemUnavailableError('the modem is restarting (AT+CFUN=1,1)'));
  }

  /** Hands every stored message and status report to the `message` / `status-report` handlers now (also done after each connect). */
  sweep(): Promise<void> {
    this.requireEngine();
    return this.receiver.sweep();
  }

  /** Sends a USSD code (or the answer to an open menu, when the last reply had `awaitingInput`). */
  ussd(code: string): Promise<UssdExchange> {
    return this.ussdService.request(code, this.requireEngine());
  }

  ussdCancel(): Promise<void> {
    return this.ussdService.cancel(this.requireEngine());
  }

  on<K extends keyof GsmModemEvents>(event: K, listener: GsmModemEvents[K]): this {
    (this.listeners[event] as Set<GsmModemEvents[K]>).add(listener);
    return this;
  }

  off<K extends keyof GsmModemEvents>(event: K, listener: GsmModemEvents[K]): this {
    (this.listeners[event] as Set<GsmModemEvents[K]>).delete(listener);
    return this;
  }

  /** Stops reconnecting, settles queued sends as failed, closes the port. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.supervisor.stop();
    this.sender.abandon('modem closed before the part was sent');
    this.receiver.dispose();
    this.sender.detach();
    this.engine?.dispose();
    this.engine = undefined;
    const transport = this.transport;
    this.transport = undefined;
    await transport?.close().catch(() => undefined);
    this.setConnection('closed');
  }

  private async establish(): Promise<SupervisedSession> {
    const transport = await this.openTransport();
    let markLost: (error: Error | undefined) => void = () => undefined;
    const lost = new Promise<Error | undefined>((resolve) => (markLost = resolve));
    const onClose = (error?: Error): void => {
      transport.off('close', onClose);
      transport.off('error', onClose);
      if (this.engine === engine) this.dropSession();
      // A port that reported an error is not trusted again: close it so the next session starts clean.
      if (transport.isOpen) void transport.close().catch(() => undefined);
      markLost(error);
    };
    transport.on('close', onClose);
    transport.on('error', onClose);
    const engine = new AtEngine(transport, {
      clock: this.clock,
      ...(this.options.commandTimeoutMs !== undefined ? { defaultTimeoutMs: this.options.commandTimeoutMs } : {}),
      onHealth: () => this.emit('state', this.state),
      onHandlerError: (error) => this.emit('error', error),
      onTimeout: (consecutive) => {
        const limit = this.options.reopenAfterTimeouts ?? 3;
        // A hung modem often recovers when its port is reopened; the supervisor does that.
        if (limit > 0 && consecutive >= limit && this.engine === engine) onClose(new ModemUnavailableError(`${consecutive} commands timed out in a row; reopening the port`));
      },
    });
    engine.unsolicited.on('+CREG', (urc) => {
      const registration = parseNetworkRegistration(urc.line, false);
      if (registration) this.emit('registration', registration);
    });
    try {
      if (this.closed) throw new ModemUnavailableError('modem closed');
      const facts = await startModemSession(engine, this.options, this.clock);
      if (this.closed) throw new ModemUnavailableError('modem closed');
      this.engine = engine;
      this.transport = transport;
      this.loseSession = onClose;
      this.receiver.attach(engine, facts);
      this.ussdService.attach(engine, /huawei/i.test(facts.manufacturer ?? '') && (this.options.characterSet ?? 'GSM') === 'GSM');
      this.sender.attach(engine);
      if (this.options.sweepOnConnect !== false) this.receiver.sweep().catch((error: unknown) => this.emit('error', error));
      return { lost };
    } catch (error) {
      transport.off('close', onClose);
      transport.off('error', onClose);
      engine.dispose();
      await transport.close().catch(() => undefined);
      throw error;
    }
  }

  private async openTransport(): Promise<SerialTransport> {
    if (this.options.transport) {
      const transport = await this.options.transport();
      if (!transport.isOpen) await transport.open();
      return transport;
    }
    if (this.options.port === undefined) throw new ModemUnavailableError('no port or transport configured');
    const selector = typeof this.options.port === 'string' ? parsePortSelector(this.options.port) : this.options.port;
    const path = await findSerialPort(selector, this.options.lister);
    const transport = new SerialPortTransport({
      path,
      ...(this.options.baudRate !== undefined ? { baudRate: this.options.baudRate } : {}),
      ...(this.options.binding !== undefined ? { binding: this.options.binding } : {}),
      ...(this.options.hangupCheckMs !== undefined ? { hangupCheckMs: this.options.hangupCheckMs } : {}),
      clock: this.clock,
    });
    await transport.open();
    return transport;
  }

  private dropSession(): void {
    this.loseSession = undefined;
    this.sender.detach();
    this.receiver.detach();
    this.engine = undefined;
    this.transport = undefined;
  }

  private requireEngine(): AtEngine {
    if (!this.engine) {
      throw new ModemUnavailableError(this.closed ? 'modem closed' : `modem not ready (${this.connection})`, { details: { connection: this.connection } });
    }
    return this.engine;
  }

  private setConnection(connection: ConnectionState, error?: unknown): void {
    this.connection = connection;
    const state: GsmModemState = { connection, health: this.engine?.health ?? ('closed' as ModemHealth) };
    if (error !== undefined) state.error = error;
    this.emit('state', state);
  }

  /** Awaits every message handler; false when there is none (the message then stays stored). */
  private async deliver(message: InboundMessage): Promise<boolean> {
    const handlers = [...this.listeners.message];
    if (handlers.length === 0) return false;
    await Promise.all(handlers.map(async (handler) => handler(message)));
    return true;
  }

  /** Awaits every status-report handler; false when there is none (a stored report then stays stored). */
  private async deliverStatus(status: DeliveryStatus): Promise<boolean> {
    const handlers = [...this.listeners['status-report']];
    if (handlers.length === 0) return false;
    await Promise.all(handlers.map(async (handler) => handler(status)));
    return true;
  }

  private emit<K extends Exclude<keyof GsmModemEvents, 'message' | 'status-report'>>(event: K, ...args: Parameters<GsmModemEvents[K]>): void {
    for (const listener of this.listeners[event]) {
      try {
        (listener as (...a: unknown[]) => void)(...args);
      } catch (error) {
        if (event !== 'error') this.emit('error', error);
      }
    }
  }
}

