import { startClockTimer, type ClockTimer } from '../../clock/clock-timer';
import { countSegments } from '../../codec';
import type { GatewaySimulator, SimulatorOptions } from '../../simulator/gateway-simulator';
import { basicCredentials, DigestAuthenticator, isKnownAccount } from '../../simulator/simulator-credentials';
import { jsonReply, type SimulatorReply, type SimulatorRequest } from '../../simulator/simulator-request';
import { SimulatorServer } from '../../simulator/simulator-server';
import type { SimulatedInbound, SimulatedMessage, SimulatedUssd } from '../../simulator/simulated-network';
import { formatGatewayLocalTime, parseGatewayLocalTime } from '../shared/gateway-local-time';
import { DINSTAR_PORT_INFO_TYPES, type DinstarRegistration } from './dinstar-port-info';
import { DINSTAR_SEND_LIMITS } from './dinstar-send-chunks';

/** One GSM port (module + SIM) of the simulated box. */
export interface SimulatedDinstarPort {
  port: number;
  type: 'GSM' | 'CDMA' | 'WCDMA' | 'UNKNOWN';
  imei: string;
  imsi: string;
  iccid: string;
  smsc: string;
  number: string;
  reg: DinstarRegistration;
  slot: number;
  /** Shown as the port's text in `query_ussd_reply`: undefined = never used, ' ' = waiting. */
  ussdReply?: string;
}

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

const DEFAULT_PORTS: readonly Readonly<SimulatedDinstarPort>[] = [
  { port: 0, type: 'GSM', imei: '358967042917200', imsi: '460016529802214', iccid: '89860114840400428149', smsc: '+8613010868500', number: '', reg: 'REGISTER_OK', slot: 0 },
  { port: 1, type: 'WCDMA', imei: '863070017005173', imsi: '', iccid: '', smsc: '', number: '', reg: 'NO_SIM', slot: 0 },
  { port: 2, type: 'GSM', imei: '358967042917201', imsi: '460016529802215', iccid: '89860114840400428150', smsc: '+8613010868500', number: '', reg: 'REGISTER_OK', slot: 0 },
  { port: 3, type: 'GSM', imei: '358967042917202', imsi: '460016529802216', iccid: '89860114840400428151', smsc: '+8613010868500', number: '', reg: 'REGISTER_OK', slot: 0 },
];

/** TP-Status written into delivery reports for each final state. */
const TP_STATUS = { delivered: 0, failed: 65, expired: 70 } as const;

interface SimulatedReport {
  port: number;
  number: string;
  time: number;
  refId: number;
  statusCode: number;
  imsi: string;
}

interface SimulatedTask {
  id: number;
  messageIds: string[];
}

function isIntegerArray(value: unknown, min: number, max: number): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isInteger(item) && item >= min && item <= max);
}

/**
 * A Dinstar GSM gateway ("New Version API") over real HTTP: Digest auth with real nonce/qop
 * checks, errors as `error_code` in HTTP 200 bodies, ports with SIMs and registration states, the
 * send queue with tasks and per-port reference ids, delivery reports as TP-Status codes, the
 * incoming-SMS store with read flags, USSD with delayed replies, and JSON pushes to `pushUrl`.
 */
export class DinstarSimulator extends SimulatorServer implements GatewaySimulator {
  readonly gateway = 'dinstar' as const;
  readonly ports: SimulatedDinstarPort[];
  readonly reports: SimulatedReport[] = [];
  readonly tasks = new Map<number, SimulatedTask>();
  pushUrl: string | undefined;
  private readonly sn: string | undefined;
  private readonly authScheme: 'digest' | 'basic' | 'either';
  private readonly utcOffsetMinutes: number;
  private readonly resetDelayMs: number;
  private readonly historyLimit: number;
  private readonly timers = new Set<ClockTimer>();
  private digest: DigestAuthenticator;
  private nextTaskId = 1;
  private nextIncomingId = 1;
  private nextPortCursor = 0;
  private readonly nextRefId = new Map<number, number>();

