import type { GatewaySimulator, SimulatorOptions } from '../../simulator/gateway-simulator';
import { isKnownAccount } from '../../simulator/simulator-credentials';
import { jsonReply, type SimulatorReply, type SimulatorRequest } from '../../simulator/simulator-request';
import { SimulatorServer } from '../../simulator/simulator-server';
import type { SimulatedInbound, SimulatedMessage } from '../../simulator/simulated-network';
import { SPANGW_URIS } from './spangw-uris';
import { formatGatewayLocalTime, parseGatewayLocalTime } from '../shared/gateway-local-time';
import { parseSpangwPushConfig, spangwPushConfigFields, type SpangwPushConfig } from './spangw-push-config';

/** One GSM port of the simulated box. */
export interface SimulatedSpan {
  port: number;
  portName: string;
  /** Registered and able to send (`status` 1). */
  available: boolean;
  /** The SIM's own number, pushed as the receiving/sending number. */
  simNumber: string;
  imsi: string;
}

export interface SpangwSimulatorOptions extends SimulatorOptions {
  /** `code` of every success (default 200; some firmware answers 0). */
  successCode?: number;
  spans?: SimulatedSpan[];
  /** Outbox entries per page (default 20). */
  outboxPageSize?: number;
  /** The box's clock, minutes east of UTC (default 0). */
  utcOffsetMinutes?: number;
  /** Initial push configuration (default: off, report names from/to/portname/message/time/imsi/status). */
  pushConfig?: SpangwPushConfig;
}

/** Codes and texts of the simulated refusals (the seed documents none; these are inferred). */
export const SPANGW_SIMULATOR_ERRORS = {
  auth: { code: 401, msg: 'Authentication failed: wrong username or password' },
  badRequest: { code: 400, msg: 'Invalid parameter' },
  badJson: { code: 400, msg: 'Invalid JSON' },
  noSpan: { code: 503, msg: 'No available span' },
  unknownUri: { code: 404, msg: 'Unknown uri' },
} as const;

const DEFAULT_SPANS: readonly Readonly<SimulatedSpan>[] = [
  { port: 1, portName: 'gsm-1.1', available: true, simNumber: '+447700900101', imsi: '234150000000101' },
  { port: 2, portName: 'gsm-1.2', available: true, simNumber: '+447700900102', imsi: '234150000000102' },
  { port: 3, portName: 'gsm-1.3', available: false, simNumber: '', imsi: '' },
  { port: 4, portName: 'gsm-1.4', available: true, simNumber: '+447700900104', imsi: '234150000000104' },
];

const DEFAULT_PUSH_CONFIG: Readonly<SpangwPushConfig> = {
  enabled: false,
  reportsEnabled: false,
  resultsEnabled: false,
  scheme: 'http',
  host: '',
  port: '80',
  path: '/',
  names: { fromNumber: 'from', toNumber: 'to', portName: 'portname', message: 'message', time: 'time', imsi: 'imsi', status: 'status' },
  userDefined: '',
};

/** What a route handler produced: the envelope's `data`, or a refusal. */
type SimulatedOutcome = { data: unknown } | { error: { code: number; msg: string } };

const STATUS_ON_WIRE: Partial<Record<SimulatedMessage['state'], string>> = {
  sent: 'SENT',
  delivered: 'DELIVERD',
  failed: 'FAILED',
  expired: 'FAILED',
};

/**
 * The span gateway's JSON POST API over real HTTP: spans with SIMs, `/sms/send` into the
 * simulated network (synchronous mode waits for the module), an outbox that follows the network
 * with pages and filters, and the configurable push — a GET to the configured URL with the
 * configured parameter names — for results, delivery reports and received SMS.
 */
export class SpangwSimulator extends SimulatorServer implements GatewaySimulator {
  readonly gateway = 'spangw' as const;
  readonly spans: SimulatedSpan[];
  pushConfig: SpangwPushConfig;
  successCode: number;
  private readonly pageSize: number;
  private readonly utcOffsetMinutes: number;
  private nextSpan = 0;

