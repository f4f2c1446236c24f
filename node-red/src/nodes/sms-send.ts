import { RecipientAllowList, parseRecipients, previewSend, readSendRequest } from '@smsbridge/core';
import { ConnectionUse } from '../runtime/connection-user';
import { isOn, pick, readObject } from '../runtime/message-values';
import { handleInput } from '../runtime/handle-input';
import type { NodeConfig, NodeRedNode, NodeRedRuntime } from '../runtime/node-red-api';

interface SendConfig extends NodeConfig {
  gateway: string;
  to?: string;
  from?: string;
  encoding?: string;
  flash?: boolean;
  statusReport?: boolean;
  validityMinutes?: string | number;
  options?: string;
  bestEffort?: boolean;
  preview?: boolean;
  pricePerPart?: string | number;
  allowList?: string;
}

/**
 * `sms send`: `msg.payload` to `msg.to` (or the node's recipients) through the configured gateway
 * or modem; out comes `msg.payload` = one SendResult per recipient. Preview mode works out the
 * encoding and parts without sending; the allow-list refuses other numbers before anything goes.
 */
export = function register(RED: NodeRedRuntime): void {
  function SmsSendNode(this: NodeRedNode, config: SendConfig): void {
    RED.nodes.createNode(this, config);
    const use = new ConnectionUse(RED, this, config.gateway);
    let allowList: RecipientAllowList | undefined;
    try {
      allowList = new RecipientAllowList(config.allowList ?? '');
    } catch (error) {
      this.error(error instanceof Error ? error.message : String(error));
    }

    handleInput(this, async (msg, send) => {
      const connection = use.require();
      if (!allowList) throw new Error('The recipient allow-list of this node is not valid: fix it in the node and deploy again.');
      const settings = config as unknown as Record<string, unknown>;
      const to = parseRecipients(pick(msg, settings, 'to'));
      const text = msg['payload'];
      const values: Record<string, unknown> = {
        to,
        text: typeof text === 'string' ? text : text === undefined || text === null ? text : String(text),
        encoding: pick(msg, settings, 'encoding'),
        from: pick(msg, settings, 'from'),
        flash: isOn(pick(msg, settings, 'flash')),
        statusReport: isOn(pick(msg, settings, 'statusReport')),
        validityMinutes: pick(msg, settings, 'validityMinutes'),
        scheduleAt: pick(msg, settings, 'scheduleAt'),
        bestEffort: isOn(pick(msg, settings, 'bestEffort')),
      };
      for (const name of Object.keys(values)) if (values[name] === undefined) delete values[name];
      const vendorOptions = { ...readObject(config.options, 'The gateway options of this node'), ...readObject(msg['options'], 'msg.options') };
      const request = readSendRequest(values, vendorOptions);
      allowList.check(request.to);

      if (isOn(pick(msg, settings, 'preview'))) {
        const price = Number(pick(msg, settings, 'pricePerPart'));
        msg['payload'] = previewSend(connection.entry, request, Number.isFinite(price) && price > 0 ? price : undefined);
        msg['preview'] = true;
        send(msg);
        return;
      }

      const key = msg['idempotencyKey'];
      if (key !== undefined && key !== null && typeof key !== 'string' && typeof key !== 'number') {
        throw new Error('msg.idempotencyKey names the message: give it as a text (an alert id, an order number).');
      }
      const name = key === undefined || key === null || String(key).trim() === '' ? undefined : `${this.id}:${String(key).trim()}`;
      const client = connection.open();
      const total = request.to.length;
      const results = await use.track(
        { fill: 'blue', shape: 'dot', text: connection.sendQueue.waiting > 0 ? `queued (${connection.sendQueue.waiting + 1} waiting)` : `sending ${total}` },
        'send failed',
        (update) =>
          connection.sendQueue.send(
            request,
            (merged, options) => client.send(merged, options),
            (recipients) => update({ fill: 'blue', shape: 'dot', text: `sending ${recipients} message${recipients === 1 ? '' : 's'}` }),
            name,
          ),
        (sent) => {
          const accepted = sent.filter((result) => result.accepted).length;
          return { fill: accepted === total ? 'green' : 'yellow', shape: 'dot', text: `sent ${accepted} of ${total}` };
        },
      );
      msg['payload'] = results;
      send(msg);
    });
  }

  RED.nodes.registerType('sms-send', SmsSendNode);
};