  constructor(options: DinstarSimulatorOptions = {}) {
    super(options, [{ username: 'admin', password: 'dinstar-secret' }]);
    this.ports = (options.ports ?? DEFAULT_PORTS).map((port) => ({ ...port }));
    this.sn = options.sn === null ? undefined : (options.sn ?? 'dc42-0b30-7a1e-5f21');
    this.authScheme = options.authScheme ?? 'digest';
    this.pushUrl = options.pushUrl;
    this.utcOffsetMinutes = options.utcOffsetMinutes ?? 0;
    this.resetDelayMs = options.resetDelayMs ?? 50;
    this.historyLimit = options.historyLimit ?? 50_000;
    this.digest = new DigestAuthenticator('dinstar', () => this.accounts);

    this.api('POST', 'send_sms', (request) => this.handleSendSms(request));
    this.api('POST', 'query_sms_result', (request) => this.handleQuerySmsResult(request));
    this.api('POST', 'query_sms_deliver_status', (request) => this.handleQueryDeliverStatus(request));
    this.api('*', 'query_sms_in_queue', () => this.answer(200, { in_queue: this.network.queuedCount() }));
    this.api('*', 'query_incoming_sms', (request) => this.handleQueryIncomingSms(request));
    this.api('POST', 'send_ussd', (request) => this.handleSendUssd(request));
    this.api('*', 'query_ussd_reply', (request) => this.handleQueryUssdReply(request));
    this.api('*', 'stop_sms', (request) => this.handleStopSms(request));
    this.api('*', 'get_port_info', (request) => this.handleGetPortInfo(request));
    this.api('*', 'set_port_info', (request) => this.handleSetPortInfo(request));
    this.api('POST', 'get_status', (request) => this.handleGetStatus(request));
    this.api('POST', 'get_cdr', () => this.answer(200, { cdr: [] }));

    this.network.on('status', (message) => this.onStatus(message));
    this.network.on('inbound', (inbound) => this.onInbound(inbound));
    this.network.on('ussd', (session) => this.onUssd(session));
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
      meta: { incomingSmsId: this.nextIncomingId++, port: port.port },
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

  private answer(errorCode: number, fields: Record<string, unknown> = {}): SimulatorReply {
    return jsonReply({ error_code: errorCode, ...(this.sn === undefined ? {} : { sn: this.sn }), ...fields });
  }

  private api(method: string, operation: string, handle: (request: SimulatorRequest) => SimulatorReply): void {
    this.router.add(method, `/api/${operation}`, (request) => this.authorize(request) ?? handle(request));
  }

  private json(request: SimulatorRequest): unknown {
    try {
      return JSON.parse(request.body);
    } catch {
      return undefined;
    }
  }

  private listParameter(request: SimulatorRequest, name: string): string[] | undefined {
    const value = request.query[name];
    return value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  }

  private usablePorts(requested: number[] | undefined): SimulatedDinstarPort[] {
    return this.ports.filter((port) => port.reg === 'REGISTER_OK' && (requested === undefined || requested.includes(port.port)));
  }

  private takeRefIds(port: number, count: number): number {
    const first = this.nextRefId.get(port) ?? 0;
    this.nextRefId.set(port, (first + count) % 256);
    return first;
  }

  private handleSendSms(request: SimulatorRequest): SimulatorReply {
    const body = this.json(request) as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || typeof body.text !== 'string' || !Array.isArray(body.param) || body.param.length === 0) return this.answer(400);
    const params = body.param as Array<Record<string, unknown>>;
    const valid = params.every(
      (param) =>
        param &&
        typeof param.number === 'string' &&
        param.number !== '' &&
        Buffer.byteLength(param.number) <= 24 &&
        (param.user_id === undefined || (Number.isInteger(param.user_id) && (param.user_id as number) >= 0)) &&
        (param.text_param === undefined || (Array.isArray(param.text_param) && param.text_param.every((value) => typeof value === 'string'))),
    );
    const encoding = body.encoding ?? 'unicode';
    if (!valid || (body.port !== undefined && !isIntegerArray(body.port, 0, 31)) || (encoding !== 'unicode' && encoding !== 'gsm-7bit')) return this.answer(400);
    const textBytes = Buffer.byteLength(body.text) + params.reduce((sum, param) => sum + ((param.text_param as string[] | undefined) ?? []).reduce((inner, value) => inner + Buffer.byteLength(value), 0), 0);
    if (params.length > DINSTAR_SEND_LIMITS.maxNumbers || textBytes > DINSTAR_SEND_LIMITS.maxTextBytes) return this.answer(413);
    const ports = this.usablePorts(body.port as number[] | undefined);
    if (ports.length === 0) return this.answer(550);

    const task: SimulatedTask = { id: this.nextTaskId++, messageIds: [] };
    this.tasks.set(task.id, task);
    if (this.tasks.size > this.historyLimit) this.tasks.delete(this.tasks.keys().next().value as number);
    for (const param of params) {
      const values = [...((param.text_param as string[] | undefined) ?? [])];
      const text = (body.text as string).replace(/#param#/g, (placeholder) => values.shift() ?? placeholder);
      const port = ports[this.nextPortCursor++ % ports.length]!;
      const parts = countSegments(text, { encoding: encoding === 'unicode' ? 'ucs2' : 'gsm7' }).count;
      const message = this.network.submit({
        to: param.number as string,
        text,
        channel: `port-${port.port}`,
        parts,
        encoding: encoding as string,
        meta: {
          taskId: task.id,
          port: port.port,
          userId: param.user_id,
          refId: this.takeRefIds(port.port, parts),
          imsi: port.imsi,
          statusReport: body.request_status_report !== false,
        },
      });
      task.messageIds.push(message.id);
    }
    return this.answer(202, { sms_in_queue: this.network.queuedCount(), task_id: task.id });
  }

  private recordFilter(request: SimulatorRequest, withUserIds: boolean): { error: number } | ((port: number, number: string, time: number, userId: unknown) => boolean) {
    const body = (request.body.trim() === '' ? {} : this.json(request)) as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: 400 };
    const numbers = body.number;
    const ports = body.port;
    const userIds = body.user_id;
    if (numbers !== undefined && !(Array.isArray(numbers) && numbers.every((value) => typeof value === 'string'))) return { error: 400 };
    if (Array.isArray(numbers) && numbers.length > 32) return { error: 413 };
    if (ports !== undefined && !isIntegerArray(ports, 0, 31)) return { error: 400 };
    if (withUserIds && userIds !== undefined && !isIntegerArray(userIds, 0, Number.MAX_SAFE_INTEGER)) return { error: 400 };
    const bound = (name: string): number | undefined | null => {
      const value = body[name];
      if (value === undefined) return undefined;
      return typeof value === 'string' ? (parseGatewayLocalTime(value, this.utcOffsetMinutes) ?? null) : null;
    };
    const after = bound('time_after');
    const before = bound('time_before');
    if (after === null || before === null) return { error: 400 };
    return (port, number, time, userId) =>
      (numbers === undefined || (numbers as string[]).includes(number)) &&
      (ports === undefined || (ports as number[]).includes(port)) &&
      (!withUserIds || userIds === undefined || (userIds as number[]).includes(userId as number)) &&
      (after === undefined || time >= after) &&
      (before === undefined || time <= before);
  }

