import { systemClock, type Clock } from '../../clock/clock';
import { countSegments } from '../../codec';
import { GatewayAuthError, GatewayRejectedError, GatewayUnreachableError, InvalidRequestError, SmsBridgeError } from '../../errors';
import type { AdminCommandResult, DeliveryStatus, SendRequest, SendResult } from '../../model';
import type { HttpTransport } from '../../transport/http-transport';
import type { GatewayClient } from '../gateway-client';
import { PhoneNumberNormaliser } from '../shared/phone-number-normaliser';
import { SPANGW_DEFAULT_SUCCESS_CODES, readSpangwEnvelope, type SpangwEnvelope } from './spangw-envelope';
import { formatGatewayLocalTime, parseGatewayLocalTime, gatewayLocalTimeToIso } from '../shared/gateway-local-time';
import {
  formatSpangwMessageReference,
  parseSpangwMessageReference,
  spangwTextHash,
  type SpangwMessageReference,
} from './spangw-message-reference';
import { parseSpangwOutboxPage, type SpangwOutboxEntry, type SpangwOutboxPage, type SpangwOutboxQuery } from './spangw-outbox';
import { parseSpangwPushConfig, spangwPushConfigFields, type SpangwPushConfig } from './spangw-push-config';
import { readSpangwSendOutcome, type SpangwSendOutcome } from './spangw-send-outcome';
import { parseSpangwSpans, type SpangwSpan } from './spangw-span';
import { SPANGW_URIS } from './spangw-uris';

export interface SpangwClientOptions {
  transport: HttpTransport;
  username: string;
  password: string;
  /** `code` values that mean success (default 0 and 200). */
  successCodes?: readonly number[];
  /**
   * Where the function parameters go: beside `username`/`password` (`top-level`, default) or
   * inside a `data` object (`data`). The seed's tables allow both readings.
   */
  parameterPlacement?: 'top-level' | 'data';
  /** `async` (mode 0, default): queued, answer at once. `sync` (mode 1): the answer waits for the module. */
  sendMode?: 'async' | 'sync';
  /** Ports to send through; default: every span `get_valid_spans` reports available. */
  spans?: number[];
  /** The gateway's clock, minutes east of UTC (its dates carry no zone). Default 0. */
  gatewayUtcOffsetMinutes?: number;
  clock?: Clock;
  /** How far before our send time an outbox entry may be stamped (clock skew between us and the box). Default 5 min. */
  statusLookBackMs?: number;
  /** Upper bound on pages read for one status lookup or listing. Default 20. */
  maxOutboxPages?: number;
  /** Timeout for a synchronous send, which waits for the GSM module. Default 90 s. */
  syncSendTimeoutMs?: number;
}

export type SpangwAdminCommand = 'spans' | 'outbox' | 'get-push-config' | 'set-push-config';

/**
 * Client of the span-based gateway's JSON POST API (seed 002). Every call is a POST of
 * `{username, password, …}` answered by a `{uri, code, msg, data}` envelope.
 */
export class SpangwClient implements GatewayClient {
  readonly gateway = 'spangw' as const;
  /** Remembers recent destinations: a bulk send repeats them, and parsing one costs ~20 µs. */
  private readonly phoneNumbers = new PhoneNumberNormaliser();
  private readonly transport: HttpTransport;
  private readonly username: string;
  private readonly password: string;
  private readonly successCodes: readonly number[];
  private readonly parameterPlacement: 'top-level' | 'data';
  private readonly sendMode: 'async' | 'sync';
  private readonly spans: number[] | undefined;
  private readonly utcOffsetMinutes: number;
  private readonly clock: Clock;
  private readonly statusLookBackMs: number;
  private readonly maxOutboxPages: number;
  private readonly syncSendTimeoutMs: number;

  constructor(options: SpangwClientOptions) {
    if (!options.username) throw new InvalidRequestError('spangw needs the username of the gateway API account.');
    this.transport = options.transport;
    this.username = options.username;
    this.password = options.password;
    this.successCodes = options.successCodes?.length ? [...options.successCodes] : SPANGW_DEFAULT_SUCCESS_CODES;
    this.parameterPlacement = options.parameterPlacement ?? 'top-level';
    this.sendMode = options.sendMode ?? 'async';
    this.spans = options.spans?.length ? [...options.spans] : undefined;
    this.utcOffsetMinutes = options.gatewayUtcOffsetMinutes ?? 0;
    this.clock = options.clock ?? systemClock;
    this.statusLookBackMs = options.statusLookBackMs ?? 5 * 60_000;
    this.maxOutboxPages = Math.max(1, options.maxOutboxPages ?? 20);
    this.syncSendTimeoutMs = options.syncSendTimeoutMs ?? 90_000;
  }

  /** Every port with its name and whether it can send now. */
  async getValidSpans(): Promise<SpangwSpan[]> {
    const envelope = await this.call(SPANGW_URIS.validSpans, {}, { idempotent: true });
    return parseSpangwSpans(envelope.data);
  }

