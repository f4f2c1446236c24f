import { EventEmitter } from 'node:events';
import { systemClock, type Clock } from '../../clock/clock';
import type { AtCommand } from './at-command';
import type { CommandContext, CommandTable } from './command-context';
import type { CommandOutcome } from './command-outcome';
import { createCommandTable } from './commands/create-command-table';
import { cmeError, cmsError, error, formatFinalResult, ok, type FinalResultCode } from './final-result-code';
import { MessageStorage, tpduLengthOf, type StorageName } from './message-storage';
import { defaultModemSettings, type ModemSettings } from './modem-settings';
import { parseAtCommandLine } from './parse-at-command-line';
import { buildDeliverPdus } from './pdu/build-deliver-pdus';
import type { IncomingSms } from './pdu/incoming-sms';
import { readDeliverClass } from './pdu/read-deliver-class';
import { readSubmitEnvelope } from './pdu/read-submit-envelope';
import { submitToDeliver } from './pdu/submit-to-deliver';
import type { ModemProfile, ModemProfileName } from './profiles/modem-profile';
import { resolveModemProfile } from './profiles/resolve-modem-profile';
import type { RadioState, RegistrationStatus } from './radio-state';
import { SimPinLock } from './sim-pin-lock';
import { textModeMessage } from './text-mode-format';
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

/** A message or status report put on the modem by the network, and what became of it. */
export interface IncomingDelivery {
  pdu: string;
  kind: 'sms' | 'status-report';
  /** Where it went: stored (storage + index), shown directly (+CMT/+CDS), or lost (storage full / routing off). */
  route: { stored: StorageName; index: number } | 'direct' | 'dropped';
}

type InputMode = { kind: 'command' } | { kind: 'prompt'; buffer: string; onInput: (input: string) => CommandOutcome; textMode: boolean };

