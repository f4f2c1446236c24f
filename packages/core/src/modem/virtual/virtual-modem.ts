import { EventEmitter } from 'node:events';
import { systemClock, type Clock } from '../../clock/clock';
import type { AtCommand } from './at-command';
import { AtInterpreter } from './at-interpreter';
import type { CommandContext, CommandTable } from './command-context';
import type { CommandOutcome } from './command-outcome';
import { createCommandTable } from './commands/create-command-table';
import { cmeError, cmsError, error, type FinalResultCode } from './final-result-code';
import { IncomingMessageRouter, type IncomingDelivery } from './incoming-message-router';
import { MessageStorage, tpduLengthOf, type StorageName } from './message-storage';
import { defaultVirtualModemSettings, type VirtualModemSettings } from './virtual-modem-settings';
import { buildDeliverPdus } from './pdu/build-deliver-pdus';
import type { IncomingSms } from './pdu/incoming-sms';
import { readDeliverClass } from './pdu/read-deliver-class';
import { readSubmitEnvelope } from './pdu/read-submit-envelope';
import { submitToDeliver } from './pdu/submit-to-deliver';
import type { ModemProfile, ModemProfileName } from './profiles/modem-profile';
import { resolveModemProfile } from './profiles/resolve-modem-profile';
import type { RadioState, RegistrationStatus } from './radio-state';
import { SimPinLock } from './sim-pin-lock';
import { SimulatedNetwork, type SimulatedNetworkOptions, type SubmittedMessage } from './simulated-network';
import { UssdSession, type UssdBehaviour, type UssdMenu } from './ussd-session';
import { VirtualModemError } from './virtual-modem-error';
import { VirtualModemTransport } from './virtual-modem-transport';

export interface VirtualModemOptions {
  /** Vendor dialect; default `simcom`. */
  profile?: ModemProfileName | ModemProfile;
  clock?: Clock;
  /** SIM PIN; null (default) = no PIN asked. */
  pin?: string | null;
  puk?: string;
  /** SMSC the SIM knows (`AT+CSCA?`). */
  smsc?: string;
  /** The SIM's own number (`AT+CNUM`); messages sent to it come back. */
  ownNumber?: string;
  operatorName?: string;
  registration?: RegistrationStatus;
  rssi?: number;
  /** Slots per storage; defaults SM 30, ME 100, SR 20. */
  storageCapacity?: Partial<Record<StorageName, number>>;
  network?: SimulatedNetworkOptions;
  ussdMenu?: UssdMenu;
  ussd?: Partial<UssdBehaviour>;
  /** TP-MR the first `AT+CMGS` answers with; it then counts up modulo 256. Default 0. */
  firstMessageReference?: number;
  /** Time a `+CMT`/`+CDS` waits for `AT+CNMA` when CSMS=1 before routing is switched off. Default 15000 ms. */
  acknowledgementTimeoutMs?: number;
  /** Delay between a reset (`AT+CFUN=1,1`, `restart()`) and the boot URCs. Default 1000 ms. */
  bootDelayMs?: number;
  /** Print the profile's boot URCs whenever a host opens the in-process transport. Default false. */
  bootUrcsOnOpen?: boolean;
  /** Repeat the profile's periodic URCs (Huawei `^RSSI`) this often while `^CURC` allows. Default never. */
  periodicUrcIntervalMs?: number;
}

/** A host connected to the modem's serial side (the in-process transport or the pty bridge). */
export interface ModemLink {
  /** Bytes from the host to the modem. */
  write(data: string | Uint8Array): void;
  detach(): void;
}

/**
 * An AT-speaking GSM modem in software: a byte-level command interpreter with echo, a SIM with
 * message storages and a PIN, a simulated network that delivers, reports and answers USSD, vendor
 * dialects and fault switches. Hosts reach it through `transport()` (in-process) or a pty.
 */
export class VirtualModem extends EventEmitter {
  readonly profile: ModemProfile;
  readonly clock: Clock;
  readonly radio: RadioState;
  readonly pinLock: SimPinLock;
  /** Every SUBMIT the modem accepted, oldest first. */
  readonly submitted: SubmittedMessage[] = [];
  /** Every message and status report the network delivered, oldest first. */
  readonly deliveries: IncomingDelivery[] = [];
  /** Command lines received (the text after AT), oldest first: what a client really sent. */
  readonly commandLog: string[] = [];

  private settingsState: VirtualModemSettings;
  private readonly storages: Record<StorageName, MessageStorage>;
  private readonly network: SimulatedNetwork;
  private readonly ussdSession: UssdSession;
  private readonly commands: CommandTable;
  private readonly context: CommandContext;
  private readonly router: IncomingMessageRouter;
  private readonly links = new Set<(chunk: Buffer) => void>();
  private readonly timers = new Set<unknown>();
  private readonly options: VirtualModemOptions;

