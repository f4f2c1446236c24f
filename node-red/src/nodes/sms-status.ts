import { waitForFinalStatus } from '@smsbridge/core';
import { ConnectionUse } from '../runtime/connection-user';
import { isOn, pick } from '../runtime/message-values';
import { handleInput } from '../runtime/handle-input';
import type { NodeConfig, NodeRedNode, NodeRedRuntime } from '../runtime/node-red-api';

interface StatusConfig extends NodeConfig {
  gateway: string;
  wait?: boolean;
  /** Seconds to wait for a final status at most. */
  timeout?: number | string;
}

/** The message id in `msg.payload`: the id itself, or a SendResult (or the first of a list of them). */
function messageIdOf(payload: unknown): string {
  const candidate = Array.isArray(payload) ? payload[0] : payload;
  if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  if (typeof candidate === 'number') return String(candidate);
  const id = (candidate as { messageId?: unknown } | null)?.messageId;
  if (typeof id === 'string' && id !== '') return id;
  throw new Error('msg.payload must be a message id or a SendResult with a messageId (the output of sms send).');
}

/**
 * `sms status`: the DeliveryStatus of a message id, once, or (wait until final) queried with
 * growing pauses until delivered, failed or expired, or the timeout; `msg.final` says which.
 */
export = function register(RED: NodeRedRuntime): void {
  function SmsStatusNode(this: NodeRedNode, config: StatusConfig): void {
    RED.nodes.createNode(this, config);
    const use = new ConnectionUse(RED, this, config.gateway);
    const stop = new AbortController();
    this.on('close', (_removed, done) => {
      stop.abort();
      done();
    });

    handleInput(this, async (msg, send) => {
      const connection = use.require();
      const client = connection.open();
      if (!client.status) {
        throw new Error(`${connection.displayName} cannot be asked for a message's status: its delivery reports arrive by push — use an sms in node's second output.`);
      }
      const messageId = messageIdOf(msg['payload']);
      const settings = config as unknown as Record<string, unknown>;
      if (!isOn(pick(msg, settings, 'wait'))) {
        msg['payload'] = await client.status(messageId);
        send(msg);
        return;
      }
      const timeoutSeconds = Number(pick(msg, settings, 'timeout')) || 300;
      const result = await use.track(
        { fill: 'blue', shape: 'ring', text: `waiting for ${messageId}` },
        'status failed',
        () => waitForFinalStatus(client, messageId, { timeoutMs: timeoutSeconds * 1000, signal: stop.signal }),
        (wait) => ({ fill: wait.final ? 'green' : 'yellow', shape: 'dot', text: `${wait.status.state}${wait.final ? '' : ' (not final)'}` }),
      );
      msg['payload'] = result.status;
      msg['final'] = result.final;
      send(msg);
    });
  }

  RED.nodes.registerType('sms-status', SmsStatusNode);
};
