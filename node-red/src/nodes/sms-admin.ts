import { ConnectionUse } from '../runtime/connection-user';
import { pick, readObject } from '../runtime/message-values';
import { handleInput } from '../runtime/handle-input';
import type { NodeConfig, NodeRedNode, NodeRedRuntime } from '../runtime/node-red-api';

interface AdminConfig extends NodeConfig {
  gateway: string;
  command?: string;
  /** The command's arguments as the dialog saved them (an object, or JSON text). */
  args?: unknown;
}

/** `sms admin`: runs the node's command (or `msg.command`, with `msg.args` over the node's arguments); out comes the AdminCommandResult. */
export = function register(RED: NodeRedRuntime): void {
  function SmsAdminNode(this: NodeRedNode, config: AdminConfig): void {
    RED.nodes.createNode(this, config);
    const use = new ConnectionUse(RED, this, config.gateway);

    handleInput(this, async (msg, send) => {
      const connection = use.require();
      const client = connection.open();
      if (!client.admin) throw new Error(`${connection.displayName} has no admin commands.`);
      const command = pick(msg, config as unknown as Record<string, unknown>, 'command');
      if (typeof command !== 'string' || command === '') {
        throw new Error(`Choose a command in the node or set msg.command: ${connection.entry.adminCommands.map((descriptor) => descriptor.name).join(', ')}.`);
      }
      const fromMsg = msg['command'] !== undefined && msg['command'] !== config.command;
      const args = { ...(fromMsg ? {} : readObject(config.args, 'The command arguments of this node')), ...readObject(msg['args'], 'msg.args') };
      for (const name of Object.keys(args)) if (args[name] === '' || args[name] === null) delete args[name];
      msg['payload'] = await use.track(
        { fill: 'blue', shape: 'ring', text: command },
        `${command} failed`,
        () => client.admin!(command, args),
        () => ({ fill: 'green', shape: 'dot', text: `${command} done` }),
      );
      send(msg);
    });
  }

  RED.nodes.registerType('sms-admin', SmsAdminNode);
};