  private nextMessageReference: number;
  private vanishedState = false;
  private closed = false;

  private readonly interpreter: AtInterpreter;
  // Fault switches (reply delay and mid-response lines live in the interpreter).
  private silent = false;
  private readonly sendErrors: number[] = [];

  constructor(options: VirtualModemOptions = {}) {
    super();
    this.options = options;
    this.profile = resolveModemProfile(options.profile);
    this.clock = options.clock ?? systemClock;
    this.pinLock = new SimPinLock(options.pin ?? null, options.puk ?? '12345678');
    this.radio = {
      registration: options.registration ?? 1,
      locationAreaCode: '1A2B',
      cellId: '00C3D4E5',
      operatorName: options.operatorName ?? 'Virtual Mobile',
      rssi: options.rssi ?? 21,
      ber: 0,
      smscNumber: options.smsc ?? '+447785016005',
      ownNumber: options.ownNumber ?? '+447700900001',
      functionality: 1,
    };
    const capacity = options.storageCapacity ?? {};
    this.storages = {
      SM: new MessageStorage('SM', capacity.SM ?? 30),
      ME: new MessageStorage('ME', capacity.ME ?? 100),
      SR: new MessageStorage('SR', capacity.SR ?? 20),
    };
    this.settingsState = defaultVirtualModemSettings(this.profile);
    this.commands = createCommandTable(this.profile);
    this.nextMessageReference = (options.firstMessageReference ?? 0) & 0xff;
    this.network = new SimulatedNetwork(options.network ?? {}, this.clock, {
      statusReport: (pdu) => this.deliver((router) => router.routeStatusReport(pdu)),
      incoming: (message) =>
        this.deliver((router) =>
          router.routeSms(submitToDeliver(message.pdu, { from: this.radio.ownNumber, smsc: this.radio.smscNumber, at: new Date(this.clock.now()) })),
        ),
    });
    this.ussdSession = new UssdSession(options.ussdMenu ?? {}, {
      dcs: options.ussd?.dcs ?? 15,
      replyTiming: options.ussd?.replyTiming ?? 'after-ok',
      replyDelayMs: options.ussd?.replyDelayMs ?? 500,
      sessionTimeoutMs: options.ussd?.sessionTimeoutMs ?? 30000,
    });
    this.context = this.createContext();
    this.interpreter = new AtInterpreter({
      settings: () => this.settingsState,
      prompt: () => this.profile.prompt,
      dispatch: (command) => this.dispatch(command),
      output: (text) => this.output(text),
      later: (ms, action) => this.later(ms, action),
      commandLine: (body) => {
        this.commandLog.push(body);
        this.emit('command', body);
      },
    });
    this.router = new IncomingMessageRouter({
      profile: this.profile,
      settings: () => this.settingsState,
      storage: (name) => this.storages[name],
      emitUnsolicited: (lines) => this.emitUnsolicitedLines(lines),
      later: (ms, action) => this.later(ms, action),
      cancel: (handle) => {
        this.clock.clearTimeout(handle);
        this.timers.delete(handle);
      },
      acknowledgementTimeoutMs: options.acknowledgementTimeoutMs ?? 15000,
      acknowledgementTimedOut: () => this.emit('acknowledgement-timeout'),
    });
    if (options.periodicUrcIntervalMs !== undefined && this.profile.periodicUrcs.length > 0) this.repeatPeriodicUrcs(options.periodicUrcIntervalMs);
  }

  get settings(): Readonly<VirtualModemSettings> {
    return this.settingsState;
  }

  /** Every USSD request the network received, decoded, oldest first. */
  get ussdRequests(): readonly string[] {
    return this.ussdSession.requests;
  }

  get vanished(): boolean {
    return this.vanishedState;
  }

  storage(name: StorageName): MessageStorage {
    return this.storages[name];
  }

  // ---- Hosts -------------------------------------------------------------------------------

  /** A `SerialTransport` wired to this modem in-process; open it like a port. */
  transport(): VirtualModemTransport {
    return new VirtualModemTransport(this);
  }

  /** Connects a host: `onOutput` receives the modem's bytes, the returned link takes the host's. */
  attach(onOutput: (chunk: Buffer) => void): ModemLink {
    if (this.vanishedState) throw new VirtualModemError('SMSB_VMODEM_VANISHED', 'the virtual modem has vanished; call reappear() first');
    if (this.closed) throw new VirtualModemError('SMSB_VMODEM_NOT_OPEN', 'the virtual modem is closed');
    this.links.add(onOutput);
    if (this.options.bootUrcsOnOpen) this.later(0, () => this.announceBoot());
    return {
      write: (data) => this.receive(data),
      detach: () => {
        this.links.delete(onOutput);
      },
    };
  }

