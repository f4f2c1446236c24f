import { systemClock, type Clock } from '../../clock/clock';
import { startClockTimer } from '../../clock/clock-timer';
import { countSegments } from '../../codec';
import type { TextEncoding } from '../../codec/types';
import { GatewayAuthError, GatewayRejectedError, GatewayUnreachableError, InvalidRequestError, SmsBridgeError } from '../../errors';
import type { AdminCommandResult, DeliveryStatus, SendRequest, SendResult, UssdExchange } from '../../model';
import type { HttpTransport } from '../../transport/http-transport';
import type { GatewayClient, InboxPage, UssdRequest } from '../gateway-client';
import { PhoneNumberNormaliser } from '../shared/phone-number-normaliser';
import { SendRetryPolicy, type SendRetryPolicyOptions } from '../shared/send-retry-policy';
import { formatGatewayLocalTime } from '../shared/gateway-local-time';
import { DinstarAuthenticatingTransport, type DinstarAuthScheme } from './dinstar-authenticating-transport';
import { parseDinstarDeliverStatuses, type DinstarDeliverStatus } from './dinstar-deliver-status';
import { DINSTAR_ERROR_CODES } from './dinstar-error-code';
import { parseDinstarInboxCursor, parseDinstarIncomingSms, type DinstarIncomingSms } from './dinstar-incoming-sms';
import { dinstarMessageId, parseDinstarMessageId } from './dinstar-message-id';
import { parseDinstarPortInfo, type DinstarPortInfo, type DinstarPortInfoType } from './dinstar-port-info';
import { dinstarInboundToModel } from './dinstar-to-model';
import { readDinstarAnswer, type DinstarAnswer } from './dinstar-response';
import { DINSTAR_SEND_LIMITS, planDinstarSendChunks, type DinstarRecipient, type DinstarSendLimits } from './dinstar-send-chunks';
import { optionalInteger, parseDinstarSmsResults, type DinstarSmsResult } from './dinstar-sms-result';
import {
  DINSTAR_USSD_SEND_STATUS,
  parseDinstarUssdReplies,
  parseDinstarUssdSendStatuses,
  type DinstarUssdReply,
  type DinstarUssdSendStatus,
} from './dinstar-ussd';

export interface DinstarClientOptions {
  transport: HttpTransport;
  username: string;
  password: string;
  /** Default `digest`. */
  authScheme?: DinstarAuthScheme;
  /** Path part of the base URL, signed by Digest (e.g. `/gw` for `https://host/gw`). */
  basePath?: string;
  /** Reuse pooled connections (default true; false sends `Connection: close`, see DinstarAuthenticatingTransport). */
  keepAlive?: boolean;
  clock?: Clock;
  /** The gateway's clock, minutes east of UTC. Default 0. */
  gatewayUtcOffsetMinutes?: number;
  /** Override the per-request limits of `send_sms` (128 numbers, 1500 bytes). */
  sendLimits?: Partial<DinstarSendLimits>;
  /** Ports used by `send` when the request names none (default: the gateway chooses). */
  ports?: number[];
  /** Ask for delivery reports on every send (newer firmware; default false unless the request asks). */
  requestStatusReport?: boolean;
  /** USSD: how often to look for the reply and how long to wait (defaults 1 s and 30 s). */
  ussdPollIntervalMs?: number;
  ussdTimeoutMs?: number;
  /** Repeats of requests that provably did not reach the gateway (and of reads). */
  retry?: SendRetryPolicyOptions;
  /** First `user_id` handed out (default derived from the clock so restarts do not reuse ids). */
  firstUserId?: number;
  newClientNonce?: () => string;
}

/** Filters of `query_sms_result` and `query_sms_deliver_status`. */
export interface DinstarRecordFilter {
  numbers?: string[];
  ports?: number[];
  after?: Date;
  before?: Date;
  userIds?: number[];
}

/** The answer of one `send_sms`. */
export interface DinstarSendAnswer {
  smsInQueue?: number;
  taskId?: number;
  sn?: string;
}

