import { randomUUID } from 'node:crypto';
import { startClockTimer, type ClockTimer } from '../../clock/clock-timer';
import type { GatewaySimulator, SimulatorOptions } from '../../simulator/gateway-simulator';
import { basicCredentials, isKnownAccount } from '../../simulator/simulator-credentials';
import type { SimulatorReply, SimulatorRequest } from '../../simulator/simulator-request';
import { SimulatorServer } from '../../simulator/simulator-server';
import type { SimulatedMessage } from '../../simulator/simulated-network';
import { planGatewayText } from '../shared/gateway-text-plan';
import { wallClockAsUtc, wallClockIn } from '../shared/zone-wall-clock';
import { JASMIN_DLR_ACK } from './jasmin-delivery-report';
import { canonicalJasminFields, JASMIN_CODINGS, JASMIN_MESSAGE_PARAMETERS } from './jasmin-parameter-names';
import { PythonFloat, pythonJson } from './jasmin-python-json';

export interface JasminSimulatorOptions extends SimulatorOptions {
  /** Account balance (a number) or `ND` (not defined: unlimited). Default 1000.23: enough for a test run of a few hundred parts. */
  balance?: number | 'ND';
  /** SMS quota or `ND`. Default `ND`. */
  smsCount?: number | 'ND';
  /** Price of one SMS part on the route (default 1.4, the notes' `unit_rate` 2.8 for two parts). */
  routeRate?: number;
  /** Destinations starting with one of these have no route (412). Default `['000']`. */
  noRoutePrefixes?: string[];
  /** IANA zone the server reads `schedule_at` dates in (default UTC). */
  serverTimeZone?: string;
  /** Name of the SMPP connector shown in DLRs (default `smppc1`). */
  connector?: string;
  /** Pause between DLR retries (default 30 000 ms, Jasmin's `retry_delay`). */
  dlrRetryDelayMs?: number;
  /** Retries after the first DLR attempt (default 3, Jasmin's `max_retries`). */
  dlrMaxRetries?: number;
}

const DOCS_LINK = { text: 'Documentation related to this error', href: 'http://docs.jasminsms.com/en/latest/apis/rest/index.html', rel: 'help' };

/** What Jasmin's HTTP API answers a send: its status and body (the REST layer wraps it). */
interface HttpApiAnswer {
  status: number;
  body: string;
  message?: SimulatedMessage;
}

interface DlrRequest {
  url: string;
  level: number;
  method: 'GET' | 'POST';
}

/** One batch as the simulator tracks it (for assertions). */
export interface SimulatedJasminBatch {
  batchId: string;
  messageCount: number;
  /** Clock time the sendouts start. */
  startsAt: number;
  callbackUrl?: string;
  errbackUrl?: string;
}

/** Final simulated states → level 2/3 `message_status`. */
const RECEIPT_STATUS: Partial<Record<SimulatedMessage['state'], string>> = {
  delivered: 'DELIVRD',
  failed: 'UNDELIV',
  expired: 'EXPIRED',
};

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The Jasmin REST API (Direct7 legacy REST) over real HTTP, with the bodies and quirks of the
 * real server: `Success "<uuid>` without its closing quote, 403 for wrong credentials on
 * send/balance but 412 on sendbatch, 401 only without a Basic header, JSON parsed whatever the
 * content type, `_` ≡ `-` in keys, batch globals/callbacks/scheduling, and DLRs pushed to
 * `dlr-url` at the requested level, retried 3 times 30 s apart (on the Clock) until the receiver
 * answers `ACK/Jasmin`.
 */
export class JasminSimulator extends SimulatorServer implements GatewaySimulator {
  readonly gateway = 'jasmin' as const;
  balance: number | 'ND';
  smsCount: number | 'ND';
  readonly batches = new Map<string, SimulatedJasminBatch>();
  /** Every DLR attempt: message id, level, attempt number (1-based) and whether it was acknowledged. */
  readonly dlrAttempts: { id: string; level: number; attempt: number; acknowledged: boolean }[] = [];
  private readonly options: JasminSimulatorOptions;
  private readonly timers = new Set<ClockTimer>();

