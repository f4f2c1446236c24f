import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../clock/clock';
import { startClockTimer } from '../clock/clock-timer';
import { InvalidRequestError } from '../errors/gateway-errors';
import { SmsBridgeError } from '../errors/smsbridge-error';
import type { GatewayKey } from '../vendors/gateway-client';
import { FaultInjector, type ActiveFault } from './fault-injector';
import type { GatewaySimulator, SimulatorAddress, SimulatorDescription, SimulatorOptions } from './gateway-simulator';
import { PushCallbackSender } from './push-callback-sender';
import type { SimulatedAccount } from './simulator-credentials';
import { htmlErrorPage, type SimulatorReply, type SimulatorRequest } from './simulator-request';
import { SimulatorRouter } from './simulator-router';
import { SimulatedNetwork } from './simulated-network';

const MAX_BODY_BYTES = 1024 * 1024;

/** A request as logged by the simulator (for assertions such as "the password went in the body"). */
export interface SimulatorLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string>;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  /** Messages the handler queued on the network (a send endpoint's request has some). */
  submitted: number;
}

function decodeForm(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) values[name] = value;
  return values;
}

/**
 * Base of every vendor simulator: a node:http server on 127.0.0.1 (port 0 by default), a router
 * the vendor fills in, fault injection applied around the handler, a {@link SimulatedNetwork} and
 * a push sender. Subclasses register routes in their constructor and say how they refuse
 * credentials (used by the `auth-refused` fault).
 */
export abstract class SimulatorServer implements GatewaySimulator {
  abstract readonly gateway: GatewayKey;
  readonly network: SimulatedNetwork;
  readonly faults = new FaultInjector();
  readonly pushes = new PushCallbackSender();
  /** The last requests received (newest last, at most 500). */
  readonly requestLog: SimulatorLogEntry[] = [];
  /** Every request received since the start (the log keeps only the latest). */
  requestsReceived = 0;
  protected readonly router = new SimulatorRouter();
  protected readonly clock: Clock;
  protected accounts: SimulatedAccount[];
  private readonly host: string;
  private readonly requestedPort: number;
  private server: Server | undefined;
  private address: SimulatorAddress | undefined;

  protected constructor(options: SimulatorOptions, defaultAccounts: SimulatedAccount[]) {
    this.clock = options.clock ?? systemClock;
    this.network = new SimulatedNetwork({ clock: this.clock, ...options.network });
    this.accounts = options.accounts ?? defaultAccounts;
    this.host = options.host ?? '127.0.0.1';
    this.requestedPort = options.port ?? 0;
  }

  /** How this vendor answers refused credentials. */
  protected abstract authRefusedReply(request: SimulatorRequest): SimulatorReply;

  /** What an unknown path gets (vendors override to match their server). */
  protected notFoundReply(_request: SimulatorRequest): SimulatorReply {
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
  }

  /** Vendor notes shown by `smsbridge simulate`. */
  protected describeNotes(): string[] {
    return [];
  }

  get baseUrl(): string {
    if (!this.address) throw new SmsBridgeError('SMSB_SIMULATOR_NOT_STARTED', `The ${this.gateway} simulator is not started: call start() first.`);
    return this.address.baseUrl;
  }

