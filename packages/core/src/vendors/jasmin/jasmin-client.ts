import { systemClock, type Clock } from '../../clock/clock';
import { InvalidRequestError, SmsBridgeError } from '../../errors';
import type { AdminCommandResult, SendRequest, SendResult } from '../../model';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../transport/http-transport';
import type { GatewayClient } from '../gateway-client';
import { failedSendFields } from '../shared/failed-send-result';
import { planGatewayText } from '../shared/gateway-text-plan';
import { givenConnectionOptions, type ConnectionOptions } from '../shared/given-connection-options';
import { httpTransportFor } from '../shared/http-transport-for';
import type { PhoneNumberFormat } from '../shared/phone-number';
import { PhoneNumberNormaliser } from '../shared/phone-number-normaliser';
import { sendRetryPolicyFor, type SendRetryPolicy, type SendRetryPolicyOptions } from '../shared/send-retry-policy';
import { buildJasminBatchBody, formatJasminScheduleAt, type JasminBatchInput, type JasminScheduleOptions } from './jasmin-batch-request';
import type { JasminDlrOptions } from './jasmin-dlr-options';
import { buildJasminMessage, jasminUtf16Hex, type JasminMessageInput } from './jasmin-message-fields';
import { canonicalJasminFields } from './jasmin-parameter-names';
import {
  readJasminBalance,
  readJasminBatchResult,
  readJasminPing,
  readJasminRate,
  readJasminSendResult,
  type JasminBalance,
  type JasminBatchAccepted,
  type JasminRate,
} from './jasmin-response-reader';

export interface JasminClientOptions extends ConnectionOptions {
  /** The Jasmin REST API, e.g. `http://jasmin:8080`. */
  baseUrl: string;
  username: string;
  password: string;
  /** Sender used when a request has no `from`. */
  defaultFrom?: string;
  /** Where Jasmin pushes delivery reports; used when a request asks for a status report (or does not say). */
  dlr?: JasminDlrOptions;
  /** How destinations are written (default international digits without `+`). */
  numberFormat?: PhoneNumberFormat;
  defaultCountry?: string;
  /** How `scheduleAt` becomes `schedule_at` (default relative seconds, immune to the server's zone). */
  schedule?: JasminScheduleOptions;
  /** Batch progress callbacks used for scheduled sends. */
  batchCallbackUrl?: string;
  batchErrbackUrl?: string;
  /** Retries only what provably did not reach Jasmin (and reads); `false` turns retries off. */
  retry?: SendRetryPolicyOptions | false;
}

/** Refusals that concern one destination: reported on that recipient, the others still go. */
const DESTINATION_REFUSALS = new Set(['no-route', 'invalid-argument']);

/**
 * Client of the Jasmin SMS Gateway REST API (Direct7's legacy REST API, seed 003): single and
 * batch sends, balance, rate, ping, binary content and delivery-report options, with Basic auth.
 * Text outside GSM 03.38 always goes as `coding: 8` + UTF-16BE `hex_content`, because Jasmin
 * would silently replace it in `content`.
 */
export class JasminClient implements GatewayClient {
  readonly gateway = 'jasmin' as const;
  /** Remembers recent destinations: a bulk send repeats them, and parsing one costs ~20 µs. */
  private readonly phoneNumbers = new PhoneNumberNormaliser();
  private readonly transport: HttpTransport;
  private readonly ownsTransport: boolean;
  private readonly retry: SendRetryPolicy | undefined;
  private readonly secrets: string[];
  private readonly authorization: string;
  private readonly clock: Clock;

  constructor(private readonly options: JasminClientOptions) {
    if (!options.username || options.username.includes(':')) {
      throw new InvalidRequestError('Jasmin needs a username without ":" (Basic auth separates user and password with it)', {
        details: { gateway: 'jasmin' },
      });
    }
    const token = Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64');
    this.authorization = `Basic ${token}`;
    this.secrets = [options.password, token].filter((secret) => secret.length > 0);
    this.clock = options.clock ?? systemClock;
    this.ownsTransport = !options.transport;
    this.transport = httpTransportFor({ baseUrl: options.baseUrl, ...givenConnectionOptions(options), clock: this.clock }, 'jasmin', this.secrets);
    this.retry = sendRetryPolicyFor(options.retry, this.clock);
  }

