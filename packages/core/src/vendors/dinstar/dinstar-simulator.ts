import { startClockTimer, type ClockTimer } from '../../clock/clock-timer';
import type { GatewaySimulator, SimulatorOptions } from '../../simulator/gateway-simulator';
import { basicCredentials, DigestAuthenticator, isKnownAccount } from '../../simulator/simulator-credentials';
import { jsonReply, type SimulatorReply, type SimulatorRequest } from '../../simulator/simulator-request';
import { SimulatorServer } from '../../simulator/simulator-server';
import type { SimulatedInbound } from '../../simulator/simulated-network';
import { answer, type ApiAnswer } from './dinstar-simulator/api-answer';
import { handleGetPortInfo } from './dinstar-simulator/get-port-info-handler';
import { handleGetStatus } from './dinstar-simulator/get-status-handler';
import { DinstarNetworkListener } from './dinstar-simulator/network-listener';
import { setPortRegistration } from './dinstar-simulator/port-registration';
import { handleQueryDeliverStatus } from './dinstar-simulator/query-deliver-status-handler';
import { handleQueryIncomingSms } from './dinstar-simulator/query-incoming-sms-handler';
import { handleQuerySmsResult } from './dinstar-simulator/query-sms-result-handler';
import { handleQueryUssdReply } from './dinstar-simulator/query-ussd-reply-handler';
import { handleSendSms } from './dinstar-simulator/send-sms-handler';
import { handleSendUssd } from './dinstar-simulator/send-ussd-handler';
import { handleSetPortInfo } from './dinstar-simulator/set-port-info-handler';
import { DEFAULT_SIMULATED_PORTS, type SimulatedDinstarPort } from './dinstar-simulator/simulated-port';
import type { DinstarSimulatorState, SimulatedReport, SimulatedTask } from './dinstar-simulator/simulator-state';
import { handleStopSms } from './dinstar-simulator/stop-sms-handler';

export type { SimulatedDinstarPort } from './dinstar-simulator/simulated-port';

export interface DinstarSimulatorOptions extends SimulatorOptions {
  ports?: SimulatedDinstarPort[];
  /** Device serial in every answer and push (newer firmware); `null` leaves it out (older firmware). */
  sn?: string | null;
  /** `digest` (default), `basic`, or `either`. */
  authScheme?: 'digest' | 'basic' | 'either';
  /** Where pushes (firmware 1.0+) go; none when unset. */
  pushUrl?: string;
  /** The box's clock, minutes east of UTC. */
  utcOffsetMinutes?: number;
  /** Delay of a module reset before the port registers again (default 50 ms). */
  resetDelayMs?: number;
  /**
   * Send tasks and delivery reports kept for `stop_sms` and `query_sms_deliver_status`; older ones
   * are forgotten so a long-running simulator stays flat (default 50,000 of each).
   */
  historyLimit?: number;
}

/**
 * A Dinstar GSM gateway ("New Version API") over real HTTP: Digest auth with real nonce/qop
 * checks, errors as `error_code` in HTTP 200 bodies, ports with SIMs and registration states, the
 * send queue with tasks and per-port reference ids, delivery reports as TP-Status codes, the
 * incoming-SMS store with read flags, USSD with delayed replies, and JSON pushes to `pushUrl`.
 * One handler per `/api/` operation, and the network listener, in `dinstar-simulator/`.
 */
export class DinstarSimulator extends SimulatorServer implements GatewaySimulator, DinstarSimulatorState {
  readonly gateway = 'dinstar' as const;
  readonly ports: SimulatedDinstarPort[];
  readonly reports: SimulatedReport[] = [];
  readonly tasks = new Map<number, SimulatedTask>();
  pushUrl: string | undefined;
  readonly utcOffsetMinutes: number;
  readonly historyLimit: number;
  private readonly sn: string | undefined;
  private readonly authScheme: 'digest' | 'basic' | 'either';
  private readonly resetDelayMs: number;
  private readonly timers = new Set<ClockTimer>();
  private digest: DigestAuthenticator;
  private nextTaskId = 1;
  private nextIncomingId = 1;
  private nextPortCursor = 0;
  private readonly nextRefId = new Map<number, number>();

  constructor(options: DinstarSimulatorOptions = {}) {
    super(options, [{ username: 'admin', password: 'dinstar-secret' }]);
    this.ports = (options.ports ?? DEFAULT_SIMULATED_PORTS).map((port) => ({ ...port }));
    this.sn = options.sn === null ? undefined : (options.sn ?? 'dc42-0b30-7a1e-5f21');
    this.authScheme = options.authScheme ?? 'digest';
    this.pushUrl = options.pushUrl;
    this.utcOffsetMinutes = options.utcOffsetMinutes ?? 0;
    this.resetDelayMs = options.resetDelayMs ?? 50;
    this.historyLimit = options.historyLimit ?? 50_000;
    this.digest = new DigestAuthenticator('dinstar', () => this.accounts);

    this.api('POST', 'send_sms', (request) => handleSendSms(this, request));
    this.api('POST', 'query_sms_result', (request) => handleQuerySmsResult(this, request));
    this.api('POST', 'query_sms_deliver_status', (request) => handleQueryDeliverStatus(this, request));
    this.api('*', 'query_sms_in_queue', () => answer(200, { in_queue: this.network.queuedCount() }));
    this.api('*', 'query_incoming_sms', (request) => handleQueryIncomingSms(this, request));
    this.api('POST', 'send_ussd', (request) => handleSendUssd(this, request));
    this.api('*', 'query_ussd_reply', (request) => handleQueryUssdReply(this, request));
    this.api('*', 'stop_sms', (request) => handleStopSms(this, request));
    this.api('*', 'get_port_info', (request) => handleGetPortInfo(this, request));
    this.api('*', 'set_port_info', (request) => handleSetPortInfo(this, request));
    this.api('POST', 'get_status', (request) => handleGetStatus(request));
    this.api('POST', 'get_cdr', () => answer(200, { cdr: [] }));

    const listener = new DinstarNetworkListener(this);
    this.network.on('status', (message) => listener.status(message));
    this.network.on('inbound', (inbound) => listener.inbound(inbound));
    this.network.on('ussd', (session) => listener.ussd(session));
  }

