import { gatewayValues } from '../runtime/config-values';
import { registerEditorEndpoints } from '../runtime/editor-endpoints';
import { GatewayConnection } from '../runtime/gateway-connection';
import type { NodeConfig, NodeRedNode, NodeRedRuntime } from '../runtime/node-red-api';

interface GatewayConfig extends NodeConfig {
  gateway: string;
  url?: string;
  settings?: unknown;
  sendsPerMinute?: number | string;
}

/** Config node `smsbridge-gateway`: one HTTP gateway (any vendor of the registry but the modem). */
export = function register(RED: NodeRedRuntime): void {
  registerEditorEndpoints(RED);

  function SmsbridgeGatewayNode(this: NodeRedNode & { connection?: GatewayConnection; configError?: string }, config: GatewayConfig): void {
    RED.nodes.createNode(this, config);
    this.name = config.name;
    try {
      this.connection = new GatewayConnection(config.gateway, gatewayValues(config, this.credentials), {
        sendsPerMinute: Number(config.sendsPerMinute) || 0,
      });
      this.connection.open();
    } catch (error) {
      this.configError = error instanceof Error ? error.message : String(error);
      this.error(this.configError);
    }
    this.on('close', (_removed, done) => {
      const connection = this.connection;
      this.connection = undefined;
      (connection?.close() ?? Promise.resolve()).catch((error: unknown) => this.warn(error instanceof Error ? error.message : String(error))).finally(done);
    });
  }

  RED.nodes.registerType('smsbridge-gateway', SmsbridgeGatewayNode, {
    credentials: { username: { type: 'text' }, password: { type: 'password' }, secretSettings: { type: 'password' } },
  });
};