  constructor(options: JasminSimulatorOptions = {}) {
    super(options, [{ username: 'jasmin', password: 'jasmin-secret' }]);
    this.options = options;
    this.balance = options.balance ?? 1000.23;
    this.smsCount = options.smsCount ?? 'ND';
    this.router.add('*', '/ping', (request) => this.onlyMethod(request, 'GET', () => this.json(200, { data: 'Jasmin/PONG' })));
    this.router.add('*', '/secure/send', (request) => this.secured(request, 'POST', () => this.send(request)));
    this.router.add('*', '/secure/sendbatch', (request) => this.secured(request, 'POST', () => this.sendBatch(request)));
    this.router.add('*', '/secure/balance', (request) => this.secured(request, 'GET', () => this.balanceReply(request)));
    this.router.add('*', '/secure/rate', (request) => this.secured(request, 'GET', () => this.rate(request)));
    this.network.on('status', (message) => this.throwDlrs(message));
  }

  override async stop(): Promise<void> {
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
    await super.stop();
  }

  protected authRefusedReply(request: SimulatorRequest): SimulatorReply {
    const username = basicCredentials(request)?.username ?? '';
    if (request.path === '/secure/sendbatch') {
      return this.json(412, { title: 'Authentication failed', description: `Authentication failed for user: ${username}` });
    }
    return this.json(403, { message: `Error "Authentication failure for username:${username}` });
  }

  protected override notFoundReply(): SimulatorReply {
    return this.json(404, { title: '404 Not Found' });
  }

  protected override describeNotes(): string[] {
    return [
      'POST /secure/send, /secure/sendbatch; GET /secure/balance, /secure/rate, /ping — Basic auth on /secure/*.',
      'Destinations starting with 000 have no route; 666 fail, 999 are undelivered, 888 expire.',
      'DLRs go to dlr-url until the receiver answers ACK/Jasmin (3 retries, 30 s apart).',
    ];
  }

  private json(status: number, value: unknown): SimulatorReply {
    return { status, headers: { 'content-type': 'application/json' }, body: pythonJson(value) };
  }

  /**
   * The REST layer's wrapping of an HTTP API answer (`{"message": …}` on error, `{"data": …}` on
   * success), after its `strip('"')` that eats the closing quote of `Success "<id>"`.
   */
  private wrap(answer: HttpApiAnswer): SimulatorReply {
    const text = answer.body.replace(/^"+|"+$/g, '');
    if (answer.status !== 200) return this.json(answer.status, { message: text });
    return this.json(200, { data: text.includes('{') ? (JSON.parse(text) as unknown) : text });
  }

  private onlyMethod(request: SimulatorRequest, method: string, run: () => SimulatorReply): SimulatorReply {
    if (request.method !== method) return this.json(405, { title: '405 Method Not Allowed' });
    return run();
  }

  /** Falcon middleware order: content negotiation, then the Basic header, then the resource. */
  private secured(request: SimulatorRequest, method: string, run: () => SimulatorReply): SimulatorReply {
    const accept = request.headers.accept;
    if (accept && !/application\/json|\*\/\*|application\/\*/i.test(accept)) {
      return this.json(415, { title: 'Unsupported media type', description: 'This API supports JSON media type only.', link: DOCS_LINK });
    }
    const header = request.headers.authorization;
    if (!header) return this.json(401, { title: 'Authentication required', description: 'Please provide a valid Basic auth token', link: DOCS_LINK });
    if (header.split(' ').length !== 2 || !basicCredentials(request)) {
      return this.json(401, { title: `Invalid token: ${header}`, description: 'Please provide a valid Basic auth token', link: DOCS_LINK });
    }
    return this.onlyMethod(request, method, run);
  }

  private decodeJson(request: SimulatorRequest): { params: Record<string, unknown> } | { reply: SimulatorReply } {
    try {
      const parsed = JSON.parse(request.body) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError('not an object');
      return { params: parsed as Record<string, unknown> };
    } catch {
      return { reply: this.json(412, { title: 'Cannot parse JSON data', description: `Got unparseable json data: ${request.body}` }) };
    }
  }

  private send(request: SimulatorRequest): SimulatorReply {
    const decoded = this.decodeJson(request);
    if ('reply' in decoded) return decoded.reply;
    const account = basicCredentials(request)!;
    return this.wrap(this.httpApiSend({ ...decoded.params, username: account.username, password: account.password }));
  }

