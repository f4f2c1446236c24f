import { EventEmitter } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../clock/clock';
import { InvalidRequestError } from '../errors/gateway-errors';
import { SmsBridgeError } from '../errors/smsbridge-error';
import { ModemHub, type ModemHubOptions } from '../modem/gateway/modem-hub';
import type { ModemPortSettings } from '../modem/gateway/modem-connection-fields';
import { DEFAULT_BRIDGE_PORT } from '../vendors/modembridge/modembridge-wire';
import { BearerToken } from './bearer-token';
import { BridgeApi } from './bridge-api';
import { bridgeErrorResponse, UNAUTHORIZED_BODY } from './bridge-error-response';
import { discardBody, readJsonBody, writeJson } from './bridge-http';
import { BridgeJournal, type JournalEvent } from './bridge-journal';
import { BridgeModems } from './bridge-modems';
import { PushDelivery } from './push-delivery';
import { PushTarget, type PushTargetSettings } from './push-target';

export interface BridgeServerOptions {
  /** The modems to drive: port (path, USB serial number or VID:PID), baud rate, SIM PIN. */
  modems: readonly ModemPortSettings[];
  /** The bearer token every caller must present. */
  token: string;
  /** Folder of the journal (created if missing). */
  journal: string;
  /** Default 127.0.0.1 and {@link DEFAULT_BRIDGE_PORT}; port 0 picks a free one. */
  host?: string;
  port?: number;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Where inbound SMS and delivery reports are pushed, each push signed with the target's secret. */
  push?: readonly PushTargetSettings[];
  /** Backoff of failed pushes (default 1 s doubling to 5 min) and the timeout of one push (10 s). */
  pushRetry?: { initialDelayMs?: number; maxDelayMs?: number; timeoutMs?: number };
  /** A hub to use (tests, a host that owns one); it stays open when the bridge stops. Else the bridge makes one with `hubOptions`. */
  hub?: ModemHub;
  hubOptions?: ModemHubOptions;
  clock?: Clock;
  /** One line per notable thing (listening, a push failing, a modem error); never a token, PIN or push URL path. */
  log?: (line: string) => void;
  /** How long `stop()` lets requests in flight finish before cutting them (default 10 s). */
  stopGraceMs?: number;
}

export interface BridgeServerEvents {
  journaled: [JournalEvent];
}

/**
 * `smsbridge modem serve`: the core's modem driver behind a small authenticated HTTP(S) API, so
 * hosts on other machines use the modems like any gateway (the `modembridge` vendor). Inbound SMS
 * and delivery reports are journaled on disk before the SIM lets go of them, then handed out
 * through the inbox (until acknowledged) and pushed to the configured URLs (until one answers 2xx).
 */
