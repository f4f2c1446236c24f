import { systemClock, type Clock } from '../../clock/clock';
import { SmsBridgeError } from '../../errors';
import type { DeliveryState, DeliveryStatus, InboundMessage, SendResult } from '../../model';
import type { GatewaySimulator } from '../../simulator/gateway-simulator';
import { SIMULATED_GATEWAYS } from '../../testing/simulator-catalog';
import { startSimulators } from '../../testing/start-simulators';
import type { GatewayClient, GatewayKey } from '../../vendors/gateway-client';
import { createVendorRegistry, type VendorRegistry } from '../../vendors/registry';
import type { VendorEntry } from '../../vendors/vendor-entry';
import { pollUntil, withinDeadline } from './bounded-wait';
import { DemoOutcomeError } from './demo-outcome-error';
import { demoGatewayTexts, demoInbound, demoRecipients, demoSender } from './demo-samples';
import { LoopbackPushReceiver } from './loopback-push-receiver';
import { PushedStatusBoard } from './pushed-status-board';

export interface GatewayWalkthroughOptions {
  registry?: VendorRegistry;
  clock?: Clock;
  /** Longest wait for any one delivery, inbox or answer (default 10 s). */
  timeoutMs?: number;
}

/** One simulator as the walk-through introduces it; its credentials stay out of the report. */
export interface GatewayIntroduction {
  gateway: GatewayKey;
  displayName: string;
  baseUrl: string;
  operations: readonly string[];
}

/** How one sent message reached its final state. */
export interface DeliveryFollowUp {
  gateway: string;
  to: string;
  messageId: string;
  /** `status` = polled with `status()`; `push` = the gateway pushed a DLR to the receiver. */
  via: 'status' | 'push';
  /** The vendor-neutral states seen on the way, without repeats. */
  states: DeliveryState[];
  final: DeliveryStatus;
}

/** A wrong password's error, as a user would see it. */
export interface WrongPasswordOutcome {
  gateway: GatewayKey;
  name: string;
  code: string;
  message: string;
  retryable: boolean;
  /** Whether the wrong password shows up anywhere in the error (it must not). */
  passwordShown: boolean;
}

export interface GatewayWalkthrough {
  gateways: GatewayIntroduction[];
  texts: typeof demoGatewayTexts;
  sent: SendResult[];
  deliveries: DeliveryFollowUp[];
  inbound: { gateway: GatewayKey; injected: typeof demoInbound; read: InboundMessage[] };
  wrongPassword: WrongPasswordOutcome;
}

const FINAL_STATES: ReadonlySet<DeliveryState> = new Set(['delivered', 'failed', 'expired']);
const WRONG_PASSWORD = 'not-the-password-4711';

const pushPath = (key: GatewayKey): string => `/push/${key}`;
/** Gateways whose statuses must be received: they cannot be asked for them. */
const receivesStatuses = (entry: VendorEntry): boolean =>
  entry.push?.carries.includes('status') === true && !entry.capabilities.operations.includes('status');

/**
 * Every simulated gateway: one GSM-7 and one Unicode SMS through each client from the registry,
 * followed to delivery (status polls, or the reports the gateway pushes to a loopback receiver,
 * set up the way its entry says), one received SMS read with `inbox()`, and the error a wrong
 * password gives. Everything it starts is stopped again, whatever happens.
 */
