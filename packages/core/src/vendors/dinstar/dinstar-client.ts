import { systemClock, type Clock } from '../../clock/clock';
import { countSegments } from '../../codec';
import type { TextEncoding } from '../../codec/types';
import { GatewayRejectedError, InvalidRequestError, SmsBridgeError } from '../../errors';
import type { AdminCommandResult, DeliveryStatus, SendRequest, SendResult, UssdExchange } from '../../model';
import type { HttpTransport } from '../../transport/http-transport';
import { readFields } from '../contract/read-fields';
import { settleSend } from '../contract/settle-send';
import type { SendOptions } from '../contract/send-journal';
import type { GatewayClient, InboxPage, UssdMenuAnswer, UssdRequest, VerifyResult } from '../gateway-client';
import { PhoneNumberNormaliser } from '../shared/phone-number-normaliser';
import type { SendRetryPolicyOptions } from '../shared/send-retry-policy';
import { DINSTAR_ADMIN_COMMANDS, runDinstarAdminCommand } from './dinstar-admin-commands';
import { DinstarApi } from './dinstar-api';
import type { DinstarAuthScheme } from './dinstar-authenticating-transport';
import { parseDinstarInboxCursor } from './dinstar-incoming-sms';
import { dinstarMessageId } from './dinstar-message-id';
import { DINSTAR_SEND_LIMITS, planDinstarSendChunks, type DinstarRecipient, type DinstarSendLimits } from './dinstar-send-chunks';
import { lookUpDinstarStatus } from './dinstar-status-lookup';
import { dinstarInboundToModel } from './dinstar-to-model';
import { exchangeDinstarUssd } from './dinstar-ussd-exchange';

export interface DinstarClientOptions {
  transport: HttpTransport;
  /** Close `transport` with the client (true only when the client's maker built it for this client). Default false. */
  ownsTransport?: boolean;
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

function expandTemplate(text: string, values: readonly string[] | undefined): string {
  if (!values?.length) return text;
  let index = 0;
  return text.replace(/#param#/g, (placeholder) => (index < values.length ? values[index++]! : placeholder));
}

/** `vendorOptions.textParams`: one list of texts per recipient for the text's `#param#` placeholders. */
function textParamsOf(request: SendRequest): string[][] | undefined {
  const value = request.vendorOptions?.textParams;
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length > request.to.length || value.some((values) => !Array.isArray(values) || values.some((item) => typeof item !== 'string' && typeof item !== 'number'))) {
    throw new InvalidRequestError('The Dinstar send option "textParams" takes one list of texts per recipient, e.g. [["Ann","1"],["Bob","2"]].', {
      details: { gateway: 'dinstar', option: 'textParams' },
    });
  }
  return (value as unknown[][]).map((values) => values.map(String));
}

function portsOf(request: SendRequest): number[] | undefined {
  const value = request.vendorOptions?.ports;
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || value.some((port) => !Number.isInteger(port) || (port as number) < 0)) {
    throw new InvalidRequestError('The Dinstar send option "ports" takes port numbers (0–31).', { details: { gateway: 'dinstar', option: 'ports' } });
  }
  return value as number[];
}

/**
 * Dinstar as a vendor-neutral {@link GatewayClient}: send in chunks (each a batch of the shared
 * {@link settleSend} rule), status by result and reports, the inbox read with a repeatable
 * `flag=all` cursor, USSD, the admin commands and verify. Every endpoint in the vendor's own
 * terms is on {@link DinstarClient.api}.
 */
export class DinstarClient implements GatewayClient {
  readonly gateway = 'dinstar' as const;
  readonly api: DinstarApi;
  /** Remembers recent destinations: a bulk send repeats them, and parsing one costs ~20 µs. */
  private readonly phoneNumbers = new PhoneNumberNormaliser();
  private readonly ownsTransport: boolean;
  private readonly clock: Clock;
  private readonly utcOffsetMinutes: number;
  private readonly limits: DinstarSendLimits;
  private readonly ports: number[] | undefined;
  private readonly requestStatusReport: boolean;
  private readonly ussdPollIntervalMs: number;
  private readonly ussdTimeoutMs: number;
  private nextUserId: number;
  /** The port of the last USSD exchange: a menu answer or a cancel without a port goes there. */
  private lastUssdPort: number | undefined;