  /** Jasmin's HTTP API `/send`: argument validation, authentication, routing, charging, then the network. */
  private httpApiSend(raw: Record<string, unknown>): HttpApiAnswer {
    const params = canonicalJasminFields(raw);
    const text = (name: string) => (params[name] === undefined || params[name] === null ? undefined : String(params[name]));
    const error = (status: number, message: string): HttpApiAnswer => ({ status, body: `Error "${message}"` });
    for (const key of Object.keys(params)) {
      if (!JASMIN_MESSAGE_PARAMETERS.has(key)) return error(400, `Argument [${key}] is unknown.`);
    }
    for (const key of ['username', 'password', 'to']) {
      if (text(key) === undefined) return error(400, `Mandatory argument [${key}] is not found.`);
    }
    const to = text('to')!;
    if (!/^\+?\d+$/.test(to)) return error(400, `Argument [to] has an invalid value: [${to}].`);
    if (text('content') !== undefined && text('hex-content') !== undefined) return error(400, 'content and hex-content cannot be used both in same request.');
    if (text('content') === undefined && text('hex-content') === undefined) return error(400, 'content or hex-content not present.');
    const coding = Number(text('coding') ?? '0');
    if (!/^\d+$/.test(text('coding') ?? '0') || !JASMIN_CODINGS.has(coding)) return error(400, `Argument [coding] has an invalid value: [${text('coding')}].`);
    const hex = text('hex-content');
    if (hex !== undefined && (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex))) return error(400, `Argument [hex-content] has an invalid value: [${hex}].`);
    const level = text('dlr-level') ?? '1';
    if (!['1', '2', '3'].includes(level)) return error(400, `Argument [dlr-level] has an invalid value: [${level}].`);
    const method = (text('dlr-method') ?? 'POST').toUpperCase();
    if (method !== 'GET' && method !== 'POST') return error(400, `Argument [dlr-method] has an invalid value: [${text('dlr-method')}].`);
    const validity = text('validity-period');
    if (validity !== undefined && !/^\d+$/.test(validity)) return error(400, `Argument [validity-period] has an invalid value: [${validity}].`);
    const priority = text('priority');
    if (priority !== undefined && !/^[0-3]$/.test(priority)) return error(400, `Argument [priority] has an invalid value: [${priority}].`);
    // Jasmin turns dlr on when a URL or a level is given.
    const dlrWanted = text('dlr') === 'yes' || text('dlr-url') !== undefined || text('dlr-level') !== undefined;
    if (dlrWanted && text('dlr-url') === undefined) return error(400, 'Argument [dlr-url] is mandatory if dlr is yes.');

    if (!isKnownAccount(this.accounts, { username: text('username'), password: text('password') })) {
      return error(403, `Authentication failure for username:${text('username')}`);
    }
    if ((this.options.noRoutePrefixes ?? ['000']).some((prefix) => to.replace(/^\+/, '').startsWith(prefix))) {
      return error(412, 'No route found');
    }

    const body = hex !== undefined ? this.decodeHex(hex, coding) : text('content')!;
    const parts = hex !== undefined && coding !== 8 ? Math.max(1, Math.ceil(hex.length / 2 / 140)) : planGatewayText('jasmin', body, coding === 8 ? 'ucs2' : 'auto').parts;
    const cost = parts * (this.options.routeRate ?? 1.4);
    if ((this.balance !== 'ND' && this.balance < cost) || (this.smsCount !== 'ND' && this.smsCount < parts)) {
      return error(403, 'Cannot charge submit_sm, check RouterPB log file for details');
    }
    if (this.balance !== 'ND') this.balance = Math.round((this.balance - cost) * 1e6) / 1e6;
    if (this.smsCount !== 'ND') this.smsCount -= parts;

