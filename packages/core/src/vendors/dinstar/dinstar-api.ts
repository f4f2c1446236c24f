import { systemClock, type Clock } from '../../clock/clock';
import { GatewayRejectedError, InvalidRequestError } from '../../errors';
import type { HttpTransport } from '../../transport/http-transport';
import { formatGatewayLocalTime } from '../shared/gateway-local-time';
import { SendRetryPolicy, type SendRetryPolicyOptions } from '../shared/send-retry-policy';
import { DinstarAuthenticatingTransport, type DinstarAuthScheme } from './dinstar-authenticating-transport';
import { parseDinstarDeliverStatuses, type DinstarDeliverStatus } from './dinstar-deliver-status';
import { DINSTAR_ERROR_CODES } from './dinstar-error-code';
import { parseDinstarIncomingSms, type DinstarIncomingSms } from './dinstar-incoming-sms';
import { parseDinstarPortInfo, type DinstarPortInfo, type DinstarPortInfoType } from './dinstar-port-info';
import { readDinstarAnswer, type DinstarAnswer } from './dinstar-response';
import type { DinstarRecipient } from './dinstar-send-chunks';
import { optionalInteger, parseDinstarSmsResults, type DinstarSmsResult } from './dinstar-sms-result';
import { parseDinstarUssdReplies, parseDinstarUssdSendStatuses, type DinstarUssdReply, type DinstarUssdSendStatus } from './dinstar-ussd';

export interface DinstarApiOptions {
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
  /** Repeats of requests that provably did not reach the gateway (and of reads), by the shared policy. */
  retry?: SendRetryPolicyOptions;
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

/** Numbers per query (`query_sms_result`, `query_sms_deliver_status` answer 413 beyond). */
const MAX_NUMBERS_PER_QUERY = 32;
export const DINSTAR_MAX_USSD_BYTES = 60;

function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/**
 * The Dinstar GSM gateway HTTP API ("New Version API", firmware 1102+) in its own vocabulary: one
 * method per endpoint under `/api/`, HTTP Digest (or Basic) on every request, errors branched on
 * `error_code` in HTTP 200 bodies, and the shared retry policy for what provably did not arrive.
 */
export class DinstarApi {
  private readonly transport: DinstarAuthenticatingTransport;
  private readonly password: string;
  private readonly utcOffsetMinutes: number;
  private readonly retry: SendRetryPolicy;

  constructor(options: DinstarApiOptions) {
    if (!options.username) throw new InvalidRequestError('dinstar needs the username of the gateway\'s web/API account.', { details: { gateway: 'dinstar' } });
    this.password = options.password;
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
    this.retry = new SendRetryPolicy({
      clock: options.clock ?? systemClock,
      ...options.retry,
      // An error_code answer is the gateway's decision; repeating it changes nothing.
      shouldRetry: (error, attempt) =>
        !(error instanceof GatewayRejectedError && typeof error.vendorCode === 'number') && (options.retry?.shouldRetry?.(error, attempt) ?? true),
    });
  }

  /** `send_sms`; throws on any `error_code` other than 200/202. */
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

  /** `query_sms_in_queue`: messages waiting to be sent. */
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

  /** `send_ussd` with `command: send`; per-port outcome (200 sent, 486 busy, 503 not available). */
  async sendUssd(ports: number[], text: string): Promise<DinstarUssdSendStatus[]> {
    if (text.trim() === '') throw new InvalidRequestError('The USSD code is empty.', { details: { gateway: 'dinstar' } });
    if (Buffer.byteLength(text, 'utf8') > DINSTAR_MAX_USSD_BYTES) {
      throw new InvalidRequestError(`The USSD text is over ${DINSTAR_MAX_USSD_BYTES} bytes; the gateway refuses it.`, { details: { gateway: 'dinstar' } });
    }
    const answer = await this.call('send_ussd', { method: 'POST', body: { text, port: ports, command: 'send' }, idempotent: false, successCodes: [202, 200] });
    return parseDinstarUssdSendStatuses(answer.body.result);
  }

  /** `send_ussd` with `command: cancel`: ends the USSD session on the ports. */
  async cancelUssd(ports: number[]): Promise<DinstarUssdSendStatus[]> {
    const answer = await this.call('send_ussd', { method: 'POST', body: { text: '', port: ports, command: 'cancel' }, idempotent: true, successCodes: [202, 200] });
    return parseDinstarUssdSendStatuses(answer.body.result);
  }

  /** `query_ussd_reply`: the text each port shows (a single space: nothing yet). */
  async queryUssdReply(ports: number[]): Promise<DinstarUssdReply[]> {
    const answer = await this.call('query_ussd_reply', { method: 'GET', query: { port: ports.join(',') }, idempotent: true });
    return parseDinstarUssdReplies(answer.body.reply);
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
   * Before a request that must not go out twice (a send), learns the Digest challenge with a bare
   * `GET query_sms_in_queue`, so the send itself goes out signed, once. Without it the first send
   * of a client goes out bare, is refused with the challenge and is repeated.
   */
  async learnChallenge(): Promise<void> {
    if (this.transport.knowsChallenge) return;
    await this.retry.run(async () => {
      const response = await this.transport.learnChallenge('/api/query_sms_in_queue');
      // Not a challenge: a box without auth (2xx) or a failure the reader turns into its typed error.
      if (response) readDinstarAnswer(response, { operation: 'query_sms_in_queue', successCodes: [DINSTAR_ERROR_CODES.ok], idempotent: true, secrets: [this.password] });
    });
  }

  /** Closes the transport (the client decides whether it is its own to close). */
  async close(): Promise<void> {
    await this.transport.close();
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

  private async call(
    operation: string,
    options: { method: 'GET' | 'POST'; query?: Record<string, string | number | undefined>; body?: unknown; idempotent: boolean; successCodes?: readonly number[] },
  ): Promise<DinstarAnswer> {
    if (!options.idempotent) await this.learnChallenge();
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