  /** Bytes typed by the host. */
  receive(data: string | Uint8Array): void {
    if (this.vanishedState || this.closed) return;
    this.interpreter.receive(typeof data === 'string' ? data : Buffer.from(data).toString('latin1'));
  }

  /** Stops every timer; the modem answers nothing afterwards. */
  close(): void {
    this.closed = true;
    this.network.dispose();
    for (const handle of this.timers) this.clock.clearTimeout(handle);
    this.timers.clear();
    this.links.clear();
  }

  // ---- Injection ---------------------------------------------------------------------------

  /** An SMS from the network; returns the PDUs delivered (one per part, in delivery order). */
  injectSms(sms: IncomingSms): string[] {
    const pdus = buildDeliverPdus(sms, { smsc: this.radio.smscNumber, now: new Date(this.clock.now()) });
    for (const pdu of pdus) this.deliver((router) => router.routeSms(pdu));
    return pdus;
  }

  /** A raw SMS-DELIVER PDU from the network (`hasSmsc` false: the TPDU alone). */
  injectPdu(hex: string, options: { hasSmsc?: boolean } = {}): IncomingDelivery {
    const clean = hex.replace(/\s+/g, '').toUpperCase();
    if (!/^([0-9A-F]{2})+$/.test(clean)) throw new VirtualModemError('SMSB_VMODEM_BAD_INJECTION', 'an injected PDU must be whole octets of hex');
    const pdu = options.hasSmsc === false ? `00${clean}` : clean;
    try {
      readDeliverClass(pdu);
    } catch (cause) {
      throw new VirtualModemError('SMSB_VMODEM_BAD_INJECTION', 'the injected PDU is not a readable SMS-DELIVER', { cause });
    }
    return this.deliver((router) => router.routeSms(pdu));
  }

  /** A raw SMS-STATUS-REPORT PDU from the network (SMSC part first). */
  injectStatusReport(hex: string): IncomingDelivery {
    const pdu = hex.replace(/\s+/g, '').toUpperCase();
    return this.deliver((router) => router.routeStatusReport(pdu));
  }

  /** Registration changes (and `+CREG:` URCs when enabled). */
  setRegistration(status: RegistrationStatus): void {
    if (this.radio.registration === status) return;
    this.radio.registration = status;
    const reporting = this.settingsState.registrationReporting;
    if (reporting === 1) this.emitUnsolicitedLines([`+CREG: ${status}`]);
    if (reporting === 2) this.emitUnsolicitedLines([this.registrationUrc()]);
  }

  setSignal(rssi: number): void {
    this.radio.rssi = rssi;
  }

  /** Arbitrary unsolicited lines, e.g. `RING` or a vendor URC. */
  emitUnsolicited(...lines: string[]): void {
    this.emitUnsolicitedLines(lines);
  }

  /** Power cycle: settings back to defaults, the PIN asked again, boot URCs after the boot delay. */
  restart(): void {
    this.settingsState = defaultVirtualModemSettings(this.profile);
    this.pinLock.relock();
    this.ussdSession.cancel();
    this.router.reset();
    this.interpreter.reset();
    this.later(this.options.bootDelayMs ?? 1000, () => this.announceBoot());
  }

  // ---- Faults ------------------------------------------------------------------------------

  /** Every answer (after the echo) comes this much later. */
  setReplyDelay(ms: number): void {
    this.interpreter.replyDelayMs = Math.max(0, ms);
  }

  /** The next `AT+CMGS`/`AT+CMSS` answers `+CMS ERROR: <code>` (queue: call again for more). */
  failNextSend(code = 500): void {
    this.sendErrors.push(code);
  }

  /** Lines (e.g. `+CMTI: "SM",3`) put inside the next response, just before its final result. */
  injectBeforeNextFinalResult(...lines: string[]): void {
    this.interpreter.beforeNextFinalResult.push(...lines);
  }

  /** The modem swallows everything and answers nothing (hung firmware). */
  stopAnswering(): void {
    this.silent = true;
  }

  resumeAnswering(): void {
    this.silent = false;
  }

  /** The port disappears: hosts see their port close, input is lost until `reappear()`. */
  vanish(): void {
    if (this.vanishedState) return;
    this.vanishedState = true;
    this.links.clear();
    this.interpreter.reset();
    this.emit('vanish');
  }

  /** The port comes back (as after a USB re-enumeration: the modem has rebooted). */
  reappear(): void {
    if (!this.vanishedState) return;
    this.vanishedState = false;
    this.restart();
    this.emit('reappear');
  }

