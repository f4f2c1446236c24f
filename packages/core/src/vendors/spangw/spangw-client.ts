import { systemClock, type Clock } from '../../clock/clock';
import { countSegments } from '../../codec';
import { GatewayRejectedError, InvalidRequestError, SmsBridgeError } from '../../errors';
import type { AdminCommandResult, DeliveryStatus, SendRequest, SendResult } from '../../model';
import type { HttpTransport } from '../../transport/http-transport';
import { readFields } from '../contract/read-fields';
import { settleSend } from '../contract/settle-send';
import type { SendOptions } from '../contract/send-journal';
import type { GatewayClient, VerifyResult } from '../gateway-client';
import { gatewayLocalTimeToIso, parseGatewayLocalTime } from '../shared/gateway-local-time';
import { PhoneNumberNormaliser } from '../shared/phone-number-normaliser';
import type { SendRetryPolicyOptions } from '../shared/send-retry-policy';
import { SPANGW_ADMIN_COMMANDS, runSpangwAdminCommand } from './spangw-admin-commands';
import { SpangwApi } from './spangw-api';
import { formatSpangwMessageReference, parseSpangwMessageReference, spangwTextHash } from './spangw-message-reference';
import type { SpangwOutboxEntry } from './spangw-outbox';

export interface SpangwClientOptions {
  transport: HttpTransport;
  /** Close `transport` with the client (true only when the client's maker built it for this client). Default false. */
  ownsTransport?: boolean;
  username: string;
  password: string;
  /** `code` values that mean success (default 0 and 200). */
  successCodes?: readonly number[];
  /** Function parameters beside the credentials (`top-level`, default) or inside `data`. */
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
  /** Repeats of requests that provably did not reach the gateway, and of reads; `false` for none. */
  retry?: SendRetryPolicyOptions | false;
}

/** What `vendorOptions` of a send may carry (read by the entry's `sendOptions`). */
interface SpangwSendOptions {
  spans?: number[];
  mode?: 'async' | 'sync';
}

function sendOptionsOf(request: SendRequest): SpangwSendOptions {
  const options = request.vendorOptions ?? {};
  const spans = options.spans;
  if (spans !== undefined && !(Array.isArray(spans) && spans.length > 0 && spans.every((span) => Number.isInteger(span)))) {
    throw new InvalidRequestError('The span gateway send option "spans" takes a list of span port numbers, e.g. [1,2].', { details: { gateway: 'spangw', option: 'spans' } });
  }
  const mode = options.mode;
  if (mode !== undefined && mode !== 'async' && mode !== 'sync') {
    throw new InvalidRequestError('The span gateway send option "mode" takes async or sync.', { details: { gateway: 'spangw', option: 'mode' } });
  }
  return { ...(spans ? { spans: spans as number[] } : {}), ...(mode ? { mode } : {}) };
}

/**
 * The span gateway as a vendor-neutral {@link GatewayClient}: send (one request per number),
 * status from the outbox, the admin commands and verify. Every endpoint in the vendor's own terms
 * is on {@link SpangwClient.api}.
 */
export class SpangwClient implements GatewayClient {
  readonly gateway = 'spangw' as const;
  readonly api: SpangwApi;
  /** Remembers recent destinations: a bulk send repeats them, and parsing one costs ~20 µs. */
  private readonly phoneNumbers = new PhoneNumberNormaliser();
  private readonly transport: HttpTransport;
  private readonly ownsTransport: boolean;
  private readonly sendMode: 'async' | 'sync';
  private readonly spans: number[] | undefined;
  private readonly utcOffsetMinutes: number;
  private readonly clock: Clock;
  private readonly statusLookBackMs: number;