  /** One `/sms/send` for one number. Throws on any refusal; {@link send} turns that into per-recipient results. */
  async sendToNumber(destination: string, message: string, spans: number[], mode: 'async' | 'sync' = this.sendMode): Promise<SpangwSendOutcome> {
    const envelope = await this.call(
      SPANGW_URIS.send,
      { spans, dest_num: destination, msg: message, mode: mode === 'sync' ? 1 : 0 },
      { idempotent: false, timeoutMs: mode === 'sync' ? this.syncSendTimeoutMs : undefined },
    );
    return readSpangwSendOutcome(envelope.data, mode);
  }

  /**
   * One request per recipient (the API takes one `dest_num`). A refusal is reported on that
   * recipient and the others still go; a failure before anything was accepted that concerns the
   * whole gateway (credentials, unreachable) is thrown instead.
   */
  async send(request: SendRequest): Promise<SendResult[]> {
    if (request.to.length === 0) throw new InvalidRequestError('Give at least one recipient number.');
    if (request.text === '') throw new InvalidRequestError('The message text is empty.');
    const plan = countSegments(request.text, { encoding: request.encoding ?? 'auto' });
    const spans = this.spansFrom(request) ?? (await this.availableSpans());
    const mode = request.vendorOptions?.mode === 'sync' || request.vendorOptions?.mode === 1 ? 'sync' : this.sendMode;
    const textHash = spangwTextHash(request.text);
    // Every number is checked before the first one is sent.
    const destinations = request.to.map((to) => this.phoneNumbers.normalise(to, { format: 'as-is' }));
    const results: SendResult[] = [];
    for (const destination of destinations) {
      const reference: SpangwMessageReference = { phoneNumber: destination, sentAt: this.clock.now(), textHash };
      const base = { to: destination, parts: plan.count, encoding: plan.encoding, gateway: this.gateway };
      try {
        const outcome = await this.sendToNumber(destination, request.text, spans, mode);
        results.push({
          ...base,
          accepted: outcome.accepted,
          messageId: formatSpangwMessageReference(reference),
          state: outcome.state,
          ...(outcome.accepted ? {} : { errorCode: outcome.rawStatus, errorMessage: 'the gateway reported the send as failed' }),
          raw: { spans, mode, data: outcome.data },
        });
      } catch (error) {
        const nothingAccepted = results.every((result) => !result.accepted);
        if (nothingAccepted && (error instanceof GatewayAuthError || error instanceof GatewayUnreachableError)) throw error;
        if (!(error instanceof SmsBridgeError)) throw error;
        results.push({
          ...base,
          accepted: false,
          // A timeout may still have been sent: leave it unknown rather than claim a failure.
          state: error.code === 'SMSB_GATEWAY_TIMEOUT' || error.code === 'SMSB_GATEWAY_MALFORMED_RESPONSE' ? 'unknown' : 'failed',
          errorCode: error instanceof GatewayRejectedError ? error.vendorCode : error.code,
          errorMessage: error.message,
          raw: { spans, mode, error: error.toJSON() },
        });
      }
    }
    return results;
  }

  /** One page of the outbox, filtered. */
  async getOutbox(query: SpangwOutboxQuery = {}): Promise<SpangwOutboxPage> {
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const envelope = await this.call(
      SPANGW_URIS.outbox,
      {
        current_page: page,
        phone_number_filter: query.phoneNumber,
        start_datetime_filter: query.from ? formatGatewayLocalTime(query.from, this.utcOffsetMinutes) : undefined,
        end_datetime_filter: query.to ? formatGatewayLocalTime(query.to, this.utcOffsetMinutes) : undefined,
      },
      { idempotent: true },
    );
    return parseSpangwOutboxPage(envelope.data, page);
  }

  /**
   * Reads pages from `query.page` (default 1) until an empty or short page, the page count the
   * gateway gave, or `maxPages`.
   */
  async listOutbox(query: SpangwOutboxQuery = {}, maxPages = this.maxOutboxPages): Promise<SpangwOutboxEntry[]> {
    const entries: SpangwOutboxEntry[] = [];
    let pageSize = 0;
    let previous = '';
    const first = Math.max(1, Math.floor(query.page ?? 1));
    for (let page = first; page < first + maxPages; page += 1) {
      const result = await this.getOutbox({ ...query, page });
      // Some web apps answer every page past the end with the last one again.
      const fingerprint = JSON.stringify(result.entries.map((entry) => entry.raw));
      if (page > first && fingerprint === previous) break;
      previous = fingerprint;
      entries.push(...result.entries);
      pageSize = Math.max(pageSize, result.entries.length);
      if (result.entries.length === 0 || result.entries.length < pageSize) break;
      if (result.totalPages !== undefined && page >= result.totalPages) break;
    }
    return entries;
  }

