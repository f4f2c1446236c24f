import { startClockTimer, type ClockTimer } from '../../clock/clock-timer';
import type { GatewaySimulator, SimulatorOptions } from '../../simulator/gateway-simulator';
import { basicCredentials, isKnownAccount } from '../../simulator/simulator-credentials';
import type { SimulatorReply, SimulatorRequest } from '../../simulator/simulator-request';
import { SimulatorServer } from '../../simulator/simulator-server';
import { handleBalance } from './jasmin-simulator/balance-handler';
import { JasminDlrThrower, type JasminDlrAttempt, type JasminDlrOptions } from './jasmin-simulator/dlr-thrower';
import { handleRate } from './jasmin-simulator/rate-handler';
import { authenticationFailure, DOCS_LINK, restJson } from './jasmin-simulator/rest-replies';
import { handleSendBatch } from './jasmin-simulator/send-batch-handler';
import { handleSend } from './jasmin-simulator/send-handler';
import type { SimulatedJasminBatch } from './jasmin-simulator/simulated-batch';
import type { JasminSimulatorState } from './jasmin-simulator/simulator-state';

export type { SimulatedJasminBatch } from './jasmin-simulator/simulated-batch';

export interface JasminSimulatorOptions extends SimulatorOptions, JasminDlrOptions {
  /** Account balance (a number) or `ND` (not defined: unlimited). Default 1000.23: enough for a test run of a few hundred parts. */
  balance?: number | 'ND';
  /** SMS quota or `ND`. Default `ND`. */
  smsCount?: number | 'ND';
  /** Price of one SMS part on the route (default 1.4, the notes' `unit_rate` 2.8 for two parts). */
  routeRate?: number;
  /** Destinations starting with one of these have no route (412). Default `['000']`. */
  noRoutePrefixes?: string[];
  /** IANA zone the server reads `schedule_at` dates in (default UTC). */
  serverTimeZone?: string;
}

/**
 * The Jasmin REST API (Direct7 legacy REST) over real HTTP, with the bodies and quirks of the
 * real server: `Success "<uuid>` without its closing quote, 403 for wrong credentials on
 * send/balance but 412 on sendbatch, 401 only without a Basic header, JSON parsed whatever the
 * content type, `_` ≡ `-` in keys, batch globals/callbacks/scheduling, and DLRs pushed to
 * `dlr-url` at the requested level, retried 3 times 30 s apart (on the Clock) until the receiver
 * answers `ACK/Jasmin`. One handler per endpoint, and the DLR thrower, in `jasmin-simulator/`.
 */
export class JasminSimulator extends SimulatorServer implements GatewaySimulator, JasminSimulatorState {
  readonly gateway = 'jasmin' as const;
  balance: number | 'ND';
  smsCount: number | 'ND';
  readonly batches = new Map<string, SimulatedJasminBatch>();
  /** Every DLR attempt: message id, level, attempt number (1-based) and whether it was acknowledged. */
  readonly dlrAttempts: JasminDlrAttempt[] = [];
  readonly routeRate: number;
  readonly noRoutePrefixes: readonly string[];
  readonly serverTimeZone: string;
  private readonly timers = new Set<ClockTimer>();

  constructor(options: JasminSimulatorOptions = {}) {
    super(options, [{ username: 'jasmin', password: 'jasmin-secret' }]);
    this.balance = options.balance ?? 1000.23;
    this.smsCount = options.smsCount ?? 'ND';
    this.routeRate = options.routeRate ?? 1.4;
    this.noRoutePrefixes = options.noRoutePrefixes ?? ['000'];
    this.serverTimeZone = options.serverTimeZone ?? 'UTC';
    this.router.add('*', '/ping', (request) => this.onlyMethod(request, 'GET', () => restJson(200, { data: 'Jasmin/PONG' })));
    this.router.add('*', '/secure/send', (request) => this.secured(request, 'POST', () => handleSend(this, request)));
    this.router.add('*', '/secure/sendbatch', (request) => this.secured(request, 'POST', () => handleSendBatch(this, request)));
    this.router.add('*', '/secure/balance', (request) => this.secured(request, 'GET', () => handleBalance(this, request)));
    this.router.add('*', '/secure/rate', (request) => this.secured(request, 'GET', () => handleRate(this, request)));
    const dlrs = new JasminDlrThrower(this, this.dlrAttempts, options);
    this.network.on('status', (message) => dlrs.status(message));
  }

  override async stop(): Promise<void> {
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
    await super.stop();
  }

  knowsAccount(account: { username?: string; password?: string }): boolean {
    return isKnownAccount(this.accounts, account);
  }

  now(): number {
    return this.clock.now();
  }

  /** `schedule_at` may lie weeks ahead, beyond what one Node timer can hold. */
  after(ms: number, run: () => void): void {
    if (!this.isRunning) return;
    const timer = startClockTimer(this.clock, ms, () => {
      this.timers.delete(timer);
      run();
    });
    this.timers.add(timer);
  }

  protected authRefusedReply(request: SimulatorRequest): SimulatorReply {
    return authenticationFailure(request);
  }

  protected override notFoundReply(): SimulatorReply {
    return restJson(404, { title: '404 Not Found' });
  }

  protected override describeNotes(): string[] {
    return [
      'POST /secure/send, /secure/sendbatch; GET /secure/balance, /secure/rate, /ping — Basic auth on /secure/*.',
      'Destinations starting with 000 have no route; 666 fail, 999 are undelivered, 888 expire.',
      'DLRs go to dlr-url until the receiver answers ACK/Jasmin (3 retries, 30 s apart).',
    ];
  }

  private onlyMethod(request: SimulatorRequest, method: string, run: () => SimulatorReply): SimulatorReply {
    if (request.method !== method) return restJson(405, { title: '405 Method Not Allowed' });
    return run();
  }

  /** Falcon middleware order: content negotiation, then the Basic header, then the resource. */
  private secured(request: SimulatorRequest, method: string, run: () => SimulatorReply): SimulatorReply {
    const accept = request.headers.accept;
    if (accept && !/application\/json|\*\/\*|application\/\*/i.test(accept)) {
      return restJson(415, { title: 'Unsupported media type', description: 'This API supports JSON media type only.', link: DOCS_LINK });
    }
    const header = request.headers.authorization;
    if (!header) return restJson(401, { title: 'Authentication required', description: 'Please provide a valid Basic auth token', link: DOCS_LINK });
    if (header.split(' ').length !== 2 || !basicCredentials(request)) {
      return restJson(401, { title: `Invalid token: ${header}`, description: 'Please provide a valid Basic auth token', link: DOCS_LINK });
    }
    return this.onlyMethod(request, method, run);
  }
}