  // ---- Interpreter hooks ----------------------------------------------------------------------

  /** One command of a line: the table entry, unless the SIM is locked and the command needs it. */
  private dispatch(command: AtCommand): CommandOutcome {
    const entry = this.commands[command.name];
    if (!entry) return { kind: 'fail', result: error };
    if (entry.needsSim && this.pinLock.status !== 'READY') {
      const puk = this.pinLock.status !== 'SIM PIN';
      if (entry.needsSim === 'sms') return { kind: 'fail', result: cmsError(puk ? 316 : 311) };
      return { kind: 'fail', result: cmeError(puk ? 12 : 11) };
    }
    return entry.handle(command, this.context);
  }

  private output(text: string): void {
    if (this.silent || this.vanishedState || this.closed || text.length === 0) return;
    const chunk = Buffer.from(text, 'latin1');
    for (const link of this.links) link(chunk);
  }

  private emitUnsolicitedLines(lines: string[]): void {
    this.interpreter.unsolicited(lines);
  }

  private deliver(route: (router: IncomingMessageRouter) => IncomingDelivery): IncomingDelivery {
    const delivery = route(this.router);
    this.deliveries.push(delivery);
    this.emit('delivery', delivery);
    return delivery;
  }

  private registrationUrc(): string {
    const { registration, locationAreaCode, cellId } = this.radio;
    return registration === 1 || registration === 5 ? `+CREG: ${registration},"${locationAreaCode}","${cellId}"` : `+CREG: ${registration}`;
  }

  /** The profile's power-on URCs, each its own line; a locked SIM stops them at its `+CPIN:` line. */
  private announceBoot(): void {
    for (const line of this.profile.bootUrcs) {
      if (line !== '+CPIN: READY') {
        this.emitUnsolicitedLines([line]);
        continue;
      }
      this.emitUnsolicitedLines([`+CPIN: ${this.pinLock.status}`]);
      if (this.pinLock.status !== 'READY') return;
    }
  }

  private repeatPeriodicUrcs(intervalMs: number): void {
    this.later(intervalMs, () => {
      if (this.settingsState.vendorReports && !this.vanishedState) {
        for (const line of this.profile.periodicUrcs) this.emitUnsolicitedLines([line.replace('{rssi}', String(this.radio.rssi))]);
      }
      this.repeatPeriodicUrcs(intervalMs);
    });
  }

  private later(ms: number, action: () => void): unknown {
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(handle);
      if (!this.closed) action();
    }, ms);
    this.timers.add(handle);
    return handle;
  }

  private submit(pdu: string): { messageReference: number } | { error: FinalResultCode } {
    const forced = this.sendErrors.shift();
    if (forced !== undefined) return { error: cmsError(forced) };
    if (this.radio.registration !== 1 && this.radio.registration !== 5) return { error: cmsError(331) };
    const envelope = readSubmitEnvelope(pdu);
    if (!envelope) return { error: cmsError(304) };
    const rule = this.network.ruleFor(envelope.destination);
    if (rule?.submitError !== undefined) return { error: cmsError(rule.submitError) };
    const messageReference = this.nextMessageReference;
    this.nextMessageReference = (this.nextMessageReference + 1) & 0xff;
    const message: SubmittedMessage = {
      pdu,
      tpduLength: tpduLengthOf(pdu),
      messageReference,
      destination: envelope.destination,
      statusReportRequested: envelope.statusReportRequested,
      submittedAt: this.clock.now(),
    };
    this.submitted.push(message);
    this.emit('submit', message);
    this.network.accept(message, { smsc: this.radio.smscNumber, ownNumber: this.radio.ownNumber });
    return { messageReference };
  }

  /** The view command handlers get: the modem's state and the few actions commands may take. */
  private createContext(): CommandContext {
    const modem = this;
    return {
      get profile() {
        return modem.profile;
      },
      get settings() {
        return modem.settingsState;
      },
      get pinLock() {
        return modem.pinLock;
      },
      get radio() {
        return modem.radio;
      },
      get ussd() {
        return modem.ussdSession;
      },
      storage: (name) => this.storages[name],
      resetSettings: () => {
        this.settingsState = defaultVirtualModemSettings(this.profile);
      },
      restartAfterReply: () => this.interpreter.afterFinalResult(() => this.restart()),
      submitToNetwork: (pdu) => this.submit(pdu),
      acknowledgeDelivery: () => this.router.acknowledge(),
      flushHeldIndications: () => this.interpreter.afterFinalResult(() => this.router.flushHeld()),
      emitUnsolicited: (lines) => this.emitUnsolicitedLines(lines),
      later: (ms, action) => {
        this.later(ms, action);
      },
    };
  }
}