export interface DinstarSendSmsRequest {
  text: string;
  recipients: DinstarRecipient[];
  ports?: number[];
  encoding?: 'unicode' | 'gsm-7bit';
  requestStatusReport?: boolean;
}

export type DinstarAdminCommand =
  | 'port-info'
  | 'queue'
  | 'stop-sms'
  | 'reset-port'
  | 'power-port'
  | 'switch-slot'
  | 'status'
  | 'cdr'
  | 'cancel-ussd';

/** Numbers per query (`query_sms_result`, `query_sms_deliver_status` answer 413 beyond). */
const MAX_NUMBERS_PER_QUERY = 32;
const MAX_USSD_BYTES = 60;

function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

function expandTemplate(text: string, values: readonly string[] | undefined): string {
  if (!values?.length) return text;
  let index = 0;
  return text.replace(/#param#/g, (placeholder) => (index < values.length ? values[index++]! : placeholder));
}

/**
 * Client of the Dinstar GSM gateway HTTP API ("New Version API", firmware 1102+). HTTP Digest on
 * every request, errors branched on `error_code` in 200 bodies, batches chunked to the API's limits
 * without ever sending a chunk twice, inbox read with a repeatable `flag=all` cursor.
 */
export class DinstarClient implements GatewayClient {
  readonly gateway = 'dinstar' as const;
  /** Remembers recent destinations: a bulk send repeats them, and parsing one costs ~20 µs. */
  private readonly phoneNumbers = new PhoneNumberNormaliser();
  private readonly transport: DinstarAuthenticatingTransport;
  private readonly password: string;
  private readonly clock: Clock;
  private readonly utcOffsetMinutes: number;
  private readonly limits: DinstarSendLimits;
  private readonly ports: number[] | undefined;
  private readonly requestStatusReport: boolean;
  private readonly ussdPollIntervalMs: number;
  private readonly ussdTimeoutMs: number;
  private readonly retry: SendRetryPolicy;
  private nextUserId: number;

  constructor(options: DinstarClientOptions) {
    if (!options.username) throw new InvalidRequestError('dinstar needs the username of the gateway\'s web/API account.');
    this.password = options.password;
    this.clock = options.clock ?? systemClock;
    this.transport = new DinstarAuthenticatingTransport({
      transport: options.transport,
      username: options.username,
      password: options.password,
      scheme: options.authScheme,
      basePath: options.basePath,
      keepAlive: options.keepAlive,
      newClientNonce: options.newClientNonce,
    });
    this.utcOffsetMinutes = options.gatewayUtcOffsetMinutes ?? 0;
    this.limits = { ...DINSTAR_SEND_LIMITS, ...options.sendLimits };
    this.ports = options.ports?.length ? [...options.ports] : undefined;
    this.requestStatusReport = options.requestStatusReport ?? false;
    this.ussdPollIntervalMs = options.ussdPollIntervalMs ?? 1_000;
    this.ussdTimeoutMs = options.ussdTimeoutMs ?? 30_000;
    this.retry = new SendRetryPolicy({
      clock: this.clock,
      ...options.retry,
      // An error_code answer is the gateway's decision; repeating it changes nothing.
      shouldRetry: (error, attempt) =>
        !(error instanceof GatewayRejectedError && typeof error.vendorCode === 'number') && (options.retry?.shouldRetry?.(error, attempt) ?? true),
    });
    // Seconds since the epoch in the high bits: ids from a restarted client do not repeat old ones.
    this.nextUserId = options.firstUserId ?? (Math.floor(this.clock.now() / 1000) % 2 ** 21) * 1024;
  }

  /** One `send_sms` as the API defines it; throws on any `error_code` other than 202. */
  async sendSms(request: DinstarSendSmsRequest): Promise<DinstarSendAnswer> {
    const body: Record<string, unknown> = {
      text: request.text,
      param: request.recipients.map((recipient) => ({
        number: recipient.number,
        ...(recipient.textParams?.length ? { text_param: recipient.textParams } : {}),
        user_id: recipient.userId,
      })),
    };
    if (request.ports?.length) body.port = request.ports;
    if (request.encoding) body.encoding = request.encoding;
    if (request.requestStatusReport) body.request_status_report = true;
    const answer = await this.call('send_sms', { method: 'POST', body, idempotent: false, successCodes: [DINSTAR_ERROR_CODES.accepted, DINSTAR_ERROR_CODES.ok] });
    const result: DinstarSendAnswer = {};
    const inQueue = optionalInteger(answer.body.sms_in_queue);
    const taskId = optionalInteger(answer.body.task_id);
    if (inQueue !== undefined) result.smsInQueue = inQueue;
    if (taskId !== undefined) result.taskId = taskId;
    if (answer.sn) result.sn = answer.sn;
    return result;
  }

  /**
   * Sends to every recipient in as few requests as the limits allow. Each recipient carries its own
   * `user_id` (its message id). A chunk that fails is reported on its recipients and never sent
   * again here; the other chunks still go. Credentials refused or gateway unreachable before
   * anything was accepted throw instead.
   *
   * `vendorOptions`: `ports` (number[]), `textParams` (string[][], one array per recipient for the
   * text's `#param#` placeholders).
   */
  async send(request: SendRequest): Promise<SendResult[]> {
    if (request.to.length === 0) throw new InvalidRequestError('Give at least one recipient number.');
    if (request.text === '') throw new InvalidRequestError('The message text is empty.');
    const textParams = request.vendorOptions?.textParams;
    if (textParams !== undefined && (!Array.isArray(textParams) || textParams.some((values) => !Array.isArray(values)))) {
      throw new InvalidRequestError('vendorOptions.textParams must be one array of strings per recipient.');
    }
    const recipients: DinstarRecipient[] = request.to.map((to, index) => {
      // Local numbers and short codes (10086) are normal here: only the form is checked.
      const number = this.phoneNumbers.normalise(to, { format: 'as-is' });
      if (number.length > 24) throw new InvalidRequestError(`"${to}" is longer than the 24 digits the gateway takes.`);
      const values = (textParams as unknown[][] | undefined)?.[index]?.map(String);
      return { number, userId: this.takeUserId(), ...(values?.length ? { textParams: values } : {}) };
    });
    const texts = recipients.map((recipient) => expandTemplate(request.text, recipient.textParams));
    const choice = request.encoding ?? 'auto';
    const needsUnicode = choice === 'ucs2' || (choice === 'auto' && texts.some((text) => countSegments(text, { encoding: 'auto' }).encoding === 'ucs2'));
    const encoding: TextEncoding = needsUnicode ? 'ucs2' : 'gsm7';
    const plans = texts.map((text) => countSegments(text, { encoding }));
    const ports = this.portsFrom(request);
    const statusReport = request.statusReport ?? this.requestStatusReport;
    const chunks = planDinstarSendChunks(request.text, recipients, this.limits);

    const results: SendResult[] = [];
    const indexOf = new Map(recipients.map((recipient, index) => [recipient, index]));
    for (const [chunkIndex, recipientsOfChunk] of chunks.entries()) {
      const base = (recipient: DinstarRecipient) => {
        const plan = plans[indexOf.get(recipient)!]!;
        return { to: recipient.number, parts: plan.count, encoding: plan.encoding, gateway: this.gateway };
      };
      try {
        const answer = await this.sendSms({
          text: request.text,
          recipients: recipientsOfChunk,
          ...(ports ? { ports } : {}),
          encoding: needsUnicode ? 'unicode' : 'gsm-7bit',
          requestStatusReport: statusReport,
        });
        for (const recipient of recipientsOfChunk) {
          results.push({
            ...base(recipient),
            accepted: true,
            messageId: dinstarMessageId(recipient.userId, recipient.number),
            state: 'queued',
            raw: { userId: recipient.userId, chunk: chunkIndex, ...answer },
          });
        }
      } catch (error) {
        const nothingAccepted = results.every((result) => !result.accepted);
        if (nothingAccepted && (error instanceof GatewayAuthError || error instanceof GatewayUnreachableError)) throw error;
        if (!(error instanceof SmsBridgeError)) throw error;
        // A timeout or a cut answer may hide an accepted chunk: say unknown, never resend blindly.
        const unknown = error.code === 'SMSB_GATEWAY_TIMEOUT' || error.code === 'SMSB_GATEWAY_MALFORMED_RESPONSE' || error.code === 'SMSB_GATEWAY_TRANSPORT';
        for (const recipient of recipientsOfChunk) {
          results.push({
            ...base(recipient),
            accepted: false,
            ...(unknown ? { messageId: dinstarMessageId(recipient.userId, recipient.number) } : {}),
            state: unknown ? 'unknown' : 'failed',
            errorCode: error instanceof GatewayRejectedError ? error.vendorCode : error.code,
            errorMessage: error.message,
            raw: { userId: recipient.userId, chunk: chunkIndex, error: error.toJSON() },
          });
        }
      }
    }
    return results;
  }

  /** `query_sms_result`, split into requests of at most 32 numbers / user ids. */
  async querySmsResult(filter: DinstarRecordFilter = {}): Promise<DinstarSmsResult[]> {
    const results: DinstarSmsResult[] = [];
    for (const body of this.recordQueries(filter, true)) {
      const answer = await this.call('query_sms_result', { method: 'POST', body, idempotent: true });
      results.push(...parseDinstarSmsResults(answer.body.result));
    }
    return results;
  }

  /** `query_sms_deliver_status`, split like {@link querySmsResult}. */
  async queryDeliverStatus(filter: DinstarRecordFilter = {}): Promise<DinstarDeliverStatus[]> {
    const reports: DinstarDeliverStatus[] = [];
    for (const body of this.recordQueries({ ...filter, userIds: undefined }, false)) {
      const answer = await this.call('query_sms_deliver_status', { method: 'POST', body, idempotent: true });
      reports.push(...parseDinstarDeliverStatuses(answer.body.result));
    }
    return reports;
  }

  /** Messages waiting to be sent. */
  async querySmsInQueue(): Promise<number> {
    const answer = await this.call('query_sms_in_queue', { method: 'GET', idempotent: true });
    return optionalInteger(answer.body.in_queue) ?? 0;
  }

  /**
   * `query_incoming_sms`. The default `flag=all` does not change the gateway's state; `unread`
   * marks what it returns as read, so a lost answer loses those messages.
   */
  async queryIncomingSms(options: { afterId?: number; flag?: 'all' | 'read' | 'unread' } = {}): Promise<{ sms: DinstarIncomingSms[]; read?: number; unread?: number }> {
    const answer = await this.call('query_incoming_sms', {
      method: 'GET',
      query: { incoming_sms_id: options.afterId ?? 0, flag: options.flag ?? 'all' },
      idempotent: (options.flag ?? 'all') !== 'unread',
    });
    const read = optionalInteger(answer.body.read);
    const unread = optionalInteger(answer.body.unread);
    return { sms: parseDinstarIncomingSms(answer.body.sms), ...(read === undefined ? {} : { read }), ...(unread === undefined ? {} : { unread }) };
  }

  /** Received SMS above the cursor (the highest `incoming_sms_id` already handed on), oldest first. */
  async inbox(cursor?: string): Promise<InboxPage> {
    const afterId = parseDinstarInboxCursor(cursor);
    const { sms } = await this.queryIncomingSms({ afterId, flag: 'all' });
    const fresh = sms.filter((message) => message.incomingSmsId > afterId).sort((a, b) => a.incomingSmsId - b.incomingSmsId);
    const highest = fresh.reduce((max, message) => Math.max(max, message.incomingSmsId), afterId);
    return { messages: fresh.map((message) => dinstarInboundToModel(message, this.utcOffsetMinutes)), cursor: String(highest) };
  }

  /** `send_ussd` with `command: send`; per-port outcome (200 sent, 486 busy, 503 not available). */
  async sendUssd(ports: number[], text: string): Promise<DinstarUssdSendStatus[]> {
    if (text.trim() === '') throw new InvalidRequestError('The USSD code is empty.');
    if (Buffer.byteLength(text, 'utf8') > MAX_USSD_BYTES) throw new InvalidRequestError(`The USSD text is over ${MAX_USSD_BYTES} bytes; the gateway refuses it.`);
    const answer = await this.call('send_ussd', { method: 'POST', body: { text, port: ports, command: 'send' }, idempotent: false, successCodes: [202, 200] });
    return parseDinstarUssdSendStatuses(answer.body.result);
  }

  /** Ends the USSD session on the ports. */
  async cancelUssd(ports: number[]): Promise<DinstarUssdSendStatus[]> {
    const answer = await this.call('send_ussd', { method: 'POST', body: { text: '', port: ports, command: 'cancel' }, idempotent: true, successCodes: [202, 200] });
    return parseDinstarUssdSendStatuses(answer.body.result);
  }

  async queryUssdReply(ports: number[]): Promise<DinstarUssdReply[]> {
    const answer = await this.call('query_ussd_reply', { method: 'GET', query: { port: ports.join(',') }, idempotent: true });
    return parseDinstarUssdReplies(answer.body.reply);
  }

  /**
   * Sends a USSD code and waits for the reply. A reply is only `{port, text}`, so it is matched by
   * port and time: an accepted send starts a new session (the port shows a single space, "nothing
   * yet"), so the first text seen on that port afterwards is the answer. When it equals the text
   * the port showed before sending, `raw.sameAsBefore` says so: a box that did not clear the old
   * reply could be showing that one.
   */
  async ussd(request: UssdRequest): Promise<UssdExchange> {
    const port = request.port === undefined ? await this.firstRegisteredPort() : Number(request.port);
    if (!Number.isInteger(port) || port < 0) throw new InvalidRequestError(`"${request.port}" is not a gateway port number.`);
    const before = (await this.queryUssdReply([port])).find((reply) => reply.port === port);
    const [status] = (await this.sendUssd([port], request.code)).filter((entry) => entry.port === port);
    const exchange = { code: request.code, port, gateway: this.gateway, awaitingInput: false };
    if (status && status.status !== DINSTAR_USSD_SEND_STATUS.sent) {
      const busy = status.status === DINSTAR_USSD_SEND_STATUS.busy;
      throw new GatewayRejectedError(
        busy ? `Port ${port} is busy (sending SMS); try the USSD code again shortly.` : `Port ${port} cannot send USSD now (status ${status.status}): check its SIM and registration.`,
        status.status,
        { retryable: busy, details: { gateway: this.gateway, port } },
      );
    }
    const deadline = this.clock.now() + this.ussdTimeoutMs;
    const maxPolls = Math.max(1, Math.ceil(this.ussdTimeoutMs / Math.max(1, this.ussdPollIntervalMs)));
    for (let poll = 0; poll < maxPolls && this.clock.now() < deadline; poll += 1) {
      await this.sleep(this.ussdPollIntervalMs);
      const reply = (await this.queryUssdReply([port])).find((entry) => entry.port === port);
      if (!reply?.hasReply) continue;
      const sameAsBefore = before?.hasReply === true && before.text === reply.text;
      return { ...exchange, reply: reply.text, state: 'replied', raw: { port, text: reply.text, sameAsBefore } };
    }
    return { ...exchange, state: 'pending' };
  }

  /** `stop_sms`: stops a task from `send_sms`; 404 when it is unknown or finished. */
  async stopSms(taskId: number): Promise<void> {
    await this.call('stop_sms', { method: 'GET', query: { task_id: taskId }, idempotent: true });
  }

  /** `get_port_info` for the given fields (default all of the seed's) and ports (default all). */
  async getPortInfo(infoTypes: readonly DinstarPortInfoType[] = ['type', 'imei', 'imsi', 'iccid', 'smsc', 'number', 'reg'], ports?: number[]): Promise<DinstarPortInfo[]> {
    const answer = await this.call('get_port_info', {
      method: 'GET',
      query: { ...(ports?.length ? { port: ports.join(',') } : {}), info_type: infoTypes.join(',') },
      idempotent: true,
    });
    return parseDinstarPortInfo(answer.body.info);
  }

  /** `set_port_info` (newer firmware): `reset` a module, `power` it on/off, switch the SIM `slot`. */
  async setPortInfo(port: number, action: 'reset' | 'power' | 'slot', param?: string | number): Promise<DinstarAnswer> {
    return this.call('set_port_info', {
      method: 'GET',
      query: { port, action, ...(param === undefined ? {} : { param }) },
      idempotent: action !== 'reset',
    });
  }

  /** `get_status` (newer firmware), e.g. `["performance"]`. */
  async getStatus(items: string[] = ['performance']): Promise<Record<string, unknown>> {
    return (await this.call('get_status', { method: 'POST', body: items, idempotent: true })).body;
  }

  /** `get_cdr` (newer firmware): call detail records. */
  async getCdr(filter: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    return (await this.call('get_cdr', { method: 'POST', body: filter, idempotent: true })).body;
  }

  /**
   * Result of the send (by `user_id`), then — once SENT_OK — the delivery reports of its parts,
   * matched by port, number and `ref_id` (each part has the next ref id, modulo 256).
   */
  async status(messageId: string): Promise<DeliveryStatus> {
    const parsed = parseDinstarMessageId(messageId);
    if (!parsed) throw new InvalidRequestError(`"${messageId}" is not a dinstar message id; use the messageId returned by send.`);
    const results = (await this.querySmsResult({ userIds: [parsed.userId], numbers: [parsed.number] })).filter(
      (result) => result.userId === parsed.userId && result.number === parsed.number,
    );
    const result = results.sort((a, b) => b.time.localeCompare(a.time))[0];
    const status = (state: DeliveryStatus['state'], rawStatus: string | number, extra: Partial<DeliveryStatus> = {}): DeliveryStatus => ({
      state,
      messageId,
      to: parsed.number,
      rawStatus,
      gateway: this.gateway,
      ...extra,
    });
    if (!result) return status('unknown', '');
    if (result.state !== 'sent' || result.refId === undefined) return status(result.state, result.status, { raw: result.raw });
    const parts = Math.max(1, result.count ?? 1);
    const refIds = new Set(Array.from({ length: parts }, (_, index) => (result.refId! + index) % 256));
    const reports = (await this.queryDeliverStatus({ numbers: [result.number], ports: [result.port] })).filter(
      (report) => report.port === result.port && refIds.has(report.refId) && report.time >= result.time,
    );
    const latest = new Map<number, DinstarDeliverStatus>();
    for (const report of reports) {
      const seen = latest.get(report.refId);
      if (!seen || report.time >= seen.time) latest.set(report.refId, report);
    }
    const final = [...latest.values()];
    const failed = final.find((report) => report.state === 'failed' || report.state === 'expired');
    if (failed) return status(failed.state, failed.statusCode, { errorCode: failed.statusCode, raw: { result: result.raw, report: failed.raw } });
    if (final.length === parts && final.every((report) => report.state === 'delivered')) {
      return status('delivered', final[0]!.statusCode, { raw: { result: result.raw, reports: final.map((report) => report.raw) } });
    }
    return status('sent', result.status, { raw: result.raw });
  }

  /**
   * `port-info` (args: infoTypes, ports), `queue`, `stop-sms` (taskId), `reset-port` (port),
   * `power-port` (port, on), `switch-slot` (port, slot), `status` (items), `cdr` (filter),
   * `cancel-ussd` (ports).
   */
  async admin(command: string, args: Record<string, unknown> = {}): Promise<AdminCommandResult> {
    const result = (data: Record<string, unknown>): AdminCommandResult => ({ command, ok: true, data, gateway: this.gateway });
    const port = (): number => {
      const value = Number(args.port);
      if (!Number.isInteger(value) || value < 0) throw new InvalidRequestError(`The "${command}" command needs a port number.`);
      return value;
    };
    const ports = (): number[] | undefined => (Array.isArray(args.ports) ? args.ports.map(Number) : args.port === undefined ? undefined : [port()]);
    switch (command as DinstarAdminCommand) {
      case 'port-info':
        return result({ ports: await this.getPortInfo((args.infoTypes as DinstarPortInfoType[] | undefined) ?? undefined, ports()) });
      case 'queue':
        return result({ inQueue: await this.querySmsInQueue() });
      case 'stop-sms': {
        const taskId = Number(args.taskId);
        if (!Number.isInteger(taskId)) throw new InvalidRequestError('stop-sms needs the taskId that send returned.');
        await this.stopSms(taskId);
        return result({ taskId });
      }
      case 'reset-port':
        return result((await this.setPortInfo(port(), 'reset')).body);
      case 'power-port':
        return result((await this.setPortInfo(port(), 'power', args.on === false || args.on === 'off' ? 'off' : 'on')).body);
      case 'switch-slot':
        return result((await this.setPortInfo(port(), 'slot', Number(args.slot))).body);
      case 'status':
        return result(await this.getStatus(Array.isArray(args.items) ? args.items.map(String) : undefined));
      case 'cdr':
        return result(await this.getCdr((args.filter as Record<string, unknown> | undefined) ?? {}));
      case 'cancel-ussd':
        return result({ result: await this.cancelUssd(ports() ?? []) });
      default:
        throw new InvalidRequestError(
          `dinstar has no admin command "${command}"; use port-info, queue, stop-sms, reset-port, power-port, switch-slot, status, cdr or cancel-ussd.`,
        );
    }
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private takeUserId(): number {
    const id = this.nextUserId;
    this.nextUserId = (this.nextUserId + 1) % 2 ** 31;
    return id;
  }

  private portsFrom(request: SendRequest): number[] | undefined {
    const requested = request.vendorOptions?.ports;
    if (Array.isArray(requested) && requested.length > 0) {
      const ports = requested.map(Number);
      if (ports.some((port) => !Number.isInteger(port) || port < 0)) throw new InvalidRequestError('vendorOptions.ports must be port numbers (0–31).');
      return ports;
    }
    return this.ports;
  }

  private async firstRegisteredPort(): Promise<number> {
    const ready = (await this.getPortInfo(['reg'])).find((info) => info.reg === 'REGISTER_OK');
    if (!ready) throw new GatewayRejectedError('No port of the gateway is registered to the network; USSD cannot be sent.', 'NO_REGISTERED_PORT', { retryable: true, details: { gateway: this.gateway } });
    return ready.port;
  }

  private *recordQueries(filter: DinstarRecordFilter, withUserIds: boolean): Generator<Record<string, unknown>> {
    const common: Record<string, unknown> = {};
    if (filter.ports?.length) common.port = filter.ports;
    if (filter.after) common.time_after = formatGatewayLocalTime(filter.after, this.utcOffsetMinutes);
    if (filter.before) common.time_before = formatGatewayLocalTime(filter.before, this.utcOffsetMinutes);
    for (const numbers of chunk(filter.numbers ?? [], MAX_NUMBERS_PER_QUERY)) {
      for (const userIds of chunk(withUserIds ? (filter.userIds ?? []) : [], MAX_NUMBERS_PER_QUERY)) {
        yield { ...common, ...(numbers.length ? { number: numbers } : {}), ...(userIds.length ? { user_id: userIds } : {}) };
      }
    }
  }

  /** The USSD poll interval is the caller's and may exceed what one Node timer holds. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      startClockTimer(this.clock, ms, resolve);
    });
  }

  private async call(
    operation: string,
    options: { method: 'GET' | 'POST'; query?: Record<string, string | number | undefined>; body?: unknown; idempotent: boolean; successCodes?: readonly number[] },
  ): Promise<DinstarAnswer> {
    return this.retry.run(async () => {
      const response = await this.transport.request({
        method: options.method,
        path: `/api/${operation}`,
        ...(options.query ? { query: options.query } : {}),
        headers: { accept: 'application/json', ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        idempotent: options.idempotent,
      });
      return readDinstarAnswer(response, {
        operation,
        successCodes: options.successCodes ?? [DINSTAR_ERROR_CODES.ok],
        idempotent: options.idempotent,
        secrets: [this.password],
      });
    });
  }
}
