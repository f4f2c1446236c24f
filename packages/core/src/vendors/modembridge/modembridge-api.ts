import { systemClock, type Clock } from '../../clock/clock';
import type { HttpRequest, HttpTransport } from '../../transport/http-transport';
import type { VendorClientOptions } from '../vendor-entry';
import { httpTransportFor } from '../shared/http-transport-for';
import { parseJsonBody } from '../shared/json-body';
import { sendRetryPolicyFor, type SendRetryPolicy, type SendRetryPolicyOptions } from '../shared/send-retry-policy';
import { modembridgeError } from './modembridge-error';

export interface ModembridgeApiOptions extends Omit<VendorClientOptions, 'username' | 'password' | 'vendorOptions'> {
  /** The bridge's bearer token. */
  token: string;
  /** Retries only what provably did not reach the bridge (and reads); `false` turns retries off. */
  retry?: SendRetryPolicyOptions | false;
}

/**
 * The bridge's HTTP API call by call, with `Authorization: Bearer`. A failure the bridge reports
 * comes back as the core error it was on the bridge (class, outcome, retry safety); the token is
 * scrubbed from every error.
 */
export class ModembridgeApi {
  private readonly transport: HttpTransport;
  private readonly ownsTransport: boolean;
  private readonly retry: SendRetryPolicy | undefined;
  private readonly secrets: string[];
  private readonly clock: Clock;

  constructor(private readonly options: ModembridgeApiOptions) {
    this.clock = options.clock ?? systemClock;
    this.secrets = [options.token].filter((secret) => secret.length > 0);
    this.ownsTransport = !options.transport;
    this.transport = httpTransportFor({ ...options, clock: this.clock }, 'modembridge', this.secrets);
    // Only failures on the way to the bridge are retried; what the bridge reports of its modem is final (the driver had its own timeouts).
    this.retry = sendRetryPolicyFor(
      options.retry === false ? false : { shouldRetry: (error) => error.details['bridgeHttpStatus'] === undefined, ...options.retry },
      this.clock,
    );
  }

  get<T>(path: string, query?: Record<string, string | undefined>): Promise<T> {
    return this.exchange<T>({ method: 'GET', path, ...(query ? { query } : {}), idempotent: true });
  }

  /** A POST; `idempotent` false for anything that acts (a send, a USSD code): it is then never repeated once it may have arrived. */
  post<T>(path: string, body: unknown, idempotent: boolean): Promise<T> {
    return this.exchange<T>({ method: 'POST', path, body: JSON.stringify(body), idempotent });
  }

  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
  }

  private exchange<T>(request: HttpRequest): Promise<T> {
    const run = async (): Promise<T> => {
      const response = await this.transport.request({
        ...request,
        headers: { authorization: `Bearer ${this.options.token}`, accept: 'application/json', ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      });
      if (response.status < 200 || response.status >= 300) throw modembridgeError(response, this.secrets, request.idempotent ?? false);
      return parseJsonBody<T>(response, 'modembridge', { idempotent: request.idempotent ?? false, secrets: this.secrets });
    };
    return this.retry ? this.retry.run(run) : run();
  }
}