  private resultOf(message: SimulatedMessage): Record<string, unknown> {
    const sentThenFinal = message.sentAt !== undefined && message.state !== 'sent';
    // Once sent, the result stays SENT_OK unless a status report said delivered.
    const status =
      message.state === 'queued'
        ? 'SENDING'
        : message.state === 'sent' || (sentThenFinal && !(message.state === 'delivered' && message.meta.statusReport))
          ? 'SENT_OK'
          : message.state === 'delivered'
            ? 'DELIVERED'
            : 'FAILED';
    return {
      port: message.meta.port,
      ...(message.meta.userId === undefined ? {} : { user_id: message.meta.userId }),
      number: message.to,
      time: formatGatewayLocalTime(message.sentAt ?? message.submittedAt, this.utcOffsetMinutes),
      status,
      count: message.parts,
      succ_count: message.sentAt === undefined ? 0 : message.parts,
      ref_id: message.meta.refId,
      imsi: message.meta.imsi,
    };
  }

  private handleQuerySmsResult(request: SimulatorRequest): SimulatorReply {
    const filter = this.recordFilter(request, true);
    if (typeof filter !== 'function') return this.answer(filter.error);
    const result = [...this.network.messages.values()]
      .filter((message) => message.meta.taskId !== undefined)
      .filter((message) => filter(message.meta.port as number, message.to, message.sentAt ?? message.submittedAt, message.meta.userId))
      .map((message) => this.resultOf(message));
    return this.answer(200, { result });
  }

  private handleQueryDeliverStatus(request: SimulatorRequest): SimulatorReply {
    const filter = this.recordFilter(request, false);
    if (typeof filter !== 'function') return this.answer(filter.error);
    const result = this.reports.filter((report) => filter(report.port, report.number, report.time, undefined)).map((report) => this.reportJson(report));
    return this.answer(200, { result });
  }

  private reportJson(report: SimulatedReport): Record<string, unknown> {
    return {
      port: report.port,
      number: report.number,
      time: formatGatewayLocalTime(report.time, this.utcOffsetMinutes),
      ref_id: report.refId,
      status_code: report.statusCode,
      imsi: report.imsi,
    };
  }

