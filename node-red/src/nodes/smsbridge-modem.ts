import { ModemHub } from '@smsbridge/core';
import { modemValues } from '../runtime/config-values';
import { registerEditorEndpoints } from '../runtime/editor-endpoints';
import { GatewayConnection, shorten } from '../runtime/gateway-connection';
import type { NodeConfig, NodeRedNode, NodeRedRuntime } from '../runtime/node-red-api';
import { signalBars } from '../runtime/signal-bars';

interface ModemConfig extends NodeConfig {
  port: string;
  baudRate?: number | string;
  sendsPerMinute?: number | string;
  /** Seconds between two looks at registration and signal for the status (default 60). */
  healthInterval?: number | string;
}

/**
 * Config node `smsbridge-modem`: owns the serial connection of one GSM modem for every node that
 * uses it, through its own ModemHub (one driver per port, reconnected after an unplug), and
 * closes the port on redeploy so it is never left locked.
 */
export = function register(RED: NodeRedRuntime): void {
  registerEditorEndpoints(RED);

  function SmsbridgeModemNode(this: NodeRedNode & { connection?: GatewayConnection; configError?: string }, config: ModemConfig): void {
    RED.nodes.createNode(this, config);
    this.name = config.name;
    const hub = new ModemHub();
    let timer: NodeJS.Timeout | undefined;
    try {
      const connection = new GatewayConnection('modem', modemValues(config, this.credentials), {
        sendsPerMinute: Number(config.sendsPerMinute) || 0,
        context: { modemHub: hub },
        onClosed: () => hub.close(),
      });
      this.connection = connection;
      connection.open();
      const everyMs = Math.max(10, Number(config.healthInterval) || 60) * 1000;
      const look = (): void => {
        void showHealth(connection).finally(() => {
          if (this.connection === connection) timer = setTimeout(look, everyMs);
        });
      };
      timer = setTimeout(look, everyMs);
    } catch (error) {
      this.configError = error instanceof Error ? error.message : String(error);
      this.error(this.configError);
      void hub.close();
    }
    this.on('close', (_removed, done) => {
      clearTimeout(timer);
      const connection = this.connection;
      this.connection = undefined;
      (connection?.close() ?? hub.close()).catch((error: unknown) => this.warn(error instanceof Error ? error.message : String(error))).finally(done);
    });
  }

  RED.nodes.registerType('smsbridge-modem', SmsbridgeModemNode, { credentials: { pin: { type: 'password' } } });
};

/** Registration and signal for the status under every node using the modem. */
async function showHealth(connection: GatewayConnection): Promise<void> {
  try {
    const result = await connection.open().admin!('network');
    const registration = (result.data['registration'] as { state?: string } | undefined)?.state ?? 'unknown';
    const dbm = (result.data['signal'] as { dbm?: number } | undefined)?.dbm;
    const registered = registration === 'home' || registration === 'roaming';
    connection.setStatus({
      fill: registered ? 'green' : 'yellow',
      shape: registered ? 'dot' : 'ring',
      text: `${registered ? 'registered' : registration}${dbm === undefined ? '' : ` ${signalBars(dbm)}`}`,
    });
  } catch (error) {
    connection.setStatus({ fill: 'red', shape: 'ring', text: shorten(error instanceof Error ? error.message : String(error)) });
  }
}
