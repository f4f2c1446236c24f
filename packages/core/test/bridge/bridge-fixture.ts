import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BridgeServer, type BridgeServerOptions } from '../../src/bridge/bridge-server';
import { startVirtualModemOnPty, type PtyVirtualModem } from '../../src/modem/virtual/pty-virtual-modem';
import type { PushReceipt } from '../../src/vendors/contract/push-descriptor';
import type { GatewayClient } from '../../src/vendors/gateway-client';
import { modembridgeVendor } from '../../src/vendors/modembridge/modembridge-vendor';
import { createVendorRegistry } from '../../src/vendors/registry';

export const TOKEN = 'bridge-test-token-5d41402abc4b2a76';
export const PUSH_SECRET = 'push-secret-7e57a1c0ffee';
export const PIN = '4321';

/** A push receiver on 127.0.0.1 that answers with the registry's modembridge receiver, after the answers `script` forces. */
export class PushReceiver {
  readonly calls: { status: number; pushId: string | undefined; receipt?: PushReceipt }[] = [];
  private server: Server | undefined;

  /** `script[i]`, when set, is the HTTP status answered to the i-th call instead of the receiver's answer. */
  constructor(private readonly script: (number | undefined)[] = []) {}

  async start(): Promise<string> {
    this.server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const pushId = request.headers['x-smsbridge-push-id'] as string | undefined;
        const forced = this.script[this.calls.length];
        if (forced !== undefined) {
          this.calls.push({ status: forced, pushId });
          response.writeHead(forced).end('not now');
          return;
        }
        const receipt = modembridgeVendor.push!.receive({ method: request.method, body, contentType: String(request.headers['content-type'] ?? '') }, { pushSecret: PUSH_SECRET });
        this.calls.push({ status: receipt.answer.status, pushId, receipt });
        response.writeHead(receipt.answer.status, { 'content-type': receipt.answer.contentType }).end(receipt.answer.body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}/smsbridge/in/${PUSH_SECRET}`;
  }

  /** Texts of the inbound SMS the receiver took (answered 2xx). */
  taken(): string[] {
    return this.calls.flatMap((call) => (call.status === 200 ? (call.receipt?.inbound ?? []).map((message) => message.text) : []));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A virtual modem on a pty (real serialport), a journal folder, and bridges started over them on demand. */
export class BridgeFixture {
  pty!: PtyVirtualModem;
  readonly journal = mkdtempSync(join(tmpdir(), 'smsbridge-bridge-test-'));
  readonly log: string[] = [];
  readonly registry = createVendorRegistry([modembridgeVendor]);
  bridge: BridgeServer | undefined;
  private readonly clients: GatewayClient[] = [];

  async start(): Promise<void> {
    this.pty = await startVirtualModemOnPty({ profile: 'quectel', pin: PIN, network: { deliveryDelayMs: 20 }, ussd: { replyDelayMs: 5 }, ussdMenu: { '*100#': 'Balance 1.00' } });
  }

  async startBridge(options: Partial<BridgeServerOptions> = {}): Promise<BridgeServer> {
    this.bridge = await BridgeServer.start({
      modems: [{ port: this.pty.path, baudRate: 115_200, pin: PIN }],
      token: TOKEN,
      journal: this.journal,
      port: 0,
      hubOptions: { driver: { reconnect: { initialDelayMs: 20, maxDelayMs: 200 } } },
      pushRetry: { initialDelayMs: 50, maxDelayMs: 200 },
      log: (line) => this.log.push(line),
      ...options,
    });
    return this.bridge;
  }

  async stopBridge(): Promise<void> {
    await Promise.allSettled(this.clients.splice(0).map((client) => client.close()));
    await this.bridge?.stop();
    this.bridge = undefined;
  }

  /** A client of the bridge through the registry, as a host opens it. */
  client(values: Record<string, unknown> = {}): GatewayClient {
    const client = this.registry.open('modembridge', { url: this.bridge!.url, password: TOKEN, pushSecret: PUSH_SECRET, ...values });
    this.clients.push(client);
    return client;
  }

  async stop(): Promise<void> {
    await this.stopBridge();
    await this.pty?.close();
    rmSync(this.journal, { recursive: true, force: true });
  }
}

/** Polls `condition` every 10 ms, at most `attempts` times. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, attempts = 1000): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting until ${what}`);
}