  private incomingJson(inbound: SimulatedInbound): Record<string, unknown> {
    return {
      incoming_sms_id: inbound.meta.incomingSmsId,
      port: inbound.meta.port,
      number: inbound.from,
      smsc: inbound.smsc ?? '',
      timestamp: formatGatewayLocalTime(inbound.sentAt, this.utcOffsetMinutes),
      text: inbound.text,
    };
  }

  private handleQueryIncomingSms(request: SimulatorRequest): SimulatorReply {
    const flag = request.query.flag ?? 'unread';
    const after = Number(request.query.incoming_sms_id ?? 0);
    if (!['unread', 'read', 'all'].includes(flag) || !Number.isInteger(after) || after < 0) return this.answer(400);
    const chosen = this.network.inbox.filter(
      (inbound) => (inbound.meta.incomingSmsId as number) > after && (flag === 'all' || (flag === 'read') === inbound.read),
    );
    const sms = chosen.map((inbound) => this.incomingJson(inbound));
    // Reading unread messages through the API marks them read: the trap a poller must avoid.
    if (flag === 'unread') for (const inbound of chosen) inbound.read = true;
    const read = this.network.inbox.filter((inbound) => inbound.read).length;
    return this.answer(200, { sms, read, unread: this.network.inbox.length - read });
  }