  /**
   * Finds the message in the outbox by number and text, the entry stamped closest to our send
   * time, and reports its status. `unknown` while the gateway has not listed it yet.
   */
  async status(messageId: string): Promise<DeliveryStatus> {
    const reference = parseSpangwMessageReference(messageId);
    if (!reference) {
      throw new InvalidRequestError(`"${messageId}" is not a spangw message id; use the messageId returned by send.`);
    }
    const entries = await this.listOutbox({ phoneNumber: reference.phoneNumber, from: new Date(reference.sentAt - this.statusLookBackMs) });
    let best: { entry: SpangwOutboxEntry; distance: number } | undefined;
    for (const entry of entries) {
      if (entry.phoneNumber.replace(/^\+/, '') !== reference.phoneNumber.replace(/^\+/, '')) continue;
      if (spangwTextHash(entry.message) !== reference.textHash) continue;
      const stamped = parseGatewayLocalTime(entry.time, this.utcOffsetMinutes);
      const distance = stamped === undefined ? Number.MAX_SAFE_INTEGER : Math.abs(stamped - reference.sentAt);
      if (!best || distance < best.distance) best = { entry, distance };
    }
    if (!best) return { state: 'unknown', messageId, to: reference.phoneNumber, rawStatus: '', gateway: this.gateway };
    const at = gatewayLocalTimeToIso(best.entry.time, this.utcOffsetMinutes);
    return {
      state: best.entry.state,
      messageId,
      to: best.entry.phoneNumber,
      rawStatus: best.entry.status,
      ...(at ? { at } : {}),
      gateway: this.gateway,
      raw: best.entry.raw,
    };
  }

  async getPushConfig(): Promise<SpangwPushConfig> {
    const envelope = await this.call(SPANGW_URIS.getPushConfig, {}, { idempotent: true });
    return parseSpangwPushConfig(envelope.data);
  }

  async setPushConfig(config: SpangwPushConfig): Promise<void> {
    await this.call(SPANGW_URIS.setPushConfig, spangwPushConfigFields(config), { idempotent: true });
  }

  /** `spans`, `outbox` (args: page, phoneNumber, from, to), `get-push-config`, `set-push-config` (args: a SpangwPushConfig). */
  async admin(command: string, args: Record<string, unknown> = {}): Promise<AdminCommandResult> {
    const result = (data: Record<string, unknown>): AdminCommandResult => ({ command, ok: true, data, gateway: this.gateway });
    switch (command as SpangwAdminCommand) {
      case 'spans':
        return result({ spans: await this.getValidSpans() });
      case 'outbox': {
        const date = (value: unknown): Date | undefined => (value === undefined || value === '' ? undefined : new Date(value as string | number));
        const page = await this.getOutbox({
          page: args.page === undefined ? undefined : Number(args.page),
          phoneNumber: args.phoneNumber === undefined ? undefined : String(args.phoneNumber),
          from: date(args.from),
          to: date(args.to),
        });
        return result({ ...page });
      }
      case 'get-push-config':
        return result({ config: await this.getPushConfig() });
      case 'set-push-config': {
        const current = await this.getPushConfig();
        const merged: SpangwPushConfig = { ...current, ...(args as Partial<SpangwPushConfig>), names: { ...current.names, ...((args.names as object) ?? {}) } };
        await this.setPushConfig(merged);
        return result({ config: merged });
      }
      default:
        throw new InvalidRequestError(`spangw has no admin command "${command}"; use spans, outbox, get-push-config or set-push-config.`);
    }
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private spansFrom(request: SendRequest): number[] | undefined {
    const requested = request.vendorOptions?.spans;
    if (Array.isArray(requested) && requested.length > 0) {
      const spans = requested.map(Number);
      if (spans.some((span) => !Number.isInteger(span))) throw new InvalidRequestError('vendorOptions.spans must be port numbers.');
      return spans;
    }
    return this.spans;
  }

  private async availableSpans(): Promise<number[]> {
    const spans = (await this.getValidSpans()).filter((span) => span.available).map((span) => span.port);
    if (spans.length === 0) {
      throw new GatewayRejectedError('spangw has no span available to send (no SIM registered or all busy); try again later.', 'NO_SPAN', {
        retryable: true,
        details: { gateway: this.gateway },
      });
    }
    return spans;
  }

  private async call(
    uri: string,
    parameters: Record<string, unknown>,
    options: { idempotent: boolean; timeoutMs?: number },
  ): Promise<SpangwEnvelope> {
    const defined = Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined));
    const credentials = { username: this.username, password: this.password };
    const payload = this.parameterPlacement === 'data' ? { ...credentials, data: defined } : { ...credentials, ...defined };
    const response = await this.transport.request({
      method: 'POST',
      path: uri,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(payload),
      idempotent: options.idempotent,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    return readSpangwEnvelope(response, { uri, successCodes: this.successCodes, idempotent: options.idempotent, secrets: [this.password] });
  }
}
