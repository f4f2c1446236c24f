import type { GatewayConnection } from './gateway-connection';
import type { NodeRedNode, NodeRedRuntime, NodeStatus } from './node-red-api';

/**
 * The link between a node and the config node it uses: the node shows the connection's state
 * while it is idle and its own work (`busy`) while it has some; it stops listening when it closes.
 */
export class ConnectionUse {
  readonly connection?: GatewayConnection;
  private working = 0;
  private lastConnectionStatus: NodeStatus = {};
  /** What the node's last piece of work ended with; it stays until the connection has a problem to show. */
  private lastOwnStatus?: NodeStatus;

  constructor(
    RED: NodeRedRuntime,
    private readonly node: NodeRedNode,
    configId: unknown,
  ) {
    const config = typeof configId === 'string' && configId !== '' ? (RED.nodes.getNode(configId) as { connection?: GatewayConnection; configError?: string } | null) : null;
    if (!config) {
      node.status({ fill: 'red', shape: 'ring', text: 'no gateway configured' });
      return;
    }
    if (!config.connection) {
      node.status({ fill: 'red', shape: 'ring', text: 'gateway configuration invalid' });
      return;
    }
    this.connection = config.connection;
    const user = { id: node.id, connectionStatus: (status: NodeStatus) => this.showConnection(status) };
    this.connection.register(user);
    node.on('close', (_removed, done) => {
      this.connection?.deregister(user);
      done();
    });
  }

  /** The connection, or an error a flow can catch when the node has none. */
  require(): GatewayConnection {
    if (!this.connection) throw new Error('This node has no working gateway configuration: choose a gateway or modem configuration in the node and deploy again.');
    return this.connection;
  }

  /** Shows the node's own work until `done` is called (nested work keeps it). */
  busy(status: NodeStatus): { update(status: NodeStatus): void; done(final?: NodeStatus): void } {
    this.working += 1;
    this.node.status(status);
    let finished = false;
    return {
      update: (next) => {
        if (!finished) this.node.status(next);
      },
      done: (final) => {
        if (finished) return;
        finished = true;
        this.working -= 1;
        this.lastOwnStatus = final;
        this.node.status(final ?? this.lastConnectionStatus);
      },
    };
  }

  /**
   * Runs `task` with `status` under the node (the task may `update` it); a failure shows `failed`
   * in red and is thrown on, a success shows what `finished` makes of the result.
   */
  async track<T>(status: NodeStatus, failed: string, task: (update: (status: NodeStatus) => void) => Promise<T>, finished: (result: T) => NodeStatus): Promise<T> {
    const work = this.busy(status);
    let result: T;
    try {
      result = await task(work.update);
    } catch (error) {
      work.done({ fill: 'red', shape: 'ring', text: failed });
      throw error;
    }
    work.done(finished(result));
    return result;
  }

  private showConnection(status: NodeStatus): void {
    this.lastConnectionStatus = status;
    const problem = status.fill === 'red' || status.fill === 'yellow';
    if (this.working === 0 && (this.lastOwnStatus === undefined || problem)) this.node.status(status);
  }
}
