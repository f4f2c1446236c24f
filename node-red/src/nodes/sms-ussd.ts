import type { UssdExchange } from '@smsbridge/core';
import { ConnectionUse } from '../runtime/connection-user';
import { pick } from '../runtime/message-values';
import { handleInput } from '../runtime/handle-input';
import type { NodeConfig, NodeRedNode, NodeRedRuntime } from '../runtime/node-red-api';

interface UssdConfig extends NodeConfig {
  gateway: string;
  /** `send` (a code), `continue` (answer a menu) or `cancel` (end a menu). */
  action?: string;
  /** Gateway port, span or SIM (blank: the gateway's default). */
  port?: string;
}

/**
 * `sms ussd`: sends the code in `msg.payload` and outputs the UssdExchange; with action
 * `continue` (node or `msg.action`) `msg.payload` is the answer to a waiting menu; `cancel` ends it.
 */
export = function register(RED: NodeRedRuntime): void {
  function SmsUssdNode(this: NodeRedNode, config: UssdConfig): void {
    RED.nodes.createNode(this, config);
    const use = new ConnectionUse(RED, this, config.gateway);

    handleInput(this, async (msg, send) => {
      const connection = use.require();
      const client = connection.open();
      const settings = config as unknown as Record<string, unknown>;
      const action = String(pick(msg, settings, 'action') ?? 'send');
      const portValue = pick(msg, settings, 'port');
      const port = portValue === undefined ? {} : { port: portValue as string | number };
      const name = connection.displayName;
      const text = msg['payload'] === undefined || msg['payload'] === null ? '' : String(msg['payload']).trim();
      msg['payload'] = await use.track(
        { fill: 'blue', shape: 'ring', text: `USSD ${action}` },
        'USSD failed',
        async (): Promise<UssdExchange> => {
          if (action === 'send') {
            if (!client.ussd) throw new Error(`${name} has no USSD.`);
            if (text === '') throw new Error('msg.payload must hold the USSD code to send, e.g. *100#.');
            return client.ussd({ code: text, ...port });
          }
          if (action === 'continue') {
            if (!client.ussdContinue) throw new Error(`${name} cannot answer a USSD menu.`);
            return client.ussdContinue({ answer: text, ...port });
          }
          if (action === 'cancel') {
            if (!client.ussdCancel) throw new Error(`${name} cannot cancel a USSD menu.`);
            await client.ussdCancel(port);
            return { state: 'ended', awaitingInput: false, gateway: connection.gateway, code: '' };
          }
          throw new Error(`"${action}" is not a USSD action: use send, continue or cancel.`);
        },
        (exchange) => ({ fill: 'green', shape: 'dot', text: exchange.awaitingInput ? 'menu waits for an answer' : exchange.state }),
      );
      send(msg);
    });
  }

  RED.nodes.registerType('sms-ussd', SmsUssdNode);
};
