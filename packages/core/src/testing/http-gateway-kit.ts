import { systemClock, type Clock } from '../clock/clock';
import type { GatewaySimulator } from '../simulator/gateway-simulator';
import type { GatewayKey } from '../vendors/gateway-client';
import type { ConnectContext } from '../vendors/vendor-entry';
import { createVendorRegistry } from '../vendors/registry';
import { BlackHoleListener } from './black-hole-listener';
import { closedPort } from './closed-port';
import type { ConformanceFault, GatewayTestKit } from './gateway-test-kit';
import { givenTransportConnection } from './given-transport-connection';
import { createSimulator } from './simulator-catalog';

const REQUEST_TIMEOUT_MS = 1_500;
const CALIBRATION_NUMBER = '+447700900999';

function digitsOf(number: string): string {
  return number.replace(/\D/g, '').replace(/^00/, '');
}

/** The conformance kit of an HTTP gateway: its simulator on 127.0.0.1, faults through its FaultInjector. */
export class HttpGatewayKit implements GatewayTestKit {
  readonly clock: Clock = systemClock;
  readonly requestTimeoutMs = REQUEST_TIMEOUT_MS;
  private readonly simulator: GatewaySimulator;
  private readonly blackHole = new BlackHoleListener();
  /** Where the next client connects instead of the simulator (unreachable / connect-timeout cases). */
  private redirectPort: number | undefined;

  constructor(readonly key: GatewayKey) {
    this.simulator = createSimulator(key, { network: { sendDelayMs: 10, deliveryDelayMs: 20 } });
  }

  /** The request that sends (method and path), learnt at start: faults aim at it, not at a read before it. */
  private sendRequest: { method: string; path: string } | undefined;

  /** Faults match the send request exactly (a prefix would also hit a longer path). */
  private aimedAtSend(): { method?: string; path?: RegExp } {
    if (!this.sendRequest) return {};
    return { method: this.sendRequest.method, path: new RegExp(`^${this.sendRequest.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) };
  }

  async start(): Promise<void> {
    await this.simulator.start();
    await this.learnSendRequest();
  }

  /** Sends one message the way a host would and notes which request queued it at the simulator. */
  private async learnSendRequest(): Promise<void> {
    const client = createVendorRegistry().open(this.key, this.connection());
    try {
      await client.send({ to: [CALIBRATION_NUMBER], text: 'calibration' });
    } finally {
      await client.close();
    }
    const sending = this.simulator.requestLog.findLast((entry) => entry.submitted > 0);
    if (sending) this.sendRequest = { method: sending.method, path: sending.path };
  }

  async stop(): Promise<void> {
    await this.blackHole.stop();
    await this.simulator.stop();
  }

  connection(): Record<string, unknown> {
    const { credentials } = this.simulator.describe();
    const url = this.redirectPort === undefined ? this.simulator.baseUrl : `http://127.0.0.1:${this.redirectPort}`;
    return { url, ...credentials, timeoutMs: REQUEST_TIMEOUT_MS };
  }

  wrongCredentials(): Record<string, unknown> {
    return { ...this.connection(), password: 'not-the-password-3141' };
  }

  context(): ConnectContext {
    return {};
  }

  acceptedFor(to: string): number {
    const wanted = digitsOf(to);
    let count = 0;
    for (const message of this.simulator.network.messages.values()) if (digitsOf(message.to) === wanted) count += 1;
    return count;
  }

  requestsSeen(): number {
    return this.simulator.requestsReceived;
  }

  async givenConnection(): Promise<{ context: ConnectContext; stillOpen(): Promise<boolean>; release(): Promise<void> }> {
    return givenTransportConnection(this.simulator.baseUrl, this.key, '/');
  }


  async injectInbound(from: string, text: string): Promise<void> {
    this.simulator.network.injectInbound({ from, text });
  }

  async arm(fault: ConformanceFault, options: { retryAfterSeconds?: number } = {}): Promise<boolean> {
    const faults = this.simulator.faults;
    switch (fault) {
      case 'unreachable':
        this.redirectPort = await closedPort();
        return true;
      case 'timeout-before-handling':
        this.redirectPort = await this.blackHole.start();
        return true;
      case 'timeout-after-handling':
        faults.add({ kind: 'no-answer', ...this.aimedAtSend() });
        return true;
      case 'reset-mid-body':
        faults.add({ kind: 'reset-mid-body', ...this.aimedAtSend() });
        return true;
      case 'server-error':
        faults.add({ kind: 'http-503', ...this.aimedAtSend() });
        return true;
      case 'malformed-body':
        faults.add({ kind: 'malformed-body', ...this.aimedAtSend() });
        return true;
      case 'rate-limit':
        faults.add({ kind: 'http-status', status: 429, headers: { 'retry-after': String(options.retryAfterSeconds ?? 1) }, ...this.aimedAtSend() });
        return true;
    }
  }

  async disarm(): Promise<void> {
    this.redirectPort = undefined;
    this.simulator.faults.clear();
    await this.blackHole.stop();
  }
}