    const dlr: DlrRequest | undefined = dlrWanted ? { url: text('dlr-url')!, level: Number(level), method: method as 'GET' | 'POST' } : undefined;
    const message = this.network.submit({
      to,
      ...(text('from') !== undefined ? { from: text('from')! } : {}),
      text: body,
      parts,
      encoding: coding === 8 ? 'ucs2' : hex !== undefined ? '8bit' : 'gsm7',
      ...(validity !== undefined ? { validityMs: Number(validity) * 60_000 } : {}),
      meta: { dlr, coding, ...(hex !== undefined ? { hexContent: hex.toUpperCase() } : {}), ...(priority !== undefined ? { priority: Number(priority) } : {}) },
    });
    return { status: 200, body: `Success "${message.id}"`, message };
  }

  private decodeHex(hex: string, coding: number): string {
    const bytes = Buffer.from(hex, 'hex');
    if (coding === 8) return bytes.swap16().toString('utf16le');
    return bytes.toString('latin1');
  }

  private sendBatch(request: SimulatorRequest): SimulatorReply {
    const decoded = this.decodeJson(request);
    if ('reply' in decoded) return decoded.reply;
    const account = basicCredentials(request)!;
    if (!isKnownAccount(this.accounts, account)) {
      return this.json(412, { title: 'Authentication failed', description: `Authentication failed for user: ${account.username}` });
    }
    const params = decoded.params;
    const batchConfig = (params.batch_config && typeof params.batch_config === 'object' ? params.batch_config : {}) as Record<string, unknown>;
    const countdown = this.countdown(batchConfig.schedule_at);
    if ('reply' in countdown) return countdown.reply;

    const batchId = randomUUID();
    const globals = (params.globals && typeof params.globals === 'object' ? params.globals : {}) as Record<string, unknown>;
    const sendouts: Record<string, unknown>[] = [];
    for (const item of Array.isArray(params.messages) ? params.messages : []) {
      if (!item || typeof item !== 'object') continue;
      const merged = canonicalJasminFields({ username: account.username, password: account.password, ...globals, ...(item as Record<string, unknown>) });
      // The real batch skips, and does not count, messages without a destination or a content.
      if (!('to' in merged) || (!('content' in merged) && !('hex-content' in merged))) continue;
      const destinations = Array.isArray(merged.to) ? merged.to : [merged.to];
      for (const to of destinations) sendouts.push({ ...merged, to });
    }
    const batch: SimulatedJasminBatch = {
      batchId,
      messageCount: sendouts.length,
      startsAt: this.clock.now() + countdown.seconds * 1000,
      ...(typeof batchConfig.callback_url === 'string' ? { callbackUrl: batchConfig.callback_url } : {}),
      ...(typeof batchConfig.errback_url === 'string' ? { errbackUrl: batchConfig.errback_url } : {}),
    };
    this.batches.set(batchId, batch);
    for (const sendout of sendouts) this.after(countdown.seconds * 1000, () => this.batchSendout(batch, sendout));
    const data: Record<string, unknown> = { batchId, messageCount: sendouts.length };
    if (countdown.seconds > 0) data.scheduled = `${countdown.label}s`;
    return this.json(200, { data });
  }

  /** `schedule_at` → seconds to wait (and how Python would print them), or the 412 Jasmin answers. */
  private countdown(value: unknown): { seconds: number; label: string } | { reply: SimulatorReply } {
    if (value === undefined || value === null) return { seconds: 0, label: '0' };
    const text = String(value);
    const date = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
    if (date) {
      const at = this.serverLocalToMs(date.slice(1).map(Number));
      const seconds = (at - this.clock.now()) / 1000;
      if (seconds < 0) {
        return { reply: this.json(412, { title: 'Cannot schedule batch in past date', description: `Invalid past date given: ${text}` }) };
      }
      return { seconds, label: pythonJson(new PythonFloat(seconds)) };
    }
    const relative = /^(\d+)s$/.exec(text);
    if (!relative) {
      return {
        reply: this.json(412, {
          title: 'Cannot parse scheduled_at value',
          description: `Got unknown format: ${text}, correct formats are 'YYYY-MM-DD mm:hh:ss' or number of seconds, c.f. http://docs.jasminsms.com/en/latest/apis/rest`,
        }),
      };
    }
    return { seconds: Number(relative[1]), label: relative[1]! };
  }

  /** A wall-clock date in the server's zone → clock milliseconds. */
  private serverLocalToMs([year, month, day, hour, minute, second]: number[]): number {
    const wallAsUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
    const zone = this.options.serverTimeZone ?? 'UTC';
    const offsetAt = (utc: number) => wallClockAsUtc(wallClockIn(utc, zone)) - utc;
    const offset = offsetAt(wallAsUtc - offsetAt(wallAsUtc));
    return wallAsUtc - offset;
  }

  private batchSendout(batch: SimulatedJasminBatch, params: Record<string, unknown>): void {
    const answer = this.httpApiSend(params);
    const to = String(params.to);
    if (answer.status === 200 && batch.callbackUrl) {
      void this.pushes.send({ url: batch.callbackUrl, method: 'GET', query: { batchId: batch.batchId, to, status: 1, statusText: answer.body } });
    } else if (answer.status !== 200 && batch.errbackUrl) {
      const text = answer.body.replace(/^"+|"+$/g, '');
      void this.pushes.send({ url: batch.errbackUrl, method: 'GET', query: { batchId: batch.batchId, to, status: 0, statusText: `HTTPAPI error: ${text}` } });
    }
  }

  private balanceReply(request: SimulatorRequest): SimulatorReply {
    const account = basicCredentials(request)!;
    if (!isKnownAccount(this.accounts, account)) return this.authRefusedReply(request);
    return this.json(200, { data: { balance: this.balance, sms_count: this.smsCount } });
  }

  private rate(request: SimulatorRequest): SimulatorReply {
    const account = basicCredentials(request)!;
    let params: Record<string, unknown> = { ...request.query };
    // Older REST servers read the rate parameters from a JSON body even on GET.
    if (request.body.trim() !== '') {
      const decoded = this.decodeJson(request);
      if ('reply' in decoded) return decoded.reply;
      params = { ...params, ...decoded.params };
    }
    const canonical = canonicalJasminFields(params);
    for (const key of Object.keys(canonical)) {
      if (!JASMIN_MESSAGE_PARAMETERS.has(key)) return this.json(400, { message: `Error "Argument [${key}] is unknown.` });
    }
    if (canonical.to === undefined) return this.json(400, { message: 'Error "Mandatory argument [to] is not found.' });
    if (!isKnownAccount(this.accounts, account)) return this.authRefusedReply(request);
    const to = String(canonical.to);
    if ((this.options.noRoutePrefixes ?? ['000']).some((prefix) => to.replace(/^\+/, '').startsWith(prefix))) {
      return this.json(412, { message: 'Error "No route found' });
    }
    const coding = Number(canonical.coding ?? 0);
    const hex = canonical['hex-content'] === undefined ? undefined : String(canonical['hex-content']);
    const body = hex !== undefined ? this.decodeHex(hex, coding) : String(canonical.content ?? '');
    const count = planGatewayText('jasmin', body, coding === 8 ? 'ucs2' : 'auto').parts;
    const unitRate = Math.round(count * (this.options.routeRate ?? 1.4) * 1e6) / 1e6;
    return this.json(200, { data: { submit_sm_count: count, unit_rate: new PythonFloat(unitRate) } });
  }

  private throwDlrs(message: SimulatedMessage): void {
    const dlr = message.meta['dlr'] as DlrRequest | undefined;
    if (!dlr) return;
    const connector = this.options.connector ?? 'smppc1';
    const refusedAtSubmit = message.state === 'failed' && message.sentAt === undefined;
    if ((dlr.level === 1 || dlr.level === 3) && (message.state === 'sent' || refusedAtSubmit)) {
      const status = refusedAtSubmit ? 'ESME_RSUBMITFAIL' : 'ESME_ROK';
      this.throwDlr(message.id, dlr, { id: message.id, message_status: status, level: 1, connector });
    }
    const receipt = RECEIPT_STATUS[message.state];
    if ((dlr.level === 2 || dlr.level === 3) && receipt && !refusedAtSubmit) {
      this.throwDlr(message.id, dlr, {
        id: message.id,
        message_status: receipt,
        level: dlr.level,
        connector,
        id_smsc: message.id.replace(/-/g, '').slice(0, 16),
        sub: '001',
        dlvrd: message.state === 'delivered' ? '001' : '000',
        subdate: this.smppDate(message.submittedAt),
        donedate: this.smppDate(message.doneAt ?? this.clock.now()),
        err: message.state === 'delivered' ? '000' : message.state === 'expired' ? '002' : '001',
        text: message.text.slice(0, 20),
      });
    }
  }

  private smppDate(ms: number): string {
    const date = new Date(ms);
    return `${pad2(date.getUTCFullYear() % 100)}${pad2(date.getUTCMonth() + 1)}${pad2(date.getUTCDate())}${pad2(date.getUTCHours())}${pad2(date.getUTCMinutes())}${pad2(date.getUTCSeconds())}`;
  }

  /** One DLR, retried until acknowledged; a 404 stops the retries as it does on Jasmin. */
  private throwDlr(id: string, dlr: DlrRequest, fields: Record<string, string | number>, attempt = 1): void {
    const form = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)]));
    const call =
      dlr.method === 'GET'
        ? this.pushes.send({ url: dlr.url, method: 'GET', query: form })
        : this.pushes.send({ url: dlr.url, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    void call.then((delivery) => {
      const acknowledged = delivery.status === 200 && (delivery.answer ?? '').trim() === JASMIN_DLR_ACK;
      this.dlrAttempts.push({ id, level: Number(fields.level), attempt, acknowledged });
      if (acknowledged || delivery.status === 404) return;
      if (attempt <= (this.options.dlrMaxRetries ?? 3)) {
        this.after(this.options.dlrRetryDelayMs ?? 30_000, () => this.throwDlr(id, dlr, fields, attempt + 1));
      }
    });
  }

  /** `schedule_at` may lie weeks ahead, beyond what one Node timer can hold. */
  private after(ms: number, run: () => void): void {
    if (!this.isRunning) return;
    const timer = startClockTimer(this.clock, ms, () => {
      this.timers.delete(timer);
      run();
    });
    this.timers.add(timer);
  }
}
