import { readFields, type ConnectContext, type GatewayClient, type VendorEntry, type VerifyResult } from '@smsbridge/core';
import type { NodeStatus } from './node-red-api';
import { SendQueue } from './send-queue';
import { registry } from './vendor-registry';

/** A node using a connection: it shows the connection's state while it has none of its own to show. */
export interface ConnectionUser {
  id: string;
  connectionStatus(status: NodeStatus): void;
}

export interface GatewayConnectionOptions {
  /** Messages a minute through this connection; 0 = no limit. */
  sendsPerMinute?: number;
  /** Things that live longer than a client (the modem config node's hub). */
  context?: ConnectContext;
  /** Called after the last client closed (the modem config node closes its hub). */
  onClosed?: () => Promise<void>;
}

/**
 * What a config node shares with the nodes that use it: one client for its gateway, opened on
 * first use and closed with the config node; its users, to whom its state is shown; and the send
 * queue that keeps its rate limit. Built from the registry alone: the config node names the
 * gateway and hands over the values of its fields.
 */
export class GatewayConnection {
  readonly entry: VendorEntry;
  readonly sendQueue: SendQueue;
  private client?: GatewayClient;
  private readonly users = new Map<string, ConnectionUser>();
  private state: NodeStatus = { fill: 'grey', shape: 'ring', text: 'not connected' };
  private closed = false;

  constructor(
    readonly gateway: string,
    private readonly values: Readonly<Record<string, unknown>>,
    private readonly options: GatewayConnectionOptions = {},
  ) {
    this.entry = registry.get(gateway);
    this.sendQueue = new SendQueue(options.sendsPerMinute ?? 0);
  }

  get displayName(): string {
    return this.entry.describe.displayName;
  }

  /** The connection values as the vendor's descriptors read them (what a push receiver needs: time zone, names …). */
  get settings(): Record<string, unknown> {
    return readFields({ gateway: this.gateway, label: `The ${this.displayName} setting` }, this.entry.connection, this.values);
  }

  get status(): NodeStatus {
    return this.state;
  }

  /** The shared client (opened once; settings the vendor refuses are thrown as its typed error). */
  open(): GatewayClient {
    if (this.closed) throw new Error(`The ${this.displayName} configuration was closed by a redeploy or stop.`);
    this.client ??= registry.open(this.gateway, this.values, this.options.context);
    return this.client;
  }

  register(user: ConnectionUser): void {
    const first = this.users.size === 0;
    this.users.set(user.id, user);
    user.connectionStatus(this.state);
    if (first) void this.check();
  }

  deregister(user: ConnectionUser): void {
    this.users.delete(user.id);
  }

  /** Proves the settings with the vendor's harmless call, and shows what it found to every user. */
  async check(): Promise<VerifyResult> {
    let result: VerifyResult;
    try {
      result = await this.open().verify();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.setStatus({ fill: 'red', shape: 'ring', text: shorten(message) });
      return { status: 'failed', message, error: error as never };
    }
    if (result.status === 'verified') this.setStatus({ fill: 'green', shape: 'dot', text: 'connected' });
    else if (result.status === 'unverifiable') this.setStatus({ fill: 'green', shape: 'ring', text: 'ready (cannot be verified)' });
    else this.setStatus({ fill: 'red', shape: 'ring', text: result.summary ?? statusOfFailure(result.error?.code, result.message) });
    return result;
  }

  setStatus(status: NodeStatus): void {
    this.state = status;
    for (const user of this.users.values()) user.connectionStatus(status);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.sendQueue.stop();
    const client = this.client;
    this.client = undefined;
    try {
      await client?.close();
    } finally {
      await this.options.onClosed?.();
    }
  }
}

function statusOfFailure(code: string | undefined, message: string): string {
  if (code === 'SMSB_GATEWAY_AUTH') return 'auth failed';
  if (code === 'SMSB_GATEWAY_UNREACHABLE') return 'unreachable';
  if (code === 'SMSB_GATEWAY_TIMEOUT') return 'timed out';
  return shorten(message);
}

/** Status texts stay short under a node. */
export function shorten(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