  /** A received SMS arrives on a port (default: the first registered one). */
  injectInbound(options: { from: string; text: string; port?: number; smsc?: string; receivedAt?: number }): SimulatedInbound {
    const port = this.ports.find((candidate) => candidate.port === options.port) ?? this.ports.find((candidate) => candidate.reg === 'REGISTER_OK') ?? this.ports[0]!;
    return this.network.injectInbound({
      from: options.from,
      text: options.text,
      to: port.number,
      channel: `port-${port.port}`,
      smsc: options.smsc ?? port.smsc,
      ...(options.receivedAt === undefined ? {} : { receivedAt: options.receivedAt }),
      meta: { incomingSmsId: this.takeIncomingSmsId(), port: port.port },
    });
  }

  /** Forgets every nonce: the next authenticated request gets a 401 with `stale=true` (the sporadic 401 of real boxes). */
  expireNonces(): void {
    this.digest = new DigestAuthenticator('dinstar', () => this.accounts);
  }

  override async stop(): Promise<void> {
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
    await super.stop();
  }

  takeTaskId(): number {
    return this.nextTaskId++;
  }

  takeIncomingSmsId(): number {
    return this.nextIncomingId++;
  }

  nextPortOf(candidates: readonly SimulatedDinstarPort[]): SimulatedDinstarPort {
    return candidates[this.nextPortCursor++ % candidates.length]!;
  }

  takeRefIds(port: number, count: number): number {
    const first = this.nextRefId.get(port) ?? 0;
    this.nextRefId.set(port, (first + count) % 256);
    return first;
  }

  /** The module registers again `resetDelayMs` later (a test may set it beyond one Node timer's reach). */
  registerAfterReset(port: SimulatedDinstarPort): void {
    if (!this.isRunning) return;
    const timer = startClockTimer(this.clock, this.resetDelayMs, () => {
      this.timers.delete(timer);
      setPortRegistration(this, port, port.imsi ? 'REGISTER_OK' : 'NO_SIM');
    });
    this.timers.add(timer);
  }

  push(event: Record<string, unknown>): void {
    if (!this.pushUrl) return;
    void this.pushes.send({
      url: this.pushUrl,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...(this.sn === undefined ? {} : { sn: this.sn }), ...event }),
    });
  }

  now(): number {
    return this.clock.now();
  }

  protected override authRefusedReply(_request: SimulatorRequest): SimulatorReply {
    return this.unauthorized(false);
  }

  protected override describeNotes(): string[] {
    return [
      `HTTP ${this.authScheme === 'basic' ? 'Basic' : 'Digest'} auth; JSON API under /api/ (send_sms, query_sms_result, query_incoming_sms, send_ussd …).`,
      'Ports 0, 2, 3 registered, port 1 has no SIM. Numbers ending 666 fail, 999 are never delivered, 888 expire. USSD *100# answers a balance.',
    ];
  }

  private unauthorized(stale: boolean): SimulatorReply {
    const headers: Record<string, string> = { 'content-type': 'text/html' };
    if (this.authScheme !== 'basic') headers['www-authenticate'] = this.digest.challenge(stale);
    else headers['www-authenticate'] = 'Basic realm="dinstar"';
    return { status: 401, headers, body: '<html><head><title>401 Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>' };
  }

  private authorize(request: SimulatorRequest): SimulatorReply | undefined {
    const header = request.headers.authorization ?? '';
    if (/^basic /i.test(header) && this.authScheme !== 'digest') {
      return isKnownAccount(this.accounts, basicCredentials(request)) ? undefined : this.unauthorized(false);
    }
    if (/^digest /i.test(header) && this.authScheme !== 'basic') {
      if (this.digest.verify(request, request.rawUrl)) return undefined;
      // A correct answer to a nonce we no longer know is a stale nonce, not a wrong password.
      const user = this.accounts.find((account) => header.includes(`username="${account.username}"`));
      return this.unauthorized(user !== undefined && /nonce="/.test(header));
    }
    return this.unauthorized(false);
  }

  /** Errors as `error_code` in an HTTP 200 JSON body, with the device serial when it has one. */
  private reply({ errorCode, fields }: ApiAnswer): SimulatorReply {
    return jsonReply({ error_code: errorCode, ...(this.sn === undefined ? {} : { sn: this.sn }), ...fields });
  }

  private api(method: string, operation: string, handle: (request: SimulatorRequest) => ApiAnswer): void {
    this.router.add(method, `/api/${operation}`, (request) => this.authorize(request) ?? this.reply(handle(request)));
  }
}
