import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BridgeServer } from '../bridge/bridge-server';
import { systemClock, type Clock } from '../clock/clock';
import type { ModemHub } from '../modem/gateway/modem-hub';
import type { ConnectContext } from '../vendors/vendor-entry';
import { closedPort } from './closed-port';
import type { ConformanceFault, GatewayTestKit } from './gateway-test-kit';
import { givenTransportConnection } from './given-transport-connection';
import { ModemGatewayKit } from './modem-gateway-kit';

const TOKEN = 'conformance-bridge-token-2718';
/** The client's timeout: longer than the modem driver's, so a modem timeout is the bridge's answer, not a lost one. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The modem bridge for the conformance suite: a {@link BridgeServer} on 127.0.0.1 in front of the
 * modem kit's virtual modem (the serialport stream layer, in-process), with a journal in a
 * temporary folder. Faults of the modem (no prompt, no confirmation, a reset) reach the client
 * through the bridge as the modem's own outcomes; `unreachable` points the client at a closed
 * port. An inbound SMS counts as arrived once the bridge journaled it.
 */
export class ModemBridgeGatewayKit implements GatewayTestKit {
  readonly key = 'modembridge' as const;
  readonly clock: Clock = systemClock;
  readonly requestTimeoutMs = REQUEST_TIMEOUT_MS;
  private readonly modemKit = new ModemGatewayKit();
  private bridge: BridgeServer | undefined;
  private journal: string | undefined;
  private redirectPort: number | undefined;

  /** The bridge (for assertions beyond the kit's interface). */
  get server(): BridgeServer {
    if (!this.bridge) throw new RangeError('the bridge kit is not started');
    return this.bridge;
  }

  get modem() {
    return this.modemKit.modem;
  }

  async start(): Promise<void> {
    await this.modemKit.start();
    this.journal = mkdtempSync(join(tmpdir(), 'smsbridge-bridge-kit-'));
    this.bridge = await BridgeServer.start({
      modems: [this.modemKit.connection() as { port: string; baudRate: number; pin: string }],
      hub: this.modemKit.context().modemHub as ModemHub,
      token: TOKEN,
      journal: this.journal,
      port: 0,
    });
  }

  async stop(): Promise<void> {
    await this.bridge?.stop();
    this.bridge = undefined;
    await this.modemKit.stop();
    if (this.journal) rmSync(this.journal, { recursive: true, force: true });
  }

  connection(): Record<string, unknown> {
    const url = this.redirectPort === undefined ? this.server.url : `http://127.0.0.1:${this.redirectPort}`;
    return { url, password: TOKEN, timeoutMs: REQUEST_TIMEOUT_MS };
  }

  wrongCredentials(): Record<string, unknown> {
    return { ...this.connection(), password: 'not-the-password-3141' };
  }

  context(): ConnectContext {
    return {};
  }

  acceptedFor(to: string): number {
    return this.modemKit.acceptedFor(to);
  }

  /** HTTP requests the bridge received: a check made by the client sends none. */
  requestsSeen(): number {
    return this.server.requestsReceived;
  }

  async givenConnection(): Promise<{ context: ConnectContext; stillOpen(): Promise<boolean>; release(): Promise<void> }> {
    return givenTransportConnection(this.server.url, this.key, '/v1/verify');
  }


  /** Injects at the virtual modem and waits (bounded) until the bridge journaled it. */
  async injectInbound(from: string, text: string): Promise<void> {
    const server = this.server;
    const journaled = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        server.off('journaled', listener);
        reject(new Error(`the bridge did not journal "${text}" within 10 s`));
      }, 10_000);
      const listener = (event: { inbound?: { text: string } }) => {
        if (event.inbound?.text !== text) return;
        clearTimeout(timer);
        server.off('journaled', listener);
        resolve();
      };
      server.on('journaled', listener);
    });
    await this.modemKit.injectInbound(from, text);
    await journaled;
  }

  async arm(fault: ConformanceFault, options: { retryAfterSeconds?: number } = {}): Promise<boolean> {
    await this.disarm();
    if (fault === 'unreachable') {
      this.redirectPort = await closedPort();
      return true;
    }
    return this.modemKit.arm(fault, options);
  }

  async disarm(): Promise<void> {
    this.redirectPort = undefined;
    await this.modemKit.disarm();
  }
}