export async function runGatewayWalkthrough(options: GatewayWalkthroughOptions = {}): Promise<GatewayWalkthrough> {
  const registry = options.registry ?? createVendorRegistry();
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pushed = new PushedStatusBoard();
  const entries = registry.list().filter((entry) => SIMULATED_GATEWAYS.includes(entry.key));
  const pushing = entries.filter(receivesStatuses);
  const receiver = new LoopbackPushReceiver(
    Object.fromEntries(pushing.map((entry) => [pushPath(entry.key), (call) => pushed.take(entry.push!.receive(call))])),
  );
  const clients: GatewayClient[] = [];
  await receiver.start();
  try {
    const simulators = await startSimulators(
      entries.map((entry) => entry.key),
      {
        // Short enough for a quick demo, long enough that the first status poll still sees the message on its way.
        common: { host: '127.0.0.1', network: { sendDelayMs: 40, deliveryDelayMs: 150 } },
        // Push set up on the gateway itself: the simulator is "configured" with the URL.
        perGateway: Object.fromEntries(pushing.filter((entry) => entry.push!.setup.how === 'gateway-ui').map((entry) => [entry.key, { pushUrl: receiver.url(pushPath(entry.key)) }])),
      },
    );
    try {
      const connect = (simulator: GatewaySimulator, password?: string): GatewayClient => {
        const { credentials } = simulator.describe();
        const client = registry.open(simulator.gateway, { url: simulator.baseUrl, ...credentials, ...(password === undefined ? {} : { password }) }, { clock });
        clients.push(client);
        return client;
      };
      /** Extra send options that carry the push URL, for gateways whose push is set up per send. */
      const pushOptions = (key: GatewayKey): Record<string, unknown> | undefined => {
        const setup = registry.get(key).push?.setup;
        return setup?.how === 'per-send' && pushing.some((entry) => entry.key === key)
          ? { ...setup.companionSendOptions, [setup.sendOption!]: receiver.url(pushPath(key)) }
          : undefined;
      };
      const running = [...simulators.simulators.values()];
      const connected = running.map((simulator) => ({ simulator, client: connect(simulator) }));
      for (const { simulator, client } of connected) {
        const setup = registry.get(simulator.gateway).push?.setup;
        if (setup?.how === 'api' && pushing.some((entry) => entry.key === simulator.gateway)) await setup.configure!(client, receiver.url(pushPath(simulator.gateway)));
      }

      const sent = await Promise.all(
        connected.map(async ({ simulator, client }) => {
          // Each send asks only for what the gateway honours (a sender id, a delivery report).
          const vendorOptions = pushOptions(simulator.gateway);
          const common = { from: demoSender, statusReport: true, bestEffort: true, ...(vendorOptions ? { vendorOptions } : {}) };
          return [
            ...(await client.send({ to: [demoRecipients.gsm7], text: demoGatewayTexts.gsm7, ...common })),
            ...(await client.send({ to: [demoRecipients.unicode], text: demoGatewayTexts.unicode, ...common })),
          ];
        }),
      );

      const follow = { clock, timeoutMs, pushed };
      const deliveries = await Promise.all(
        connected.flatMap(({ client }, index) =>
          sent[index]!.filter((result) => result.accepted && result.messageId !== undefined).map((result) => followDelivery(client, result, follow)),
        ),
      );

      // The first gateway with an inbox to poll receives the demo's SMS.
      const inbox = connected.find(({ simulator }) => registry.get(simulator.gateway).capabilities.operations.includes('inbox'))!;
      inbox.simulator.network.injectInbound({ ...demoInbound });
      const read = await readInbox(inbox.client, { clock, timeoutMs });

      const wrongPassword = await tryWrongPassword(connect(running[0]!, WRONG_PASSWORD), { clock, timeoutMs });

      return {
        gateways: running.map((simulator) => {
          const entry = registry.get(simulator.gateway);
          return { gateway: simulator.gateway, displayName: entry.describe.displayName, baseUrl: simulator.baseUrl, operations: entry.capabilities.operations };
        }),
        texts: demoGatewayTexts,
        sent: sent.flat(),
        deliveries,
        inbound: { gateway: inbox.simulator.gateway, injected: demoInbound, read },
        wrongPassword,
      };
    } finally {
      await Promise.allSettled(clients.map((client) => client.close()));
      await simulators.stop();
    }
  } finally {
    await receiver.stop();
  }
}

interface Waiting {
  clock: Clock;
  timeoutMs: number;
}

/** Polls `status()` where the vendor has it; otherwise waits for the DLR the gateway pushes. */
async function followDelivery(client: GatewayClient, result: SendResult, options: Waiting & { pushed: PushedStatusBoard }): Promise<DeliveryFollowUp> {
  const messageId = result.messageId!;
  const what = `the delivery of ${client.gateway} message ${messageId}`;
  const history = client.status
    ? await pollUntil(() => client.status!(messageId), (status) => FINAL_STATES.has(status.state), { what, intervalMs: 50, ...options })
    : await withinDeadline(options.pushed.until(messageId, (status) => FINAL_STATES.has(status.state)), what, options.timeoutMs, options.clock);
  const states = [result.state, ...history.map((status) => status.state)].filter((state, index, all) => index === 0 || all[index - 1] !== state);
  return { gateway: client.gateway, to: result.to, messageId, via: client.status ? 'status' : 'push', states, final: history.at(-1)! };
}

/** The injected message may take a moment to be listed, so an empty first page is asked again. */
async function readInbox(client: GatewayClient, options: Waiting): Promise<InboundMessage[]> {
  let cursor: string | undefined;
  const pages = await pollUntil(
    async () => {
      const page = await client.inbox!(cursor);
      cursor = page.cursor;
      return page.messages;
    },
    (messages) => messages.length > 0,
    { what: `the received SMS in the ${client.gateway} inbox`, intervalMs: 50, ...options },
  );
  return pages.flat();
}

async function tryWrongPassword(client: GatewayClient, options: Waiting): Promise<WrongPasswordOutcome> {
  try {
    await withinDeadline(client.send({ to: [demoRecipients.gsm7], text: demoGatewayTexts.gsm7, from: demoSender }), 'the answer to a wrong password', options.timeoutMs, options.clock);
  } catch (error) {
    if (!(error instanceof SmsBridgeError)) throw error;
    const everything = `${error.message} ${JSON.stringify(error.toJSON())}`;
    return {
      gateway: client.gateway,
      name: error.name,
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      passwordShown: everything.includes(WRONG_PASSWORD),
    };
  }
  throw new DemoOutcomeError(`the ${client.gateway} simulator accepted a wrong password`, { gateway: client.gateway });
}
