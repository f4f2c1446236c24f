import { systemClock, type Clock } from '../../clock/clock';
import { SmsBridgeError } from '../../errors';
import type { DeliveryState, DeliveryStatus, InboundMessage, SendResult } from '../../model';
import type { GatewaySimulator } from '../../simulator/gateway-simulator';
import type { GatewayClient, GatewayKey } from '../../vendors/gateway-client';
import { receiveJasminDlr } from '../../vendors/jasmin/jasmin-push-receiver';
import { createVendorRegistry, type VendorRegistry } from '../../vendors/registry';
import { receiveRoutesmsDlr } from '../../vendors/routesms/routesms-dlr-receiver';
import type { RoutesmsSimulatorOptions } from '../../vendors/routesms/routesms-simulator';
import { startSimulators } from '../../vendors/start-simulators';
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
const ROUTESMS_DLR_PATH = '/routesms/dlr';
const JASMIN_DLR_PATH = '/jasmin/dlr';
const INBOX_GATEWAY: GatewayKey = 'diafaan';
const WRONG_PASSWORD_GATEWAY: GatewayKey = 'diafaan';
const WRONG_PASSWORD = 'not-the-password-4711';

/**
 * Every built-in gateway on its simulator: one GSM-7 and one Unicode SMS through each client from
 * the registry, followed to delivery (status polls, or the DLRs Route Mobile and Jasmin push to a
 * loopback receiver), one received SMS read with `inbox()`, and the error a wrong password gives.
 * Everything it starts is stopped again, whatever happens.
 */
export async function runGatewayWalkthrough(options: GatewayWalkthroughOptions = {}): Promise<GatewayWalkthrough> {
  const registry = options.registry ?? createVendorRegistry();
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pushed = new PushedStatusBoard();
  const receiver = new LoopbackPushReceiver({
    [ROUTESMS_DLR_PATH]: (call) => pushed.take(receiveRoutesmsDlr(call)),
    [JASMIN_DLR_PATH]: (call) => pushed.take(receiveJasminDlr(call)),
  });
  const clients: GatewayClient[] = [];
  await receiver.start();
  try {
    const routesms: RoutesmsSimulatorOptions = { dlrUrl: receiver.url(ROUTESMS_DLR_PATH), intermediateReports: true };
    const simulators = await startSimulators(registry.keys(), {
      registry,
      // Short enough for a quick demo, long enough that the first status poll still sees the message on its way.
      common: { host: '127.0.0.1', network: { sendDelayMs: 40, deliveryDelayMs: 150 } },
      perGateway: { routesms },
    });
    try {
      const connect = (simulator: GatewaySimulator, password?: string): GatewayClient => {
        const { credentials } = simulator.describe();
        const client = registry.get(simulator.gateway).createClient({
          baseUrl: simulator.baseUrl,
          username: credentials.username,
          password: password ?? credentials.password,
          clock,
          vendorOptions: simulator.gateway === 'jasmin' ? { dlrUrl: receiver.url(JASMIN_DLR_PATH), dlrLevel: 3 } : {},
        });
        clients.push(client);
        return client;
      };
      const running = [...simulators.simulators.values()];
      const connected = running.map((simulator) => ({ simulator, client: connect(simulator) }));

      const sent = await Promise.all(
        connected.map(async ({ client }) => [
          ...(await client.send({ to: [demoRecipients.gsm7], text: demoGatewayTexts.gsm7, from: demoSender, statusReport: true })),
          ...(await client.send({ to: [demoRecipients.unicode], text: demoGatewayTexts.unicode, from: demoSender, statusReport: true })),
        ]),
      );

      const follow = { clock, timeoutMs, pushed };
      const deliveries = await Promise.all(
        connected.flatMap(({ client }, index) =>
          sent[index]!.filter((result) => result.accepted && result.messageId !== undefined).map((result) => followDelivery(client, result, follow)),
        ),
      );

      const inboxSimulator = simulators.get(INBOX_GATEWAY)!;
      const inboxClient = connected.find(({ simulator }) => simulator === inboxSimulator)!.client;
      inboxSimulator.network.injectInbound({ ...demoInbound });
      const read = await readInbox(inboxClient, { clock, timeoutMs });

      const wrongPassword = await tryWrongPassword(connect(simulators.get(WRONG_PASSWORD_GATEWAY)!, WRONG_PASSWORD), { clock, timeoutMs });

      return {
        gateways: running.map((simulator) => {
          const { displayName, operations } = registry.get(simulator.gateway).describe;
          return { gateway: simulator.gateway, displayName, baseUrl: simulator.baseUrl, operations };
        }),
        texts: demoGatewayTexts,
        sent: sent.flat(),
        deliveries,
        inbound: { gateway: INBOX_GATEWAY, injected: demoInbound, read },
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