  constructor(options: DinstarClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.api = new DinstarApi({
      transport: options.transport,
      username: options.username,
      password: options.password,
      clock: this.clock,
      ...(options.authScheme ? { authScheme: options.authScheme } : {}),
      ...(options.basePath ? { basePath: options.basePath } : {}),
      ...(options.keepAlive === undefined ? {} : { keepAlive: options.keepAlive }),
      ...(options.gatewayUtcOffsetMinutes === undefined ? {} : { gatewayUtcOffsetMinutes: options.gatewayUtcOffsetMinutes }),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.newClientNonce ? { newClientNonce: options.newClientNonce } : {}),
    });
    this.ownsTransport = options.ownsTransport ?? false;
    this.utcOffsetMinutes = options.gatewayUtcOffsetMinutes ?? 0;
    this.limits = { ...DINSTAR_SEND_LIMITS, ...options.sendLimits };
    this.ports = options.ports?.length ? [...options.ports] : undefined;
    this.requestStatusReport = options.requestStatusReport ?? false;
    this.ussdPollIntervalMs = options.ussdPollIntervalMs ?? 1_000;
    this.ussdTimeoutMs = options.ussdTimeoutMs ?? 30_000;
    // Seconds since the epoch in the high bits: ids from a restarted client do not repeat old ones.
    this.nextUserId = options.firstUserId ?? (Math.floor(this.clock.now() / 1000) % 2 ** 21) * 1024;
  }

  /**
   * Sends to every recipient in as few `send_sms` requests as the limits allow (128 numbers, about
   * 1500 bytes), each recipient with its own `user_id` (its message id). The chunks are the
   * batches of {@link settleSend}; a chunk whose answer was lost keeps its ids, so `status` can
   * still find out whether it went.
   *
   * `vendorOptions`: `ports` (number[]), `textParams` (one list of texts per recipient for the
   * text's `#param#` placeholders).
   */
  async send(request: SendRequest, options: SendOptions = {}): Promise<SendResult[]> {
    if (request.to.length === 0) throw new InvalidRequestError('Give at least one recipient number.', { details: { gateway: 'dinstar' } });
    if (request.text === '') throw new InvalidRequestError('The message text is empty.', { details: { gateway: 'dinstar' } });
    const textParams = textParamsOf(request);
    const ports = portsOf(request) ?? this.ports;
    const recipients: DinstarRecipient[] = request.to.map((to, index) => {
      // Local numbers and short codes (10086) are normal here: only the form is checked.
      const number = this.phoneNumbers.normalise(to, { format: 'as-is' });
      if (number.length > 24) throw new InvalidRequestError(`"${to}" is longer than the 24 digits the gateway takes.`, { details: { gateway: 'dinstar' } });
      const values = textParams?.[index];
      return { number, userId: this.takeUserId(), ...(values?.length ? { textParams: values } : {}) };
    });
    const texts = recipients.map((recipient) => expandTemplate(request.text, recipient.textParams));
    const choice = request.encoding ?? 'auto';
    const needsUnicode = choice === 'ucs2' || (choice === 'auto' && texts.some((text) => countSegments(text, { encoding: 'auto' }).encoding === 'ucs2'));
    const encoding: TextEncoding = needsUnicode ? 'ucs2' : 'gsm7';
    const plans = new Map(recipients.map((recipient, index) => [recipient, countSegments(texts[index]!, { encoding })]));
    const statusReport = request.statusReport ?? this.requestStatusReport;
    const chunks = planDinstarSendChunks(request.text, recipients, this.limits);
    const template = countSegments(request.text, { encoding });
    const base = { parts: template.count, encoding: template.encoding, gateway: this.gateway };
    // Its failure is a read's: thrown here, never taken for a send that may have gone out.
    await this.api.learnChallenge();

    const results = await settleSend({
      journal: options.journal,
      batches: chunks.map((chunk, index) => ({ index, recipients: chunk })),
      recipientsOf: (batch) => batch.recipients.map((recipient) => recipient.number),
      narrow: (batch, positions) => ({ index: batch.index, recipients: positions.map((position) => batch.recipients[position]!) }),
      base,
      send: async (batch) => {
        const answer = await this.api.sendSms({
          text: request.text,
          recipients: batch.recipients,
          ...(ports ? { ports } : {}),
          encoding: needsUnicode ? 'unicode' : 'gsm-7bit',
          requestStatusReport: statusReport,
        });
        return batch.recipients.map((recipient) => {
          const plan = plans.get(recipient)!;
          return {
            to: recipient.number,
            parts: plan.count,
            encoding: plan.encoding,
            gateway: this.gateway,
            accepted: true,
            messageId: dinstarMessageId(recipient.userId, recipient.number),
            state: 'queued' as const,
            raw: { userId: recipient.userId, chunk: batch.index, ...answer },
          };
        });
      },
    });
    // settleSend gives one result per recipient, in order. A chunk whose answer was lost may have
    // gone out: its ids let status() find out.
    const flat = chunks.flat();
    return results.map((result, index) => {
      const recipient = flat[index];
      if (result.state !== 'unknown' || result.messageId !== undefined || result.replayed || recipient?.number !== result.to) return result;
      return { ...result, messageId: dinstarMessageId(recipient.userId, recipient.number), raw: { ...(result.raw as object), userId: recipient.userId } };
    });
  }

  status(messageId: string): Promise<DeliveryStatus> {
    return lookUpDinstarStatus(this.api, messageId);
  }

  /**
   * Received SMS above the cursor (the highest `incoming_sms_id` handed on), oldest first. Dinstar
   * cannot delete received SMS through the API, so there is no `acknowledge`: the cursor is the
   * mark, and `flag=all` leaves the gateway's read flags alone.
   */
  async inbox(cursor?: string): Promise<InboxPage> {
    const afterId = parseDinstarInboxCursor(cursor);
    const { sms } = await this.api.queryIncomingSms({ afterId, flag: 'all' });
    const fresh = sms.filter((message) => message.incomingSmsId > afterId).sort((a, b) => a.incomingSmsId - b.incomingSmsId);
    const highest = fresh.reduce((max, message) => Math.max(max, message.incomingSmsId), afterId);
    return { messages: fresh.map((message) => dinstarInboundToModel(message, this.utcOffsetMinutes)), cursor: String(highest) };
  }

  /** Sends a USSD code on the port (default: the first registered one) and waits for the reply. */
  async ussd(request: UssdRequest): Promise<UssdExchange> {
    const port = request.port === undefined ? await this.firstRegisteredPort() : this.portNumber(request.port);
    this.lastUssdPort = port;
    return exchangeDinstarUssd(this.api, port, request.code, this.ussdTiming());
  }

  /** Answers a menu: the answer goes as USSD text on the same port (the last exchange's when none is named). */
  async ussdContinue(answer: UssdMenuAnswer): Promise<UssdExchange> {
    const port = this.sessionPort(answer.port);
    return exchangeDinstarUssd(this.api, port, answer.answer, this.ussdTiming());
  }

  /** Ends the USSD session on the port (the last exchange's when none is named). */
  async ussdCancel(request: { port?: string | number } = {}): Promise<void> {
    const port = this.sessionPort(request.port);
    const [status] = (await this.api.cancelUssd([port])).filter((entry) => entry.port === port);
    if (status && status.status !== 200) {
      throw new GatewayRejectedError(`Port ${port} could not end its USSD session (status ${status.status}).`, status.status, { details: { gateway: this.gateway, port } });
    }
    if (this.lastUssdPort === port) this.lastUssdPort = undefined;
  }

  /** The commands of {@link DINSTAR_ADMIN_COMMANDS}, their arguments read by its descriptors. */
  async admin(command: string, args: Record<string, unknown> = {}): Promise<AdminCommandResult> {
    const descriptor = DINSTAR_ADMIN_COMMANDS.find((candidate) => candidate.name === command);
    const read = descriptor ? readFields({ gateway: 'dinstar', label: `The Dinstar command "${command}" argument` }, descriptor.args, args) : args;
    return runDinstarAdminCommand(this.api, command, read);
  }

  /** `get_port_info` is a read that needs the account: it proves URL and credentials without side effects. */
  async verify(): Promise<VerifyResult> {
    try {
      const ports = await this.api.getPortInfo(['reg']);
      const registered = ports.filter((port) => port.reg === 'REGISTER_OK').length;
      return { status: 'verified', message: `The Dinstar gateway accepted the account: ${ports.length} ports, ${registered} registered to the network.` };
    } catch (error) {
      if (!(error instanceof SmsBridgeError)) throw error;
      return { status: 'failed', message: error.message, error };
    }
  }

  async close(): Promise<void> {
    if (this.ownsTransport) await this.api.close();
  }

  private takeUserId(): number {
    const id = this.nextUserId;
    this.nextUserId = (this.nextUserId + 1) % 2 ** 31;
    return id;
  }

  private ussdTiming() {
    return { clock: this.clock, pollIntervalMs: this.ussdPollIntervalMs, timeoutMs: this.ussdTimeoutMs };
  }

  private portNumber(value: string | number): number {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0) throw new InvalidRequestError(`"${value}" is not a gateway port number.`, { details: { gateway: 'dinstar' } });
    return port;
  }

  private sessionPort(value: string | number | undefined): number {
    if (value !== undefined) return this.portNumber(value);
    if (this.lastUssdPort === undefined) {
      throw new InvalidRequestError('Name the port of the USSD session: this client has not started one.', { details: { gateway: 'dinstar' } });
    }
    return this.lastUssdPort;
  }

  private async firstRegisteredPort(): Promise<number> {
    const ready = (await this.api.getPortInfo(['reg'])).find((info) => info.reg === 'REGISTER_OK');
    if (!ready) {
      throw new GatewayRejectedError('No port of the gateway is registered to the network; USSD cannot be sent.', 'NO_REGISTERED_PORT', {
        retryable: true,
        outcome: 'not-sent',
        details: { gateway: this.gateway },
      });
    }
    return ready.port;
  }
}