  constructor(options: SpangwSimulatorOptions = {}) {
    super(options, [{ username: 'admin', password: 'spangw-secret' }]);
    this.successCode = options.successCode ?? 200;
    this.spans = (options.spans ?? DEFAULT_SPANS).map((span) => ({ ...span }));
    this.pageSize = options.outboxPageSize ?? 20;
    this.utcOffsetMinutes = options.utcOffsetMinutes ?? 0;
    this.pushConfig = { ...(options.pushConfig ?? DEFAULT_PUSH_CONFIG), names: { ...(options.pushConfig ?? DEFAULT_PUSH_CONFIG).names } };

    this.route(SPANGW_URIS.validSpans, () => ({
      data: this.spans.map((span) => ({ port: span.port, port_name: span.portName, status: span.available ? 1 : 0 })),
    }));
    this.route(SPANGW_URIS.send, (parameters) => this.handleSend(parameters));
    this.route(SPANGW_URIS.outbox, (parameters) => this.handleOutbox(parameters));
    this.route(SPANGW_URIS.getPushConfig, () => ({ data: spangwPushConfigFields(this.pushConfig) }));
    this.route(SPANGW_URIS.setPushConfig, (parameters) => {
      const current = spangwPushConfigFields(this.pushConfig);
      this.pushConfig = parseSpangwPushConfig({ ...current, ...parameters });
      return { data: [] };
    });

    this.network.on('status', (message) => this.pushStatus(message));
    this.network.on('inbound', (inbound) => this.pushInbound(inbound));
  }

  /** A received SMS arrives on a span (default: the first available one). */
  injectInbound(options: { from: string; text: string; port?: number; receivedAt?: number }): SimulatedInbound {
    const span = this.spans.find((candidate) => candidate.port === options.port) ?? this.spans.find((candidate) => candidate.available) ?? this.spans[0]!;
    return this.network.injectInbound({
      from: options.from,
      text: options.text,
      to: span.simNumber,
      channel: span.portName,
      ...(options.receivedAt === undefined ? {} : { receivedAt: options.receivedAt }),
      meta: { port: span.port },
    });
  }

  protected override authRefusedReply(request: SimulatorRequest): SimulatorReply {
    return this.envelope(request.path, SPANGW_SIMULATOR_ERRORS.auth.code, SPANGW_SIMULATOR_ERRORS.auth.msg, []);
  }

  protected override notFoundReply(request: SimulatorRequest): SimulatorReply {
    return this.envelope(request.path, SPANGW_SIMULATOR_ERRORS.unknownUri.code, SPANGW_SIMULATOR_ERRORS.unknownUri.msg, []);
  }

  protected override describeNotes(): string[] {
    return [
      `POST JSON {username, password, ...} to ${Object.values(SPANGW_URIS).join(', ')}; success code ${this.successCode}.`,
      'Spans 1, 2 and 4 are available, 3 has no SIM. Numbers ending 666 fail, 999 are never delivered.',
    ];
  }

  private envelope(uri: string, code: number, msg: string, data: unknown): SimulatorReply {
    return jsonReply({ uri, code, msg, data });
  }

  /** POST only; credentials and function parameters at the top level or under `data`. */
  private route(uri: string, handle: (parameters: Record<string, unknown>) => SimulatedOutcome | Promise<SimulatedOutcome>): void {
    this.router.add('POST', uri, async (request) => {
      let body: unknown;
      try {
        body = JSON.parse(request.body || '{}');
      } catch {
        return this.envelope(uri, SPANGW_SIMULATOR_ERRORS.badJson.code, SPANGW_SIMULATOR_ERRORS.badJson.msg, []);
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        return this.envelope(uri, SPANGW_SIMULATOR_ERRORS.badJson.code, SPANGW_SIMULATOR_ERRORS.badJson.msg, []);
      }
      const record = body as Record<string, unknown>;
      const account = { username: String(record.username ?? ''), password: String(record.password ?? '') };
      if (!isKnownAccount(this.accounts, account)) return this.authRefusedReply(request);
      const nested = record.data && typeof record.data === 'object' && !Array.isArray(record.data) ? (record.data as Record<string, unknown>) : {};
      const { username: _user, password: _password, data: _data, ...flat } = record;
      const outcome = await handle({ ...flat, ...nested });
      if ('error' in outcome) return this.envelope(uri, outcome.error.code, outcome.error.msg, []);
      return this.envelope(uri, this.successCode, 'success', outcome.data);
    });
  }

  private async handleSend(parameters: Record<string, unknown>): Promise<SimulatedOutcome> {
    // The seed names the field `spans[]` (PHP style); JSON clients send `spans`.
    const spansField = parameters.spans ?? parameters['spans[]'];
    const requested = Array.isArray(spansField) ? spansField.map(Number) : [];
    const destination = typeof parameters.dest_num === 'string' ? parameters.dest_num.trim() : '';
    const text = typeof parameters.msg === 'string' ? parameters.msg : '';
    const mode = Number(parameters.mode ?? 0);
    if (!destination || !text || (mode !== 0 && mode !== 1) || requested.some((port) => !Number.isInteger(port))) {
      return { error: SPANGW_SIMULATOR_ERRORS.badRequest };
    }
    const candidates = this.spans.filter((span) => span.available && (requested.length === 0 || requested.includes(span.port)));
    if (candidates.length === 0) return { error: SPANGW_SIMULATOR_ERRORS.noSpan };
    const span = candidates[this.nextSpan++ % candidates.length]!;
    const message = this.network.submit({ to: destination, text, channel: span.portName, from: span.simNumber, meta: { port: span.port } });
    if (mode === 0) return { data: [] };
    const settled = await this.waitUntilLeftQueue(message);
    return { data: [{ port: span.port, port_name: span.portName, dest_num: destination, status: STATUS_ON_WIRE[settled.state] ?? 'FAILED' }] };
  }