export class BridgeServer extends EventEmitter<BridgeServerEvents> {
  /** HTTP requests received (authenticated or not). */
  requestsReceived = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    private readonly api: BridgeApi,
    readonly journal: BridgeJournal,
    private readonly modems: BridgeModems,
    private readonly pushes: PushDelivery,
    private readonly ownHub: ModemHub | undefined,
    private readonly token: BearerToken,
    private readonly secrets: readonly string[],
    private readonly options: BridgeServerOptions,
  ) {
    super();
  }

  static async start(options: BridgeServerOptions): Promise<BridgeServer> {
    const token = new BearerToken(options.token);
    const targets = (options.push ?? []).map((target) => new PushTarget(target.url, target.secret));
    const secrets = [options.token, ...options.modems.map((modem) => modem.pin ?? ''), ...targets.map((target) => target.secret)].filter((secret) => secret.length > 0);
    const log = options.log ?? (() => undefined);
    const journal = await BridgeJournal.open(options.journal, { targets: targets.map((target) => target.id) });
    const ownHub = options.hub ? undefined : new ModemHub({ clock: options.clock ?? systemClock, ...options.hubOptions });
    let modems: BridgeModems | undefined;
    let pushes: PushDelivery | undefined;
    try {
      modems = new BridgeModems(options.modems, options.hub ?? ownHub!);
      pushes = new PushDelivery({
        journal,
        targets,
        clock: options.clock ?? systemClock,
        ...options.pushRetry,
        log,
      });
      const delivery = pushes;
      let bridge: BridgeServer | undefined;
      const api = new BridgeApi(
        modems,
        journal,
        targets.map((target) => target.id),
        {
          journaled: (event) => {
            delivery.wake();
            bridge?.emit('journaled', event);
          },
        },
      );
      const handler = (request: IncomingMessage, response: ServerResponse) => bridge!.handle(request, response);
      const server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler) : createHttpServer(handler);
      bridge = new BridgeServer(server, api, journal, modems, pushes, ownHub, token, secrets, options);
      await listen(server, options.host ?? '127.0.0.1', options.port ?? DEFAULT_BRIDGE_PORT);
      modems.listen({
        inbound: (message, modem) => api.takeInbound(message, modem),
        // A report that could not be journaled stays on the SIM; the failure reaches `error` below.
        status: (status, modem) => api.takeStatus(status, modem),
        error: (error, modem) => log(`modem ${modem.number} (${modem.name}): ${describe(error, secrets)}`),
      });
      pushes.start();
      log(`listening on ${bridge.url} with ${modems.list.length} modem(s), journal ${journal.directory}, ${targets.length} push target(s)${targets.length ? `: ${targets.map((target) => target.label).join(', ')}` : ''}`);
      return bridge;
    } catch (error) {
      await pushes?.stop();
      await modems?.close();
      await ownHub?.close();
      await journal.close();
      throw error;
    }
  }

  /** `http(s)://host:port` the bridge answers on. */
  get url(): string {
    const address = this.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `${this.options.tls ? 'https' : 'http'}://${host}:${address.port}`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /**
   * Stops taking requests (those in flight finish, within the grace period), stops the pushes,
   * gives the modems back, then flushes, compacts and unlocks the journal. The port is free once
   * this resolves.
   */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const grace = this.options.stopGraceMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((resolve) => (timer = setTimeout(resolve, grace)))]);
    clearTimeout(timer);
    this.server.closeAllConnections();
    await closed;
    await this.pushes.stop();
    await this.modems.close();
    await this.ownHub?.close();
    await this.journal.close();
    this.options.log?.('stopped; journal flushed');
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    this.requestsReceived += 1;
    const work = this.answer(request, response).finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!this.token.accepts(request.headers.authorization)) {
      discardBody(request);
      writeJson(response, 401, UNAUTHORIZED_BODY, { 'www-authenticate': 'Bearer' });
      return;
    }
    try {
      const url = new URL(request.url ?? '/', 'http://bridge');
      const body = request.method === 'POST' ? await readJsonBody(request) : (discardBody(request), {});
      if (this.stopping) throw new SmsBridgeError('SMSB_GATEWAY_UNREACHABLE', 'The bridge is stopping; try again once it is back.', { retryable: true, outcome: 'not-sent' });
      writeJson(response, 200, await this.route(request.method ?? 'GET', url, body));
    } catch (error) {
      const answer = bridgeErrorResponse(error, this.secrets);
      if (!(error instanceof SmsBridgeError)) this.options.log?.(`internal error on ${request.method} ${(request.url ?? '').split('?')[0]}: ${describe(error, this.secrets)}`);
      writeJson(response, answer.status, answer.body);
    }
  }

  private route(method: string, url: URL, body: Record<string, unknown>): Promise<unknown> | unknown {
    const path = url.pathname.replace(/\/+$/, '');
    const call = `${method} ${path}`;
    if (call === 'POST /v1/send') return this.api.send(body);
    if (method === 'GET' && path.startsWith('/v1/status/')) return this.api.status(decodeURIComponent(path.slice('/v1/status/'.length)));
    if (call === 'GET /v1/inbox') return this.api.inbox(url.searchParams.get('cursor') ?? undefined);
    if (call === 'POST /v1/inbox/acknowledge') return this.api.acknowledge(body);
    if (call === 'POST /v1/ussd') return this.api.ussd(body);
    if (call === 'POST /v1/ussd/continue') return this.api.ussdContinue(body);
    if (call === 'POST /v1/ussd/cancel') return this.api.ussdCancel(body);
    if (method === 'POST' && path.startsWith('/v1/admin/')) return this.api.admin(decodeURIComponent(path.slice('/v1/admin/'.length)), body);
    if (call === 'GET /v1/verify') return this.api.verify();
    throw new InvalidRequestError(`The bridge has no ${method} ${path.slice(0, 80)}: see the bridge README for its API (/v1/send, /v1/inbox, …).`, {
      details: { gateway: 'modembridge' },
    });
  }
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new InvalidRequestError(`${host}:${port} is in use: give another --listen host:port.`, { details: { listen: `${host}:${port}` } })
          : error,
      );
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

function describe(error: unknown, secrets: readonly string[]): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of secrets) text = text.split(secret).join('***');
  return text;
}
