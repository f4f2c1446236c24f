import { systemClock, type Clock } from '../../clock/clock';
import { InvalidRequestError } from '../../errors';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../transport/http-transport';
import { planGatewayText } from '../shared/gateway-text-plan';
import { givenConnectionOptions, type ConnectionOptions } from '../shared/given-connection-options';
import { httpTransportFor } from '../shared/http-transport-for';
import { sendRetryPolicyFor, type SendRetryPolicy, type SendRetryPolicyOptions } from '../shared/send-retry-policy';
import { buildJasminBatchBody, formatJasminScheduleAt, type JasminBatchInput, type JasminScheduleOptions } from './jasmin-batch-request';
import { buildJasminMessage, jasminUtf16Hex, type JasminMessageInput } from './jasmin-message-fields';
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

/** An injected `transport` (tests, proxies) is not owned: `close()` leaves it open. */
export interface JasminApiOptions extends ConnectionOptions {
  /** The Jasmin REST API, e.g. `http://jasmin:8080`. */
  baseUrl: string;
  username: string;
  password: string;
  /** How `scheduleAt` becomes `schedule_at` (default relative seconds, immune to the server's zone). */
  schedule?: JasminScheduleOptions;
  /** Retries only what provably did not reach Jasmin (and reads); `false` turns retries off. */
  retry?: SendRetryPolicyOptions | false;
}

/**
 * The Jasmin SMS Gateway REST API (Direct7's legacy REST API) endpoint by endpoint, in Jasmin's
 * own vocabulary: `/secure/send`, `/secure/sendbatch`, `/secure/balance`, `/secure/rate`, `/ping`,
 * with Basic auth. The password and the Basic token are scrubbed from every error.
 */
export class JasminApi {
  private readonly transport: HttpTransport;
  private readonly ownsTransport: boolean;
  private readonly retry: SendRetryPolicy | undefined;
  private readonly secrets: string[];
  private readonly authorization: string;
  private readonly clock: Clock;

  constructor(private readonly options: JasminApiOptions) {
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

  get username(): string {
    return this.options.username;
  }

  /** `POST /secure/send`: one message to one destination; resolves to its id. */
  async sendMessage(input: JasminMessageInput & { to: string }): Promise<string> {
    const body = buildJasminMessage(input);
    return this.exchange(this.post('/secure/send', body), (response) => readJasminSendResult(response, this.secrets, this.clock.now()));
  }

  /** `POST /secure/sendbatch`: resolves once Jasmin has queued the batch (the ids come through its callbacks). */
  async sendBatch(input: JasminBatchInput): Promise<JasminBatchAccepted> {
    const { scheduleAt, ...rest } = input;
    const body = buildJasminBatchBody({
      ...rest,
      ...(scheduleAt !== undefined ? { scheduleAt: formatJasminScheduleAt(scheduleAt, this.clock, this.options.schedule) } : {}),
    });
    return this.exchange(this.post('/secure/sendbatch', body), (response) => readJasminBatchResult(response, this.secrets, this.clock.now()));
  }

  /** `GET /secure/balance`. */
  async balance(): Promise<JasminBalance> {
    return this.exchange({ ...this.get('/secure/balance'), idempotent: true }, (response) => readJasminBalance(response, this.secrets, this.clock.now()));
  }

  /** `GET /secure/rate`: what a message to `to` (already in Jasmin's digits) would cost, and in how many parts. */
  async rate(input: { to: string; text: string }): Promise<JasminRate> {
    const plan = planGatewayText('jasmin', input.text, 'auto');
    const query: Record<string, string | number> = { to: input.to };
    if (plan.encoding === 'ucs2') {
      query.coding = 8;
      query['hex-content'] = jasminUtf16Hex(plan.text);
    } else {
      query.content = plan.text;
    }
    // The notes' servers read the query; Jasmin's published REST code json.loads the GET body: send both.
    const request: HttpRequest = { ...this.get('/secure/rate'), query, body: JSON.stringify(query), idempotent: true };
    request.headers = { ...request.headers, 'content-type': 'application/json' };
    return this.exchange(request, (response) => readJasminRate(response, this.secrets, this.clock.now()));
  }

  /** `GET /ping` (no auth): Jasmin's HTTP API answers `Jasmin/PONG`. */
  async ping(): Promise<string> {
    return this.exchange({ method: 'GET', path: '/ping', headers: { accept: 'application/json' }, idempotent: true }, (response) =>
      readJasminPing(response, this.secrets, this.clock.now()),
    );
  }

  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
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