  private handleSendUssd(request: SimulatorRequest): SimulatorReply {
    const body = this.json(request) as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || !isIntegerArray(body.port, 0, 31) || body.port.length === 0) return this.answer(400);
    const command = body.command ?? 'send';
    const text = typeof body.text === 'string' ? body.text : '';
    if (command !== 'send' && command !== 'cancel') return this.answer(400);
    if (command === 'send' && (text === '' || Buffer.byteLength(text) > 60)) return this.answer(400);
    const result = (body.port as number[]).map((portNumber) => {
      const port = this.ports.find((candidate) => candidate.port === portNumber);
      if (!port || port.reg !== 'REGISTER_OK') return { port: portNumber, status: 503 };
      if (command === 'cancel') {
        port.ussdReply = ' ';
        return { port: portNumber, status: 200 };
      }
      if (this.network.queuedCount(`port-${portNumber}`) > 0) return { port: portNumber, status: 486 };
      port.ussdReply = ' ';
      this.network.requestUssd(text, `port-${portNumber}`);
      return { port: portNumber, status: 200 };
    });
    return this.answer(202, { result });
  }

  private handleQueryUssdReply(request: SimulatorRequest): SimulatorReply {
    const requested = this.listParameter(request, 'port');
    const numbers = requested?.map(Number);
    if (!numbers || numbers.length === 0 || numbers.some((port) => !Number.isInteger(port) || port < 0 || port > 31)) return this.answer(400);
    const reply = numbers.map((portNumber) => ({ port: portNumber, text: this.ports.find((port) => port.port === portNumber)?.ussdReply ?? '' }));
    return this.answer(200, { reply });
  }

  private handleStopSms(request: SimulatorRequest): SimulatorReply {
    const taskId = Number(request.query.task_id);
    if (!Number.isInteger(taskId)) return this.answer(400);
    const task = this.tasks.get(taskId);
    if (!task) return this.answer(404);
    for (const id of task.messageIds) this.network.cancel(id);
    return this.answer(200);
  }

  private handleGetPortInfo(request: SimulatorRequest): SimulatorReply {
    const types = this.listParameter(request, 'info_type');
    const requested = this.listParameter(request, 'port')?.map(Number);
    if (!types || types.length === 0 || types.some((type) => !(DINSTAR_PORT_INFO_TYPES as readonly string[]).includes(type))) return this.answer(400);
    if (requested?.some((port) => !Number.isInteger(port) || port < 0 || port > 31)) return this.answer(400);
    const info = this.ports
      .filter((port) => requested === undefined || requested.includes(port.port))
      .map((port) => {
        const values: Record<string, unknown> = {
          type: port.type,
          imei: port.imei,
          imsi: port.imsi,
          iccid: port.iccid,
          smsc: port.smsc,
          number: port.number,
          reg: port.reg,
          slot: port.slot,
          callstate: 'IDLE',
          signal: port.reg === 'REGISTER_OK' ? 24 : 0,
          gprs: 'UNREGISTER',
          remain_credit: '',
        };
        return { port: port.port, ...Object.fromEntries(types.map((type) => [type, values[type]])) };
      });
    return this.answer(200, { info });
  }

  private handleSetPortInfo(request: SimulatorRequest): SimulatorReply {
    const port = this.ports.find((candidate) => candidate.port === Number(request.query.port));
    const action = request.query.action;
    if (!port || !['reset', 'power', 'slot'].includes(action ?? '')) return this.answer(400);
    if (action === 'power') {
      const on = (request.query.param ?? 'on') !== 'off';
      this.setRegistration(port, on ? (port.imsi ? 'REGISTER_OK' : 'NO_SIM') : 'POWER_OFF');
    } else if (action === 'slot') {
      const slot = Number(request.query.param);
      if (!Number.isInteger(slot) || slot < 0 || slot > 3) return this.answer(400);
      port.slot = slot;
      this.setRegistration(port, 'SEARCHING_NETWORK');
      this.registerAfterReset(port);
    } else {
      // A reset drops what the module was doing: queued messages on the port fail.
      for (const message of this.network.queued(`port-${port.port}`)) this.network.cancel(message.id);
      port.ussdReply = undefined;
      this.setRegistration(port, 'SEARCHING_NETWORK');
      this.registerAfterReset(port);
    }
    return this.answer(200);
  }

  /** The module registers again `resetDelayMs` later (a test may set it beyond one Node timer's reach). */
  private registerAfterReset(port: SimulatedDinstarPort): void {
    if (!this.isRunning) return;
    const timer = startClockTimer(this.clock, this.resetDelayMs, () => {
      this.timers.delete(timer);
      this.setRegistration(port, port.imsi ? 'REGISTER_OK' : 'NO_SIM');
    });
    this.timers.add(timer);
  }

  private handleGetStatus(request: SimulatorRequest): SimulatorReply {
    const items = this.json(request);
    if (!Array.isArray(items)) return this.answer(400);
    const fields: Record<string, unknown> = {};
    if (items.includes('performance')) {
      fields.performance = { cpu_used: 12, flash_total: 65536, flash_used: 30012, memory_total: 262144, memory_cached: 40960, memory_buffers: 8192, memory_free: 120000, memory_used: 142144 };
    }
    return this.answer(200, fields);
  }

  private setRegistration(port: SimulatedDinstarPort, reg: DinstarRegistration): void {
    if (port.reg === reg) return;
    port.reg = reg;
    const up = reg === 'REGISTER_OK';
    this.push({ register: [{ port: port.port, status: up ? 'up' : 'down', iccid: up ? port.iccid : '<NULL>', imsi: up ? port.imsi : '<NULL>' }] });
  }

  private onStatus(message: SimulatedMessage): void {
    if (message.meta.taskId === undefined) return;
    // After the message left the module, only a status report tells what became of it.
    const isReport = message.sentAt !== undefined && message.state !== 'sent';
    if (isReport && message.meta.statusReport) {
      const statusCode = TP_STATUS[message.state as keyof typeof TP_STATUS] ?? TP_STATUS.failed;
      const added: SimulatedReport[] = [];
      for (let part = 0; part < message.parts; part += 1) {
        added.push({
          port: message.meta.port as number,
          number: message.to,
          time: message.doneAt ?? this.clock.now(),
          refId: ((message.meta.refId as number) + part) % 256,
          statusCode,
          imsi: String(message.meta.imsi ?? ''),
        });
      }
      this.reports.push(...added);
      // Trimmed in batches: one splice per quarter of the limit rather than a shift per report.
      if (this.reports.length > this.historyLimit + Math.max(1, this.historyLimit >> 2)) this.reports.splice(0, this.reports.length - this.historyLimit);
      this.push({ sms_deliver_status: added.map((report) => this.reportJson(report)) });
    }
    if (!isReport || (message.state === 'delivered' && message.meta.statusReport)) this.push({ sms_result: [this.resultOf(message)] });
  }

  private onInbound(inbound: SimulatedInbound): void {
    if (inbound.meta.incomingSmsId === undefined) inbound.meta.incomingSmsId = this.nextIncomingId++;
    if (inbound.meta.port === undefined) inbound.meta.port = Number(String(inbound.channel ?? 'port-0').replace('port-', '')) || 0;
    this.push({ sms: [this.incomingJson(inbound)] });
  }

  private onUssd(session: SimulatedUssd): void {
    const port = this.ports.find((candidate) => `port-${candidate.port}` === session.channel);
    if (!port || session.reply === undefined) return;
    port.ussdReply = session.reply;
    this.push({ ussd: [{ port: port.port, text: session.reply }] });
  }

  private push(event: Record<string, unknown>): void {
    if (!this.pushUrl) return;
    void this.pushes.send({
      url: this.pushUrl,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...(this.sn === undefined ? {} : { sn: this.sn }), ...event }),
    });
  }
}
