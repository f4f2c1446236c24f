import { Client, Pool, type Dispatcher } from 'undici';
import { systemClock, type Clock } from '../clock/clock';
import { InvalidRequestError } from '../errors/gateway-errors';
import type { HttpRequest, HttpResponse, HttpTransport, HttpTransportOptions } from './http-transport';
import { toGatewayFailure } from './http-failure';
import { encodeParameters, joinUrlPath } from './query-string';
import { redactSecrets, SecretRedactor } from './redact-secrets';
import { UndiciResponseCollector } from './undici-response-collector';

export interface UndiciHttpTransportOptions extends HttpTransportOptions {
  /** Gateway key or name used in error messages and details (default `gateway`). */
  gateway?: string;
  /** Drives the whole-request timeout; inject a fake one in tests. */
  clock?: Clock;
  /** Idle keep-alive sockets are closed after this long (default 4 s). */
  keepAliveTimeoutMs?: number;
  /** Parallel sockets to the gateway (default 4; LAN boxes dislike more). */
  connections?: number;
  /** Answers larger than this are refused as malformed (default 8 MiB). */
  maxResponseBytes?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * The production {@link HttpTransport}: one undici `Pool` (keep-alive) for the gateway's origin,
 * owned by this transport and closed with it — never the global dispatcher. A `freshConnection`
 * request goes through a one-request `Client` with the pool's settings, closed once the answer is
 * read. Failures come back as the gateway error family with `retryable` telling whether a repeat
 * is safe.
 */
export class UndiciHttpTransport implements HttpTransport {
  readonly origin: string;
  readonly basePath: string;
  private readonly pool: Pool;
  /** What the pool and every fresh-connection client share: TLS, connect and read timeouts. */
  private readonly connectionOptions: Client.Options;
  private readonly freshClients = new Set<Client>();
  private readonly clock: Clock;
  private readonly gateway: string;
  /** Built once from the configured secrets: every failure is scrubbed with it. */
  private readonly redactor: SecretRedactor;
  private readonly requestTimeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(options: UndiciHttpTransportOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new InvalidRequestError(
        `The gateway URL "${redactSecrets(options.baseUrl, options.secrets)}" is not a valid URL: write it as http(s)://host:port[/path].`,
      );
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InvalidRequestError(`The gateway URL must start with http:// or https://, not ${url.protocol}//.`);
    }
    if (url.username || url.password) {
      throw new InvalidRequestError('Put the gateway credentials in the credential fields, not in the URL.');
    }
    this.origin = url.origin;
    this.basePath = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
    this.clock = options.clock ?? systemClock;
    this.gateway = options.gateway ?? 'gateway';
    this.redactor = new SecretRedactor(options.secrets ?? []);
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.maxResponseBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
    const tls = options.tls ?? {};
    this.connectionOptions = {
      headersTimeout: this.requestTimeoutMs,
      bodyTimeout: this.requestTimeoutMs,
      connect: {
        timeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        rejectUnauthorized: tls.rejectUnauthorized ?? true,
        ...(tls.ca ? { ca: tls.ca } : {}),
      },
    };
    this.pool = new Pool(this.origin, {
      ...this.connectionOptions,
      connections: options.connections ?? 4,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000,
    });
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    const query = encodeParameters(request.query);
    const path = joinUrlPath(this.basePath, request.path);
    const timeoutMs = request.timeoutMs ?? this.requestTimeoutMs;
    const fresh = request.freshConnection ? this.openFreshClient() : undefined;
    const exchange = new UndiciResponseCollector(this.maxResponseBytes);
    let failed = false;
    const timer = this.clock.setTimeout(exchange.timeout, timeoutMs);
    try {
      const dispatcher: Dispatcher = fresh ?? this.pool;
      dispatcher.dispatch(
        {
          method: request.method,
          path: query ? `${path}?${query}` : path,
          headers: request.headers,
          body: request.body,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        },
        exchange,
      );
      return await exchange.done;
    } catch (error) {
      failed = true;
      throw toGatewayFailure(error, {
        gateway: this.gateway,
        origin: this.origin,
        method: request.method,
        path,
        idempotent: request.idempotent ?? false,
        phase: exchange.phase,
        timedOut: exchange.timedOut,
        timeoutMs,
        redactor: this.redactor,
      });
    } finally {
      this.clock.clearTimeout(timer);
      if (fresh) await this.retireFreshClient(fresh, { graceful: !failed });
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.freshClients].map((client) => this.retireFreshClient(client, { graceful: false })));
    if (this.pool.closed || this.pool.destroyed) return;
    // Requests still running would hold a polite close forever when the gateway hangs.
    const busy = this.pool.stats.running + this.pool.stats.pending + this.pool.stats.queued > 0;
    await (busy ? this.pool.destroy() : this.pool.close());
  }

  /** Undefined once the transport is closed: the request then fails through the closed pool like any other. */
  private openFreshClient(): Client | undefined {
    if (this.pool.closed || this.pool.destroyed) return undefined;
    const client = new Client(this.origin, this.connectionOptions);
    this.freshClients.add(client);
    return client;
  }

  /** Closes a fresh-connection client: politely after a full answer, at once after a failure or on close. */
  private async retireFreshClient(client: Client, { graceful }: { graceful: boolean }): Promise<void> {
    if (!this.freshClients.delete(client)) return;
    try {
      await (graceful ? client.close() : client.destroy());
    } catch {
      // The answer (or the failure) is already decided; a socket that fails to close changes neither.
    }
  }
}