  /**
   * One text to every recipient: one `/secure/send` per recipient (each gets its own id), or,
   * with `scheduleAt`, one scheduled `/secure/sendbatch` (the ids arrive later through the batch
   * callbacks). Vendor options are passed through as Jasmin parameters; `hex_content` with
   * `coding` sends binary instead of the text.
   */
  async send(request: SendRequest): Promise<SendResult[]> {
    if (request.flash) {
      throw new InvalidRequestError('The Jasmin REST API has no flash (class 0) option: send without flash', { details: { gateway: 'jasmin' } });
    }
    const destinations = request.to.map((to) => this.normalise(to));
    if (destinations.length === 0) throw new InvalidRequestError('Give at least one destination number', { details: { gateway: 'jasmin' } });
    const vendor = canonicalJasminFields(request.vendorOptions ?? {});
    const { 'hex-content': hexContent, coding, ...extra } = vendor;
    if (request.statusReport === false) for (const key of Object.keys(extra)) if (key.startsWith('dlr')) delete extra[key];
    const binary = typeof hexContent === 'string' && hexContent !== '';
    const plan = binary ? undefined : planGatewayText('jasmin', request.text, request.encoding ?? 'auto');
    const message: Omit<JasminMessageInput, 'to'> = {
      ...(binary ? { hexContent: hexContent as string, ...(coding !== undefined ? { coding: Number(coding) } : {}) } : { text: plan!.text, encoding: plan!.encoding }),
      ...(request.from ?? this.options.defaultFrom ? { from: request.from ?? this.options.defaultFrom } : {}),
      ...this.dlrFor(request, extra),
      ...(request.validityMinutes !== undefined ? { validityMinutes: request.validityMinutes } : {}),
      extra,
    };
    const encoding: SendResult['encoding'] = binary ? '8bit' : plan!.encoding;
    const parts = binary ? Math.max(1, Math.ceil((hexContent as string).length / 2 / 140)) : plan!.parts;
    const base = { parts, encoding, gateway: 'jasmin' };

    if (request.scheduleAt) {
      const batch = await this.sendBatch({
        messages: [{ ...message, to: destinations }],
        scheduleAt: request.scheduleAt,
        ...(this.options.batchCallbackUrl ? { callbackUrl: this.options.batchCallbackUrl } : {}),
        ...(this.options.batchErrbackUrl ? { errbackUrl: this.options.batchErrbackUrl } : {}),
      });
      return destinations.map((to) => ({ ...base, to, accepted: true, state: 'queued', raw: { ...batch } }));
    }

    const results: SendResult[] = [];
    for (const [index, to] of destinations.entries()) {
      try {
        const messageId = await this.sendMessage({ ...message, to });
        results.push({ ...base, to, accepted: true, messageId, state: 'queued' });
      } catch (error) {
        if (!(error instanceof SmsBridgeError)) throw error;
        const vendorCode = error.details['vendorCode'];
        const perDestination = typeof vendorCode === 'string' && DESTINATION_REFUSALS.has(vendorCode);
        // A refusal of the whole request on the first recipient is the caller's answer; later ones must not hide earlier sends.
        if (index === 0 && !perDestination) throw error;
        results.push({ ...base, to, ...failedSendFields(error) });
      }
    }
    return results;
  }

  /** `POST /secure/send`: one message to one destination; resolves to its id. */
  async sendMessage(input: JasminMessageInput & { to: string }): Promise<string> {
    const body = buildJasminMessage(input);
    return this.exchange(this.post('/secure/send', body), (response) => readJasminSendResult(response, this.secrets));
  }

  /** `POST /secure/sendbatch`: resolves once Jasmin has queued the batch. */
  async sendBatch(input: JasminBatchInput): Promise<JasminBatchAccepted> {
    const { scheduleAt, ...rest } = input;
    const body = buildJasminBatchBody({
      ...rest,
      ...(scheduleAt !== undefined ? { scheduleAt: formatJasminScheduleAt(scheduleAt, this.clock, this.options.schedule) } : {}),
    });
    return this.exchange(this.post('/secure/sendbatch', body), (response) => readJasminBatchResult(response, this.secrets));
  }

