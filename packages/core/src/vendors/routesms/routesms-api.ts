import { systemClock, type Clock } from '../../clock/clock';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../transport/http-transport';
import { givenConnectionOptions, type ConnectionOptions } from '../shared/given-connection-options';
import { expectHttpOk } from '../shared/http-status-check';
import { httpTransportFor } from '../shared/http-transport-for';
import { sendRetryPolicyFor, type SendRetryPolicy, type SendRetryPolicyOptions } from '../shared/send-retry-policy';
import { buildRoutesmsSubmitRequest, routesmsRequestTargetLength, type RoutesmsSubmitInput } from './routesms-submit-request';
import { parseRoutesmsSubmitResponse, routesmsRequestFailure, type RoutesmsSubmitEntry } from './routesms-submit-response';

/** An injected `transport` (tests, proxies) is not owned: `close()` leaves it open. */
export interface RoutesmsApiOptions extends ConnectionOptions {
  /** `http://host:8080` or `https://host:8443` (the bulk HTTP API's usual ports). */
  baseUrl: string;
  username: string;
  password: string;
  /** Retries only what provably did not reach the gateway, and 1709; `false` turns retries off. */
  retry?: SendRetryPolicyOptions | false;
}

/**
 * The Route Mobile SMSPLUS bulk HTTP API (v1.0.1) in its own words: `/bulksms/bulksms` and
 * `/bulksms/schedulemsg` GET requests, their code lines, and the seed's resubmit rule. The
 * password travels in the query string, so it is scrubbed from every error the transport raises.
 */
export class RoutesmsApi {
  private readonly transport: HttpTransport;
  private readonly ownsTransport: boolean;
  private readonly retry: SendRetryPolicy | undefined;
  private readonly secrets: string[];
  private readonly clock: Clock;

  constructor(private readonly options: RoutesmsApiOptions) {
    this.secrets = options.password ? [options.password] : [];
    this.clock = options.clock ?? systemClock;
    this.ownsTransport = !options.transport;
    this.transport = httpTransportFor({ baseUrl: options.baseUrl, ...givenConnectionOptions(options), clock: this.clock }, 'routesms', this.secrets);
    this.retry = sendRetryPolicyFor(options.retry, this.clock);
  }

  /** The GET request of one submit (send or schedule), not yet sent. */
  submitRequest(input: RoutesmsSubmitInput): HttpRequest {
    return buildRoutesmsSubmitRequest({ username: this.options.username, password: this.options.password }, input);
  }

  /** How long the request target of `request` is on this gateway (its base path included). */
  targetLength(request: HttpRequest): number {
    return routesmsRequestTargetLength(request, this.options.baseUrl);
  }

  /**
   * Sends one submit and reads its code line per destination. Throws when the request failed as a
   * whole (transport, HTTP status, a request-scoped code with nothing accepted); resubmits only
   * where the retry policy and the seed allow (1709, nothing reached the gateway, Retry-After).
   */
  submit(request: HttpRequest): Promise<RoutesmsSubmitEntry[]> {
    const attempt = async (): Promise<RoutesmsSubmitEntry[]> => {
      const response = await this.transport.request(request);
      const entries = this.codeLines(response);
      const failure = routesmsRequestFailure(entries, response.status);
      if (failure) throw failure;
      return entries;
    };
    return this.retry ? this.retry.run(attempt) : attempt();
  }

  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
  }

  /**
   * A code line is believed whatever the HTTP status (a 500 carrying `1710` is 1710), except a
   * 429, which is the server's (or a proxy's) throttle and goes through the shared status check
   * for its `Retry-After`. Anything else that is not a code line goes through the check first.
   */
  private codeLines(response: HttpResponse): RoutesmsSubmitEntry[] {
    const check = { gateway: 'routesms', secrets: this.secrets, clockNow: this.clock.now() };
    if (response.status === 429) expectHttpOk(response, check);
    try {
      return parseRoutesmsSubmitResponse(response.body);
    } catch (error) {
      if (response.status >= 200 && response.status < 300) throw error;
      return parseRoutesmsSubmitResponse(expectHttpOk(response, check).body);
    }
  }
}