const ctrlZ = '\x1a';
const escape = '\x1b';

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

  private settingsState: ModemSettings;
  private readonly storages: Record<StorageName, MessageStorage>;
  private readonly network: SimulatedNetwork;
  private readonly ussdSession: UssdSession;
  private readonly commands: CommandTable;
  private readonly context: CommandContext;
  private readonly links = new Set<(chunk: Buffer) => void>();
  private readonly timers = new Set<unknown>();
  private readonly options: VirtualModemOptions;

  private input = '';
  private lineBuffer = '';
  private mode: InputMode = { kind: 'command' };
  private lastCommandBody: string | null = null;
  private busy = false;
  private executing = false;
  private response = '';
  private afterReply: (() => void)[] = [];
  private heldUnsolicited: string[] = [];
  private heldIndications: string[][] = [];
  private nextMessageReference: number;
  private pendingAcknowledgements: unknown[] = [];
  private vanishedState = false;
  private closed = false;

  // Fault switches.
  private replyDelayMs = 0;
  private silent = false;
  private readonly sendErrors: number[] = [];
  private readonly midResponseLines: string[] = [];

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
    this.settingsState = defaultModemSettings(this.profile);
    this.commands = createCommandTable(this.profile);
    this.nextMessageReference = (options.firstMessageReference ?? 0) & 0xff;
    this.network = new SimulatedNetwork(options.network ?? {}, this.clock, {
      statusReport: (pdu) => this.routeStatusReport(pdu),
      incoming: (message) =>
        this.routeIncomingSms(submitToDeliver(message.pdu, { from: this.radio.ownNumber, smsc: this.radio.smscNumber, at: new Date(this.clock.now()) })),
    });
    this.ussdSession = new UssdSession(options.ussdMenu ?? {}, {
      dcs: options.ussd?.dcs ?? 15,
      replyTiming: options.ussd?.replyTiming ?? 'after-ok',
      replyDelayMs: options.ussd?.replyDelayMs ?? 500,
      sessionTimeoutMs: options.ussd?.sessionTimeoutMs ?? 30000,
    });
    this.context = this.createContext();
    if (options.periodicUrcIntervalMs !== undefined && this.profile.periodicUrcs.length > 0) this.repeatPeriodicUrcs(options.periodicUrcIntervalMs);
  }

  get settings(): Readonly<ModemSettings> {
    return this.settingsState;
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
    this.input += typeof data === 'string' ? data : Buffer.from(data).toString('latin1');
    this.pump();
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
    for (const pdu of pdus) this.routeIncomingSms(pdu);
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
    return this.routeIncomingSms(pdu);
  }

  /** A raw SMS-STATUS-REPORT PDU from the network (SMSC part first). */
  injectStatusReport(hex: string): IncomingDelivery {
    return this.routeStatusReport(hex.replace(/\s+/g, '').toUpperCase());
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
    this.settingsState = defaultModemSettings(this.profile);
    this.pinLock.relock();
    this.ussdSession.cancel();
    this.mode = { kind: 'command' };
    this.lineBuffer = '';
    this.later(this.options.bootDelayMs ?? 1000, () => this.announceBoot());
  }

  // ---- Faults ------------------------------------------------------------------------------

  /** Every answer (after the echo) comes this much later. */
  setReplyDelay(ms: number): void {
    this.replyDelayMs = Math.max(0, ms);
  }

  /** The next `AT+CMGS`/`AT+CMSS` answers `+CMS ERROR: <code>` (queue: call again for more). */
  failNextSend(code = 500): void {
    this.sendErrors.push(code);
  }

  /** Lines (e.g. `+CMTI: "SM",3`) put inside the next response, just before its final result. */
  injectBeforeNextFinalResult(...lines: string[]): void {
    this.midResponseLines.push(...lines);
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
    this.input = '';
    this.lineBuffer = '';
    this.mode = { kind: 'command' };
    this.busy = false;
    this.emit('vanish');
  }

  /** The port comes back (as after a USB re-enumeration: the modem has rebooted). */
  reappear(): void {
    if (!this.vanishedState) return;
    this.vanishedState = false;
    this.restart();
    this.emit('reappear');
  }

  // ---- Byte-level interpreter ----------------------------------------------------------------

  private pump(): void {
    while (!this.busy && this.input.length > 0) {
      const char = this.input[0]!;
      this.input = this.input.slice(1);
      if (this.mode.kind === 'prompt') this.promptCharacter(char, this.mode);
      else this.commandCharacter(char);
    }
  }

  private commandCharacter(char: string): void {
    if (this.settingsState.echo) this.output(char);
    if (char === '\r') {
      const line = this.lineBuffer;
      this.lineBuffer = '';
      this.executeLine(line);
      return;
    }
    if (char === '\n') return;
    if (char === '\b' || char === '\x7f') {
      this.lineBuffer = this.lineBuffer.slice(0, -1);
      return;
    }
    this.lineBuffer += char;
    // V.250 §5.2.4: A/ repeats the previous command line without waiting for CR.
    if (/^a\/$/i.test(this.lineBuffer)) {
      this.lineBuffer = '';
      if (this.lastCommandBody !== null) this.runCommandLine(this.lastCommandBody);
    }
  }

  private promptCharacter(char: string, mode: Extract<InputMode, { kind: 'prompt' }>): void {
    if (char === ctrlZ) {
      this.mode = { kind: 'command' };
      this.continueLine(mode.onInput(mode.buffer), []);
      return;
    }
    if (char === escape) {
      this.mode = { kind: 'command' };
      this.finish(ok);
      return;
    }
    if (this.settingsState.echo) this.output(char);
    if (char === '\r' || char === '\n') {
      // Text mode takes several lines, each answered with a fresh prompt; PDU mode ignores line ends.
      if (mode.textMode && char === '\r') {
        mode.buffer += '\n';
        this.output(this.profile.prompt);
      }
      return;
    }
    mode.buffer += char;
  }

  private executeLine(line: string): void {
    const at = line.search(/at/i);
    if (at < 0) return; // V.250: characters before "AT" are ignored; a line without it gets no answer
    const body = line.slice(at + 2);
    this.lastCommandBody = body;
    this.runCommandLine(body);
  }

  private runCommandLine(body: string): void {
    this.commandLog.push(body);
    this.emit('command', body);
    this.executing = true;
    this.response = '';
    const commands = parseAtCommandLine(body);
    if (!commands) {
      this.finish(error);
      return;
    }
    this.runCommands(commands);
  }

  private runCommands(commands: AtCommand[]): void {
    for (let i = 0; i < commands.length; i++) {
      const outcome = this.dispatch(commands[i]!);
      if (outcome.kind === 'prompt') {
        this.mode = { kind: 'prompt', buffer: '', onInput: outcome.onInput, textMode: this.settingsState.messageFormat === 1 };
        this.respond(this.response + this.profile.prompt, false);
        this.response = '';
        return;
      }
      if (!this.continueWith(outcome)) return;
    }
    this.finish(ok);
  }

  /** After the prompt's input: the outcome of the command that prompted, then the final result. */
  private continueLine(outcome: CommandOutcome, rest: AtCommand[]): void {
    if (!this.continueWith(outcome)) return;
    this.runCommands(rest);
  }

  /** Adds a finished command's lines; false (and the line finished) when it failed. */
  private continueWith(outcome: CommandOutcome): boolean {
    if (outcome.kind === 'fail') {
      this.finish(outcome.result);
      return false;
    }
    if (outcome.kind === 'done' && outcome.lines.length > 0) this.response += this.informationBlock(outcome.lines);
    return true;
  }

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

  private finish(result: FinalResultCode): void {
    let text = this.response;
    this.response = '';
    if (this.midResponseLines.length > 0) {
      text += this.informationBlock(this.midResponseLines.splice(0));
    }
    if (!this.settingsState.quiet) {
      const final = formatFinalResult(result, this.settingsState.verbose, this.settingsState.cmee);
      text += this.settingsState.verbose ? `\r\n${final}\r\n` : `${final}\r`;
    }
    this.respond(text, true);
  }

  /** Sends a response now or after the reply delay; `final` ends the command line. */
  private respond(text: string, final: boolean): void {
    const complete = () => {
      this.output(text);
      if (final) {
        this.executing = false;
        for (const action of this.afterReply.splice(0)) action();
        this.flushHeldUnsolicited();
      }
    };
    if (this.replyDelayMs === 0) {
      complete();
      return;
    }
    this.busy = true;
    this.later(this.replyDelayMs, () => {
      this.busy = false;
      complete();
      this.pump();
    });
  }

  private informationBlock(lines: string[]): string {
    return this.settingsState.verbose ? `\r\n${lines.join('\r\n')}\r\n` : `${lines.join('\r\n')}\r\n`;
  }

  private output(text: string): void {
    if (this.silent || this.vanishedState || this.closed || text.length === 0) return;
    const chunk = Buffer.from(text, 'latin1');
    for (const link of this.links) link(chunk);
  }

  // ---- Unsolicited results and incoming messages ---------------------------------------------

  private emitUnsolicitedLines(lines: string[]): void {
    if (this.executing || this.busy || this.mode.kind === 'prompt') {
      // A real TA holds URCs while the TA-TE link is reserved by a command (TS 27.005 +CNMI <mode> 1).
      this.heldUnsolicited.push(this.unsolicitedBlock(lines));
      return;
    }
    this.output(this.unsolicitedBlock(lines));
  }

  private unsolicitedBlock(lines: string[]): string {
    return `\r\n${lines.join('\r\n')}\r\n`;
  }

  private flushHeldUnsolicited(): void {
    const held = this.heldUnsolicited.splice(0);
    for (const block of held) this.output(block);
  }

  /** +CNMI <mode> 0 keeps SMS indications in the TA until the host asks for them. */
  private emitIndication(lines: string[]): void {
    if (this.settingsState.cnmi[0] === 0) {
      this.heldIndications.push(lines);
      return;
    }
    this.emitUnsolicitedLines(lines);
  }

  private flushHeldIndications(): void {
    const [mode, , , , bufferedResultCodes] = this.settingsState.cnmi;
    if (mode === 0) return;
    const held = this.heldIndications.splice(0);
    if (bufferedResultCodes === 0) for (const lines of held) this.emitUnsolicitedLines(lines);
  }

  private routeIncomingSms(pdu: string): IncomingDelivery {
    const messageClass = readDeliverClass(pdu);
    const mt = this.settingsState.cnmi[1];
    const direct = (mt === 2 && messageClass !== 2) || (mt === 3 && messageClass === 3);
    let route: IncomingDelivery['route'];
    if (direct) {
      route = 'direct';
      this.emitIndication(this.directIndication('+CMT', pdu));
      this.expectAcknowledgement();
    } else {
      const storageName = this.settingsState.preferredStorages[2];
      const stored = this.storages[storageName === 'SR' ? 'SM' : storageName].store(pdu, 0);
      if (!stored) route = 'dropped';
      else {
        route = { stored: storageName === 'SR' ? 'SM' : storageName, index: stored.index };
        if (mt !== 0) this.emitIndication([`+CMTI: "${route.stored}",${stored.index}`]);
      }
    }
    const delivery: IncomingDelivery = { pdu, kind: 'sms', route };
    this.deliveries.push(delivery);
    this.emit('delivery', delivery);
    return delivery;
  }

  private routeStatusReport(pdu: string): IncomingDelivery {
    const ds = this.settingsState.cnmi[3];
    let route: IncomingDelivery['route'] = 'dropped';
    if (ds === 1) {
      route = 'direct';
      this.emitIndication(this.directIndication('+CDS', pdu));
      this.expectAcknowledgement();
    } else if (ds === 2) {
      const stored = this.storages.SR.store(pdu, 0);
      if (stored) {
        route = { stored: 'SR', index: stored.index };
        this.emitIndication([`+CDSI: "${this.profile.statusReportAnnouncedStorage}",${stored.index}`]);
      }
    }
    const delivery: IncomingDelivery = { pdu, kind: 'status-report', route };
    this.deliveries.push(delivery);
    this.emit('delivery', delivery);
    return delivery;
  }

  /** `+CMT`/`+CDS` lines: length and PDU in PDU mode, header and text in text mode (TS 27.005 §3.4.1). */
  private directIndication(prefix: '+CMT' | '+CDS', pdu: string): string[] {
    if (this.settingsState.messageFormat === 0) return prefix === '+CMT' ? [`+CMT: ,${tpduLengthOf(pdu)}`, pdu] : [`+CDS: ${tpduLengthOf(pdu)}`, pdu];
    const shown = textModeMessage(pdu, this.settingsState.characterSet);
    return shown.text === null ? [`${prefix}: ${shown.header}`] : [`${prefix}: ${shown.header}`, shown.text];
  }

  /** TS 27.005 +CNMI: with CSMS=1 an unacknowledged +CMT/+CDS switches routing off (mt = ds = 0). */
  private expectAcknowledgement(): void {
    if (this.settingsState.smsService !== 1) return;
    const handle = this.later(this.options.acknowledgementTimeoutMs ?? 15000, () => {
      this.pendingAcknowledgements = this.pendingAcknowledgements.filter((pending) => pending !== handle);
      this.settingsState.cnmi[1] = 0;
      this.settingsState.cnmi[3] = 0;
      this.emit('acknowledgement-timeout');
    });
    this.pendingAcknowledgements.push(handle);
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
      get clock() {
        return modem.clock;
      },
      get ussd() {
        return modem.ussdSession;
      },
      storage: (name) => this.storages[name],
      resetSettings: () => {
        this.settingsState = defaultModemSettings(this.profile);
      },
      restartAfterReply: () => {
        this.afterReply.push(() => this.restart());
      },
      submitToNetwork: (pdu) => this.submit(pdu),
      acknowledgeDelivery: () => {
        const handle = this.pendingAcknowledgements.shift();
        if (handle === undefined) return false;
        this.clock.clearTimeout(handle);
        this.timers.delete(handle);
        return true;
      },
      flushHeldIndications: () => {
        this.afterReply.push(() => this.flushHeldIndications());
      },
      emitUnsolicited: (lines) => this.emitUnsolicitedLines(lines),
      later: (ms, action) => {
        this.later(ms, action);
      },
    };
  }
}