  constructor(options: SpangwClientOptions) {
    if (!options.username) throw new InvalidRequestError('spangw needs the username of the gateway API account.', { details: { gateway: 'spangw' } });
    this.transport = options.transport;
    this.ownsTransport = options.ownsTransport ?? false;
    this.sendMode = options.sendMode ?? 'async';
    this.spans = options.spans?.length ? [...options.spans] : undefined;
    this.utcOffsetMinutes = options.gatewayUtcOffsetMinutes ?? 0;
    this.clock = options.clock ?? systemClock;
    this.statusLookBackMs = options.statusLookBackMs ?? 5 * 60_000;
    this.api = new SpangwApi({
      transport: options.transport,
      username: options.username,
      password: options.password,
      clock: this.clock,
      ...(options.successCodes ? { successCodes: options.successCodes } : {}),
      ...(options.parameterPlacement ? { parameterPlacement: options.parameterPlacement } : {}),
      ...(options.gatewayUtcOffsetMinutes === undefined ? {} : { gatewayUtcOffsetMinutes: options.gatewayUtcOffsetMinutes }),
      ...(options.maxOutboxPages === undefined ? {} : { maxOutboxPages: options.maxOutboxPages }),
      ...(options.syncSendTimeoutMs === undefined ? {} : { syncSendTimeoutMs: options.syncSendTimeoutMs }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
    });
  }

  /**
   * One request per recipient (`dest_num` is a single number), each a batch of the shared
   * {@link settleSend} rule. The numbers and options are read before anything is asked of the
   * gateway, the span lookup included.
   */
  async send(request: SendRequest, { journal }: SendOptions = {}): Promise<SendResult[]> {
    if (request.to.length === 0) throw new InvalidRequestError('Give at least one recipient number.', { details: { gateway: 'spangw' } });
    if (request.text === '') throw new InvalidRequestError('The message text is empty.', { details: { gateway: 'spangw' } });
    const options = sendOptionsOf(request);
    const destinations = request.to.map((to) => this.phoneNumbers.normalise(to, { format: 'as-is' }));
    const plan = countSegments(request.text, { encoding: request.encoding ?? 'auto' });
    const mode = options.mode ?? this.sendMode;
    const textHash = spangwTextHash(request.text);
    const spans = options.spans ?? this.spans ?? (await this.availableSpans());
    const base = { parts: plan.count, encoding: plan.encoding, gateway: this.gateway };
    const sentAt = new Map<string, number>();
    const results = await settleSend({
      journal,
      batches: destinations,
      recipientsOf: (destination) => [destination],
      base,
      send: async (destination) => {
        const at = this.clock.now();
        sentAt.set(destination, at);
        const outcome = await this.api.sendSms(destination, request.text, spans, mode);
        return [
          {
            ...base,
            to: destination,
            accepted: outcome.accepted,
            messageId: formatSpangwMessageReference({ phoneNumber: destination, sentAt: at, textHash }),
            state: outcome.state,
            ...(outcome.accepted ? {} : { errorCode: outcome.rawStatus, errorMessage: 'the gateway reported the send as failed' }),
            raw: { spans, mode, data: outcome.data },
          },
        ];
      },
    });
    // A message whose answer was lost may still be in the outbox: its id lets status() find out.
    return results.map((result) => {
      const at = sentAt.get(result.to);
      return result.state === 'unknown' && result.messageId === undefined && at !== undefined
        ? { ...result, messageId: formatSpangwMessageReference({ phoneNumber: result.to, sentAt: at, textHash }) }
        : result;
    });
  }

  /**
   * Finds the message in the outbox by number and text, the entry stamped closest to our send
   * time, and reports its status. `unknown` while the gateway has not listed it yet.
   */
  async status(messageId: string): Promise<DeliveryStatus> {
    const reference = parseSpangwMessageReference(messageId);
    if (!reference) {
      throw new InvalidRequestError(`"${messageId}" is not a spangw message id; use the messageId returned by send.`, { details: { gateway: 'spangw' } });
    }
    const entries = await this.api.listOutbox({ phoneNumber: reference.phoneNumber, from: new Date(reference.sentAt - this.statusLookBackMs) });
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

  /** The commands of {@link SPANGW_ADMIN_COMMANDS}, their arguments read by its descriptors. */
  async admin(command: string, args: Record<string, unknown> = {}): Promise<AdminCommandResult> {
    const descriptor = SPANGW_ADMIN_COMMANDS.find((candidate) => candidate.name === command);
    const read = descriptor ? readFields({ gateway: 'spangw', label: `The span gateway command "${command}" argument` }, descriptor.args, args) : args;
    return runSpangwAdminCommand(this.api, command, read);
  }

  /** The span list is a read that needs the account: it proves URL and credentials without side effects. */
  async verify(): Promise<VerifyResult> {
    try {
      const spans = await this.api.getValidSpans();
      const available = spans.filter((span) => span.available).length;
      return { status: 'verified', message: `The span gateway accepted the account: ${spans.length} spans, ${available} available to send.` };
    } catch (error) {
      if (!(error instanceof SmsBridgeError)) throw error;
      return { status: 'failed', message: error.message, error };
    }
  }

  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
  }

  private async availableSpans(): Promise<number[]> {
    const spans = (await this.api.getValidSpans()).filter((span) => span.available).map((span) => span.port);
    if (spans.length === 0) {
      throw new GatewayRejectedError('spangw has no span available to send (no SIM registered or all busy); try again later.', 'NO_SPAN', {
        retryable: true,
        outcome: 'not-sent',
        details: { gateway: this.gateway },
      });
    }
    return spans;
  }
}