  private waitUntilLeftQueue(message: SimulatedMessage): Promise<SimulatedMessage> {
    if (message.state !== 'queued') return Promise.resolve(message);
    return new Promise((resolve) => {
      const listener = (changed: SimulatedMessage): void => {
        if (changed.id !== message.id || changed.state === 'queued') return;
        this.network.off('status', listener);
        resolve(changed);
      };
      this.network.on('status', listener);
    });
  }

  private handleOutbox(parameters: Record<string, unknown>): SimulatedOutcome {
    const page = Number(parameters.current_page ?? 1);
    if (!Number.isInteger(page) || page < 1) return { error: SPANGW_SIMULATOR_ERRORS.badRequest };
    const phone = typeof parameters.phone_number_filter === 'string' ? parameters.phone_number_filter.trim() : '';
    const bound = (name: string): number | undefined | 'bad' => {
      const value = parameters[name];
      if (value === undefined || value === '') return undefined;
      return typeof value === 'string' ? (parseGatewayLocalTime(value, this.utcOffsetMinutes) ?? 'bad') : 'bad';
    };
    const start = bound('start_datetime_filter');
    const end = bound('end_datetime_filter');
    if (start === 'bad' || end === 'bad') return { error: SPANGW_SIMULATOR_ERRORS.badRequest };
    const entries = [...this.network.messages.values()]
      .filter((message) => STATUS_ON_WIRE[message.state] !== undefined)
      .map((message) => ({ message, time: message.sentAt ?? message.doneAt ?? message.submittedAt }))
      .filter(({ message, time }) => (!phone || message.to.includes(phone)) && (start === undefined || time >= start) && (end === undefined || time <= end))
      .sort((a, b) => b.time - a.time);
    const data = entries.slice((page - 1) * this.pageSize, page * this.pageSize).map(({ message, time }) => ({
      port_name: message.channel ?? '',
      phonenumber: message.to,
      time: formatGatewayLocalTime(time, this.utcOffsetMinutes),
      message: message.text,
      status: STATUS_ON_WIRE[message.state],
    }));
    return { data };
  }

  private pushUrl(): string | undefined {
    const config = this.pushConfig;
    if (!config.enabled || !config.host) return undefined;
    const path = config.path.startsWith('/') ? config.path : `/${config.path}`;
    return `${config.scheme || 'http'}://${config.host}${config.port ? `:${config.port}` : ''}${path}`;
  }

  private sendPush(values: Array<[keyof SpangwPushConfig['names'], string]>): void {
    const base = this.pushUrl();
    if (!base) return;
    const query = new URLSearchParams();
    for (const [key, value] of values) {
      const name = this.pushConfig.names[key];
      if (name) query.append(name, value);
    }
    const extra = this.pushConfig.userDefined.replace(/^[?&]+/, '');
    const url = `${base}${base.includes('?') ? '&' : '?'}${query.toString()}${extra ? `&${extra}` : ''}`;
    void this.pushes.send({ url, method: 'GET' });
  }

  private spanOf(channel: string | undefined): SimulatedSpan | undefined {
    return this.spans.find((span) => span.portName === channel);
  }

  private pushStatus(message: SimulatedMessage): void {
    const status = STATUS_ON_WIRE[message.state];
    if (!status) return;
    const isReport = message.state === 'delivered' || (message.state !== 'sent' && message.sentAt !== undefined);
    if (isReport ? !this.pushConfig.reportsEnabled : !this.pushConfig.resultsEnabled) return;
    const span = this.spanOf(message.channel);
    this.sendPush([
      ['fromNumber', span?.simNumber ?? ''],
      ['toNumber', message.to],
      ['portName', message.channel ?? ''],
      ['message', message.text],
      ['time', formatGatewayLocalTime(message.sentAt ?? message.doneAt ?? message.submittedAt, this.utcOffsetMinutes)],
      ['imsi', span?.imsi ?? ''],
      ['status', status],
    ]);
  }

  private pushInbound(inbound: SimulatedInbound): void {
    const span = this.spanOf(inbound.channel);
    this.sendPush([
      ['fromNumber', inbound.from],
      ['toNumber', inbound.to ?? span?.simNumber ?? ''],
      ['portName', inbound.channel ?? ''],
      ['message', inbound.text],
      ['time', formatGatewayLocalTime(inbound.receivedAt, this.utcOffsetMinutes)],
      ['imsi', span?.imsi ?? ''],
    ]);
  }
}