  get isRunning(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<SimulatorAddress> {
    if (this.address) return this.address;
    const server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new InvalidRequestError(
            `The ${this.gateway} simulator cannot listen on ${this.host}:${this.requestedPort} (${error.code ?? error.message}): choose another port, or 0 for any free one.`,
            { details: { networkCode: error.code, host: this.host, port: this.requestedPort }, cause: error },
          ),
        ),
      );
      server.listen(this.requestedPort, this.host, () => {
        server.removeAllListeners('error');
        resolve();
      });
    });
    this.server = server;
    const port = (server.address() as AddressInfo).port;
    this.address = { host: this.host, port, baseUrl: `http://${this.host}:${port}` };
    return this.address;
  }

  async stop(): Promise<void> {
    this.network.close();
    await this.pushes.close();
    const server = this.server;
    this.server = undefined;
    this.address = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  describe(): SimulatorDescription {
    const account = this.accounts[0];
    return {
      gateway: this.gateway,
      baseUrl: this.baseUrl,
      credentials: account ? { username: account.username, password: account.password } : {},
      notes: this.describeNotes(),
    };
  }

  /** Replaces the accepted accounts (e.g. to test a password change). */
  setAccounts(accounts: SimulatedAccount[]): void {
    this.accounts = accounts;
  }

  private async handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    let request: SimulatorRequest;
    try {
      request = await this.readRequest(incoming);
    } catch {
      response.writeHead(413).end();
      return;
    }
    this.requestsReceived += 1;
    const entry: SimulatorLogEntry = { method: request.method, path: request.path, query: request.query, form: request.form, body: request.body, headers: { ...request.headers }, submitted: 0 };
    this.requestLog.push(entry);
    if (this.requestLog.length > 500) this.requestLog.shift();

    const { latency, fault } = this.faults.take(request.method, request.path);
    if (latency?.delayMs) await new Promise<void>((resolve) => startClockTimer(this.clock, latency.delayMs!, resolve));
    if (response.destroyed) return;

    const early = fault ? this.replyBeforeHandling(fault, request) : undefined;
    if (early === 'drop') {
      incoming.socket.destroy();
      return;
    }
    const queuedBefore = this.network.messages.size;
    let reply: SimulatorReply = early ?? (await this.runHandler(request));
    entry.submitted = this.network.messages.size - queuedBefore;
    if (fault && !early) {
      const after = this.applyAfterHandling(fault, reply);
      if (after === 'drop') {
        incoming.socket.destroy();
        return;
      }
      // The socket stays open until the client gives up or the simulator stops.
      if (after === 'hang') return;
      if (after === 'reset') {
        const bytes = Buffer.from(reply.body, 'utf8');
        response.writeHead(reply.status, { ...reply.headers, 'content-length': String(bytes.length) });
        response.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))));
        // Let the half body reach the client before the reset.
        setImmediate(() => incoming.socket.destroy());
        return;
      }
      reply = after;
    }
    const bytes = Buffer.from(reply.body, 'utf8');
    response.writeHead(reply.status, { ...reply.headers, 'content-length': String(bytes.length) });
    response.end(bytes);
  }

  private replyBeforeHandling(fault: ActiveFault, request: SimulatorRequest): SimulatorReply | 'drop' | undefined {
    switch (fault.kind) {
      case 'http-500':
      case 'http-502':
      case 'http-503':
        return { status: Number(fault.kind.slice(5)), headers: { 'content-type': 'text/plain' }, body: fault.body ?? '' };
      case 'http-status':
        return { status: fault.status ?? 500, headers: { 'content-type': 'text/plain', ...fault.headers }, body: fault.body ?? '' };
      case 'html-error-page':
        return htmlErrorPage(fault.status ?? 502);
      case 'auth-refused':
        return this.authRefusedReply(request);
      case 'drop-connection':
        return fault.afterHandling ? undefined : 'drop';
      default:
        return undefined;
    }
  }

  private applyAfterHandling(fault: ActiveFault, reply: SimulatorReply): SimulatorReply | 'drop' | 'reset' | 'hang' {
    switch (fault.kind) {
      case 'no-answer':
        return 'hang';
      case 'drop-connection':
        return 'drop';
      case 'reset-mid-body':
        return 'reset';
      case 'truncated-body': {
        const text = reply.body;
        return { ...reply, body: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
      }
      case 'malformed-body':
        return { ...reply, body: fault.body ?? '\u0000\u0001garbage{<' };
      default:
        return reply;
    }
  }

  private async runHandler(request: SimulatorRequest): Promise<SimulatorReply> {
    const route = this.router.match(request.method, request.path);
    if (!route) return this.notFoundReply(request);
    request.params = route.params;
    try {
      return await route.handler(request);
    } catch (error) {
      return { status: 500, headers: { 'content-type': 'text/plain' }, body: `simulator error: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private async readRequest(incoming: IncomingMessage): Promise<SimulatorRequest> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new RangeError('body too large');
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(incoming.url ?? '/', 'http://simulator.invalid');
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] = value;
    const contentType = (incoming.headers['content-type'] ?? '').toLowerCase();
    return {
      method: (incoming.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query,
      form: contentType.startsWith('application/x-www-form-urlencoded') ? decodeForm(body) : {},
      headers: incoming.headers,
      body,
      params: {},
      rawUrl: incoming.url ?? '/',
      remoteAddress: incoming.socket.remoteAddress,
    };
  }
}
