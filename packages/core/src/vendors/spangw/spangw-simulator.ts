import type { GatewaySimulator, SimulatorOptions } from '../../simulator/gateway-simulator';
import { isKnownAccount } from '../../simulator/simulator-credentials';
import { jsonReply, type SimulatorReply, type SimulatorRequest } from '../../simulator/simulator-request';
import { SimulatorServer } from '../../simulator/simulator-server';
import type { SimulatedInbound } from '../../simulator/simulated-network';
import type { SpangwPushConfig } from './spangw-push-config';
import { SPANGW_URIS } from './spangw-uris';
import { handleOutbox } from './spangw-simulator/outbox-handler';
import { handleGetPushConfig, handleSetPushConfig } from './spangw-simulator/push-config-handler';
import { SpangwPushSender } from './spangw-simulator/push-sender';
import { handleSend } from './spangw-simulator/send-handler';
import { DEFAULT_SIMULATED_SPANS, type SimulatedSpan } from './spangw-simulator/simulated-span';
import { SPANGW_SIMULATOR_ERRORS, type SimulatedOutcome, type SpangwSimulatorState } from './spangw-simulator/simulator-state';
import { handleValidSpans } from './spangw-simulator/valid-spans-handler';

export type { SimulatedSpan } from './spangw-simulator/simulated-span';
export { SPANGW_SIMULATOR_ERRORS } from './spangw-simulator/simulator-state';

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

/**
 * The span gateway's JSON POST API over real HTTP: spans with SIMs, `/sms/send` into the
 * simulated network (synchronous mode waits for the module), an outbox that follows the network
 * with pages and filters, and the configurable push — a GET to the configured URL with the
 * configured parameter names — for results, delivery reports and received SMS. One handler per
 * endpoint in `spangw-simulator/`.
 */
export class SpangwSimulator extends SimulatorServer implements GatewaySimulator, SpangwSimulatorState {
  readonly gateway = 'spangw' as const;
  readonly spans: SimulatedSpan[];
  pushConfig: SpangwPushConfig;
  successCode: number;
  readonly outboxPageSize: number;
  readonly utcOffsetMinutes: number;
  private spanCursor = 0;

  constructor(options: SpangwSimulatorOptions = {}) {
    super(options, [{ username: 'admin', password: 'spangw-secret' }]);
    this.successCode = options.successCode ?? 200;
    this.spans = (options.spans ?? DEFAULT_SIMULATED_SPANS).map((span) => ({ ...span }));
    this.outboxPageSize = options.outboxPageSize ?? 20;
    this.utcOffsetMinutes = options.utcOffsetMinutes ?? 0;
    const pushConfig = options.pushConfig ?? DEFAULT_PUSH_CONFIG;
    this.pushConfig = { ...pushConfig, names: { ...pushConfig.names } };

    this.route(SPANGW_URIS.validSpans, () => handleValidSpans(this));
    this.route(SPANGW_URIS.send, (parameters) => handleSend(this, parameters));
    this.route(SPANGW_URIS.outbox, (parameters) => handleOutbox(this, parameters));
    this.route(SPANGW_URIS.getPushConfig, () => handleGetPushConfig(this));
    this.route(SPANGW_URIS.setPushConfig, (parameters) => handleSetPushConfig(this, parameters));

    const pushSender = new SpangwPushSender(this, this.pushes);
    this.network.on('status', (message) => pushSender.status(message));
    this.network.on('inbound', (inbound) => pushSender.inbound(inbound));
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

  nextSpanOf(candidates: readonly SimulatedSpan[]): SimulatedSpan {
    return candidates[this.spanCursor++ % candidates.length]!;
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
}