  /** `GET /secure/balance`. */
  async balance(): Promise<JasminBalance> {
    return this.exchange({ ...this.get('/secure/balance'), idempotent: true }, (response) => readJasminBalance(response, this.secrets));
  }

  /** `GET /secure/rate`: what a message to `to` would cost, and in how many parts. */
  async rate(input: { to: string; text: string }): Promise<JasminRate> {
    const plan = planGatewayText('jasmin', input.text, 'auto');
    const query: Record<string, string | number> = { to: this.normalise(input.to) };
    if (plan.encoding === 'ucs2') {
      query.coding = 8;
      query['hex-content'] = jasminUtf16Hex(plan.text);
    } else {
      query.content = plan.text;
    }
    // The notes' servers read the query; Jasmin's published REST code json.loads the GET body: send both.
    const request: HttpRequest = {
      ...this.get('/secure/rate'),
      query,
      body: JSON.stringify(query),
      idempotent: true,
    };
    request.headers = { ...request.headers, 'content-type': 'application/json' };
    return this.exchange(request, (response) => readJasminRate(response, this.secrets));
  }

  /** `GET /ping` (no auth): Jasmin's HTTP API answers `Jasmin/PONG`. */
  async ping(): Promise<string> {
    return this.exchange({ method: 'GET', path: '/ping', headers: { accept: 'application/json' }, idempotent: true }, (response) =>
      readJasminPing(response, this.secrets),
    );
  }

  /** `balance`, `rate` (args `to`, `text`) and `ping` as host-neutral admin commands. */
  async admin(command: string, args: Record<string, unknown> = {}): Promise<AdminCommandResult> {
    switch (command) {
      case 'balance': {
        const balance = await this.balance();
        return { command, ok: true, gateway: 'jasmin', data: { ...balance } };
      }
      case 'rate': {
        if (typeof args.to !== 'string' || typeof args.text !== 'string') {
          throw new InvalidRequestError('The rate command needs "to" and "text"', { details: { gateway: 'jasmin' } });
        }
        const rate = await this.rate({ to: args.to, text: args.text });
        return { command, ok: true, gateway: 'jasmin', data: { ...rate } };
      }
      case 'ping': {
        const answer = await this.ping();
        return { command, ok: /PONG/i.test(answer), gateway: 'jasmin', data: { answer } };
      }
      default:
        throw new InvalidRequestError(`Jasmin has no "${command}" command: use balance, rate or ping`, { details: { gateway: 'jasmin', command } });
    }
  }

  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
  }

  private normalise(to: string): string {
    return this.phoneNumbers.normalise(to, {
      format: this.options.numberFormat ?? 'e164-no-plus',
      ...(this.options.defaultCountry ? { defaultCountry: this.options.defaultCountry } : {}),
      allowShortCodes: true,
    });
  }

  /** DLR options: a request's explicit wish wins; without one, reports are asked for when a URL is configured. */
  private dlrFor(request: SendRequest, extra: Record<string, unknown>): Pick<JasminMessageInput, 'dlr'> {
    if (request.statusReport === false) return {};
    const url = typeof extra['dlr-url'] === 'string' ? (extra['dlr-url'] as string) : this.options.dlr?.url;
    if (!url) {
      if (request.statusReport) {
        throw new InvalidRequestError('Jasmin pushes delivery reports to a URL: configure the delivery report URL (dlr-url)', {
          details: { gateway: 'jasmin' },
        });
      }
      return {};
    }
    return { dlr: { ...this.options.dlr, url } };
  }

  private get(path: string): HttpRequest {
    return { method: 'GET', path, headers: { authorization: this.authorization, accept: 'application/json' } };
  }

  private post(path: string, body: unknown): HttpRequest {
    return {
      method: 'POST',
      path,
      headers: { authorization: this.authorization, accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      // A repeated send would send the SMS twice.
      idempotent: false,
    };
  }

  /** One exchange read into a result or a typed error, retried only when that error allows it. */
  private exchange<T>(request: HttpRequest, read: (response: HttpResponse) => T): Promise<T> {
    const run = async () => read(await this.transport.request(request));
    return this.retry ? this.retry.run(run) : run();
  }
}
