import { systemClock, type Clock } from '../../clock/clock';
import type { HttpTransport } from '../../transport/http-transport';
import { formatGatewayLocalTime } from '../shared/gateway-local-time';
import { SendRetryPolicy, type SendRetryPolicyOptions } from '../shared/send-retry-policy';
import { SPANGW_DEFAULT_SUCCESS_CODES, readSpangwEnvelope, type SpangwEnvelope } from './spangw-envelope';
import { parseSpangwOutboxPage, type SpangwOutboxEntry, type SpangwOutboxPage, type SpangwOutboxQuery } from './spangw-outbox';
import { parseSpangwPushConfig, type SpangwPushConfig, type SpangwPushConfigFields, spangwPushConfigFields } from './spangw-push-config';
import { readSpangwSendOutcome, type SpangwSendOutcome } from './spangw-send-outcome';
import { parseSpangwSpans, type SpangwSpan } from './spangw-span';
import { SPANGW_URIS } from './spangw-uris';

export interface SpangwApiOptions {
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
  /** The gateway's clock, minutes east of UTC (its dates carry no zone). Default 0. */
  gatewayUtcOffsetMinutes?: number;
  clock?: Clock;
  /** Upper bound on pages read by {@link SpangwApi.listOutbox}. Default 20. */
  maxOutboxPages?: number;
  /** Timeout for a synchronous send, which waits for the GSM module. Default 90 s. */
  syncSendTimeoutMs?: number;
  /** Repeats of requests that provably did not reach the gateway, and of reads (shared policy); `false` for none. */
  retry?: SendRetryPolicyOptions | false;
}

/**
 * The span gateway's JSON POST API ("POST API for send and receive sms", revision 2024-03-26) in
 * its own vocabulary: one method per endpoint, every call a POST of `{username, password, …}`
 * answered by a `{uri, code, msg, data}` envelope.
 */
export class SpangwApi {
  private readonly transport: HttpTransport;
  private readonly username: string;
  private readonly password: string;
  private readonly successCodes: readonly number[];
  private readonly parameterPlacement: 'top-level' | 'data';
  private readonly utcOffsetMinutes: number;
  private readonly maxOutboxPages: number;
  private readonly syncSendTimeoutMs: number;
  private readonly retry: SendRetryPolicy | undefined;

  constructor(options: SpangwApiOptions) {
    this.transport = options.transport;
    this.username = options.username;
    this.password = options.password;
    this.successCodes = options.successCodes?.length ? [...options.successCodes] : SPANGW_DEFAULT_SUCCESS_CODES;
    this.parameterPlacement = options.parameterPlacement ?? 'top-level';
    this.utcOffsetMinutes = options.gatewayUtcOffsetMinutes ?? 0;
    this.maxOutboxPages = Math.max(1, options.maxOutboxPages ?? 20);
    this.syncSendTimeoutMs = options.syncSendTimeoutMs ?? 90_000;
    this.retry = options.retry === false ? undefined : new SendRetryPolicy({ clock: options.clock ?? systemClock, ...options.retry });
  }

  /** `/sms/get_valid_spans`: every port with its name and whether it can send now. */
  async getValidSpans(): Promise<SpangwSpan[]> {
    const envelope = await this.call(SPANGW_URIS.validSpans, {}, { idempotent: true });
    return parseSpangwSpans(envelope.data);
  }

  /** `/sms/send` for one number (`dest_num` is a single number); throws on any refusal of the request. */
  async sendSms(destination: string, message: string, spans: readonly number[], mode: 'async' | 'sync'): Promise<SpangwSendOutcome> {
    const envelope = await this.call(
      SPANGW_URIS.send,
      { spans: [...spans], dest_num: destination, msg: message, mode: mode === 'sync' ? 1 : 0 },
      { idempotent: false, ...(mode === 'sync' ? { timeoutMs: this.syncSendTimeoutMs } : {}) },
    );
    return readSpangwSendOutcome(envelope.data, mode);
  }

  /** `/smsoutbox/get`: one page of the outbox, filtered. */
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

  /** `/smsoutbox/get_config`: the push configuration. */
  async getPushConfig(): Promise<SpangwPushConfig> {
    const envelope = await this.call(SPANGW_URIS.getPushConfig, {}, { idempotent: true });
    return parseSpangwPushConfig(envelope.data);
  }

  /** `/smsoutbox/set_config` with every field of `config`. */
  async setPushConfig(config: SpangwPushConfig): Promise<void> {
    await this.setPushConfigFields(spangwPushConfigFields(config));
  }

  /** `/smsoutbox/set_config` with the fields under the document's own names, every one sent as given. */
  async setPushConfigFields(fields: SpangwPushConfigFields): Promise<void> {
    await this.call(SPANGW_URIS.setPushConfig, { ...fields }, { idempotent: true });
  }

  private call(uri: string, parameters: Record<string, unknown>, options: { idempotent: boolean; timeoutMs?: number }): Promise<SpangwEnvelope> {
    const run = () => this.post(uri, parameters, options);
    return this.retry ? this.retry.run(run) : run();
  }

  private async post(uri: string, parameters: Record<string, unknown>, options: { idempotent: boolean; timeoutMs?: number }): Promise<SpangwEnvelope> {
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
