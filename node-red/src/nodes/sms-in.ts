import type { DeliveryStatus, GatewayClient, InboundMessage, UssdExchange } from '@smsbridge/core';
import { ConnectionUse } from '../runtime/connection-user';
import { CursorStore } from '../runtime/cursor-store';
import { shorten } from '../runtime/gateway-connection';
import type { NodeConfig, NodeRedNode, NodeRedRuntime } from '../runtime/node-red-api';
import { PushEndpoint } from '../runtime/push-endpoint';
import { chooseReceiveMode, type ReceiveMode } from '../runtime/receive-mode';

interface InConfig extends NodeConfig {
  gateway: string;
  /** `auto`, `poll`, `push` or `subscribe` (the modem's indications). */
  receive?: string;
  /** Seconds between two polls. */
  interval?: number | string;
  /** Push endpoint path on Node-RED's HTTP server. */
  path?: string;
  /** Context store that keeps the cursor (blank: the default store). */
  store?: string;
  /** How the gateway reaches this Node-RED (`http://192.168.1.10:1880`); where the gateway's push can be set up by its API, it is on deploy. */
  pushBaseUrl?: string;
}

/**
 * `sms in`: inbound SMS on the first output (`msg.payload` text, `msg.from`, `msg.sms`), delivery
 * reports on the second (`msg.payload` = DeliveryStatus). Messages arrive by polling the gateway's
 * inbox (cursor kept outside the node so a redeploy never re-emits), by push to an endpoint on
 * Node-RED's own server protected by a secret, or by the modem's indications. A message is
 * acknowledged on the gateway only after it was sent on.
 */
export = function register(RED: NodeRedRuntime): void {
  function SmsInNode(this: NodeRedNode, config: InConfig): void {
    RED.nodes.createNode(this, config);
    const node = this;
    const use = new ConnectionUse(RED, this, config.gateway);
    const connection = use.connection;
    if (!connection) return;
    let mode: ReceiveMode;
    try {
      mode = chooseReceiveMode(connection.entry, config.receive ?? 'auto');
    } catch (error) {
      this.error(error instanceof Error ? error.message : String(error));
      this.status({ fill: 'red', shape: 'ring', text: 'cannot receive this way' });
      return;
    }
    let received = 0;
    const emitInbound = (message: InboundMessage): void => {
      received += 1;
      node.send([{ payload: message.text, from: message.from, topic: message.from, sms: message }, null]);
    };
    const emitStatus = (status: DeliveryStatus): void => {
      node.send([null, { payload: status, topic: status.messageId }]);
    };
    const emitUssd = (exchange: UssdExchange): void => {
      node.send([{ payload: exchange.reply ?? '', topic: 'ussd', ussd: exchange }, null]);
    };
    const stoppers: (() => Promise<void> | void)[] = [];

    if (mode === 'subscribe') {
      let client: GatewayClient;
      try {
        client = connection.open();
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
        return;
      }
      stoppers.push(
        client.subscribe!({
          inbound: (message) => emitInbound(message),
          status: (status) => emitStatus(status),
          error: (error) => node.warn(error instanceof Error ? error.message : String(error)),
        }),
      );
    }

    if (mode === 'push') {
      const secret = this.credentials?.['secret'] ?? '';
      if (secret === '') {
        this.error('Push needs a secret: set one in the node, then enter the URL it shows on the gateway.');
        this.status({ fill: 'red', shape: 'ring', text: 'no push secret' });
        return;
      }
      const push = connection.entry.push!;
      const settings = connection.settings;
      const endpoint = new PushEndpoint(RED.httpNode, config.path || `/smsbridge/in/${this.id}`, secret, (call) => {
        const receipt = push.receive(call, settings);
        if (receipt.error) node.warn(`A push call could not be read: ${receipt.error.message}`);
        for (const message of receipt.inbound) emitInbound(message);
        for (const status of receipt.statuses) emitStatus(status);
        for (const exchange of receipt.ussd) emitUssd(exchange);
        return receipt.answer;
      });
      stoppers.push(() => endpoint.remove());
      const base = (config.pushBaseUrl ?? '').trim().replace(/\/+$/, '');
      if (base !== '' && push.setup.how === 'api' && push.setup.configure) {
        const url = `${base}${endpoint.path.startsWith('/') ? '' : '/'}${endpoint.path}/${encodeURIComponent(secret)}`;
        push.setup.configure(connection.open(), url).then(
          () => node.status({ fill: 'green', shape: 'dot', text: 'push configured on the gateway' }),
          (error: unknown) => {
            node.error(`Setting up the gateway's push failed: ${error instanceof Error ? error.message : String(error)}`);
            node.status({ fill: 'red', shape: 'ring', text: 'push setup failed' });
          },
        );
      }
    }

    if (mode === 'poll') {
      const store = new CursorStore(this.context().global, this.id, config.store || undefined);
      const everyMs = Math.max(1, Number(config.interval) || 60) * 1000;
      let timer: NodeJS.Timeout | undefined;
      let stopped = false;
      let lastError = '';
      const poll = async (): Promise<void> => {
        const client = connection.open();
        const page = await client.inbox!(await store.load());
        for (const message of page.messages) emitInbound(message);
        await store.save(page.cursor);
        // Also what an earlier acknowledge left behind (a redeploy in between): sent on before, so only removed now.
        const done = [...page.messages, ...(page.handedOutBefore ?? [])];
        if (done.length > 0 && client.acknowledge) await client.acknowledge(done);
      };
      const loop = (): void => {
        if (stopped) return;
        const work = use.busy({ fill: 'blue', shape: 'ring', text: 'polling' });
        poll().then(
          () => {
            lastError = '';
            work.done({ fill: 'green', shape: 'dot', text: `polling every ${everyMs / 1000} s · ${received} received` });
          },
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            if (message !== lastError) node.error(`Polling the inbox failed: ${message}`);
            lastError = message;
            work.done({ fill: 'red', shape: 'ring', text: shorten(message) });
          },
        ).finally(() => {
          if (!stopped) timer = setTimeout(loop, everyMs);
        });
      };
      timer = setTimeout(loop, 0);
      stoppers.push(() => {
        stopped = true;
        clearTimeout(timer);
      });
    }

    this.on('close', (_removed, done) => {
      Promise.allSettled(stoppers.map((stop) => stop())).finally(done);
    });
  }

  RED.nodes.registerType('sms-in', SmsInNode, { credentials: { secret: { type: 'password' } } });
};
