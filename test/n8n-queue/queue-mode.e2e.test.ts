/**
 * The pack in n8n's queue mode: Redis and PostgreSQL of the test's own, one main process and two
 * `n8n worker` processes with the pack installed as a community package. A webhook-started
 * workflow sends 1,000 SMS in ten executions: every recipient reaches the simulator exactly once,
 * with its id back in the execution data, and both workers ran some. The polling trigger, which
 * only the main process runs, starts one execution for one inbound SMS however many workers there
 * are. A worker killed in the middle of a run: n8n does not run its execution again (queue mode
 * never retries a stalled job, and keeps none of its results), so nothing goes twice; the caller
 * sending the batch again with the same idempotency key reaches only the recipients that never got
 * it (SMS Send's journal in the queue's Redis), gets back the ids of those that did, and `unknown`
 * for the one on its way when the worker died. Delivery reports pushed to SMS Webhook Trigger
 * start their execution whether the call lands on the main process or on an `n8n webhook` process,
 * and whichever worker sent the SMS. A GSM modem reached from the workers through the bridge
 * (`smsbridge modem serve` in front of the virtual modem on a pseudo-terminal): every SMS leaves
 * the modem once, and its inbound SMS reach the polling trigger once; a bridge with a push target
 * hands an SMS to SMS Webhook Trigger on the webhook process, signed, once.
 */
import { JasminSimulator, createSimulator, virtualModem } from '@smsbridge/core/testing';
import type { GatewaySimulator } from '../../packages/core/src/simulator/gateway-simulator';
import { N8nRest } from '../n8n/n8n-rest';
import { CREDENTIAL_TYPES } from '../n8n/e2e-fixture';
import { PACKAGE, WorkflowBuilder, webhookNode } from '../n8n/workflow-builder';
import { N8nCluster } from './helpers/n8n-cluster';
import { freePort } from './helpers/local-servers';
import { startModemBridgeProcess, type ModemBridgeProcess } from './helpers/modem-bridge-process';

// The first run installs n8n into the cache (scripts/ensure-n8n.sh); PostgreSQL migrations take a while.
jest.setTimeout(900_000);

const SEND_WORKFLOW = 'smsbQueueSends01';
const POLL_WORKFLOW = 'smsbQueuePoll001';
const SEND_HOOK_ID = '8c3d4e5f-0000-4000-8000-000000000001';
const REPORTS_WORKFLOW = 'smsbQueueDlrs001';
const REPORTS_HOOK_ID = '8c3d4e5f-0000-4000-8000-000000000002';
const PUSH_SECRET = 'queue-push-secret';
const BRIDGE_SEND_WORKFLOW = 'smsbQueueBridge01';
const BRIDGE_POLL_WORKFLOW = 'smsbQueueBridgeP1';
const BRIDGE_TOKEN = 'queue-bridge-token-5551';
const MODEM_PIN = '1357';

const cluster = new N8nCluster();
let rest: N8nRest;
let jasmin: JasminSimulator;
let dinstar: GatewaySimulator;
let webhookPort: number;
/** A virtual modem on a pty and `smsbridge modem serve` in front of it. */
interface RunningBridge {
  modem: virtualModem.PtyVirtualModem;
  bridge: ModemBridgeProcess;
}
const bridges: RunningBridge[] = [];
let modem: virtualModem.PtyVirtualModem;
/** A second bridge that pushes what its modem receives to SMS Webhook Trigger on the webhook process. */
let pushingBridge: RunningBridge;
const BRIDGE_PUSH_SECRET = 'queue-bridge-push-secret-2468';
const PUSH_HOOK_ID = '8c3d4e5f-0000-4000-8000-000000000005';
const BRIDGE_PUSH_WORKFLOW = 'smsbQueueBridgeH1';
/** The inbound SMS the polling test looks for, injected as soon as the cluster runs, and when. */
const inboundText = `queue mode inbound ${Date.now()}`;
const modemInboundText = `queue mode modem inbound ${Date.now()}`;
let injectedAt = 0;

const numbersOfBatch = (batch: number, size = 100): string[] => Array.from({ length: size }, (_, index) => `+44770090${String(batch).padStart(2, '0')}${String(index).padStart(2, '0')}`);

async function until<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- main ---\n${cluster.main.serverLog.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** How many SMS the Jasmin simulator took for each number. */
function acceptedByNumber(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of jasmin.network.messages.values()) {
    const digits = message.to.replace(/\D/g, '');
    counts.set(digits, (counts.get(digits) ?? 0) + 1);
  }
  return counts;
}

/** A new virtual modem on a pty with `smsbridge modem serve` in front, pushing to `push` if given. */
async function startBridge(push?: { url: string; secret: string }): Promise<RunningBridge> {
  const ptyModem = await virtualModem.PtyVirtualModem.start({ profile: 'simcom', pin: MODEM_PIN });
  const bridge = await startModemBridgeProcess({ port: ptyModem.path, pin: MODEM_PIN, token: BRIDGE_TOKEN, ...(push ? { push } : {}) });
  const running: RunningBridge = { modem: ptyModem, bridge };
  bridges.push(running);
  return running;
}

async function postBatch(batch: number, label: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${cluster.main.port}/webhook/queue-send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ batch: `${label} ${batch}`, numbers: numbersOfBatch(batch) }),
  });
  expect(response.status).toBe(200);
}

/** Executions of `workflowId` that ended, by id. */
async function finished(workflowId: string): Promise<{ id: string; status: string }[]> {
  return (await rest.executions(workflowId)).filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
}

beforeAll(async () => {
  jasmin = new JasminSimulator({ balance: 'ND', network: { maxFinishedMessages: 5_000 } });
  dinstar = createSimulator('dinstar');
  await jasmin.start();
  await dinstar.start();
  webhookPort = await freePort();
  const polledBridge = await startBridge();
  modem = polledBridge.modem;
  pushingBridge = await startBridge({ url: `http://127.0.0.1:${webhookPort}/webhook/${PUSH_HOOK_ID}/smsbridge/${PUSH_SECRET}`, secret: BRIDGE_PUSH_SECRET });
  const credential = (key: 'jasmin' | 'dinstar', simulator: GatewaySimulator) => ({
    id: `cred-${key}`,
    name: key,
    type: CREDENTIAL_TYPES[key],
    data: { url: simulator.baseUrl, ...simulator.describe().credentials, timeoutMs: 10_000 },
  });
  const sends = new WorkflowBuilder(SEND_WORKFLOW, 'queue sends', webhookNode('Batch to send', 'queue-send', SEND_HOOK_ID));
  sends.add({
    name: 'SMS Send',
    type: `${PACKAGE}.smsSend`,
    parameters: {
      gateway: 'jasmin',
      to: '={{ $json.body.numbers.join(",") }}',
      text: '={{ "queue mode " + $json.body.batch }}',
      // The caller's name for the batch: sent again, it goes only to whom it never reached.
      options: { idempotencyKey: '={{ $json.body.batch }}' },
    },
    credentials: { smsbridgeJasminApi: { id: 'cred-jasmin', name: 'jasmin' } },
  });
  const poll = new WorkflowBuilder(POLL_WORKFLOW, 'queue poll', {
    name: 'SMS Trigger',
    type: `${PACKAGE}.smsTrigger`,
    parameters: { gateway: 'dinstar', pollTimes: { item: [{ mode: 'everyMinute' }] } },
    credentials: { smsbridgeDinstarApi: { id: 'cred-dinstar', name: 'dinstar' } },
  });
  poll.add({ name: 'Received', type: 'n8n-nodes-base.noOp', parameters: {} });
  // Jasmin's delivery reports: each send names its report URL (dlr_url), here the main process's or the webhook process's.
  const reports = new WorkflowBuilder(REPORTS_WORKFLOW, 'queue reports', {
    name: 'Delivery reports',
    type: `${PACKAGE}.smsWebhookTrigger`,
    parameters: { gateway: 'jasmin', secret: PUSH_SECRET },
    credentials: { smsbridgeJasminApi: { id: 'cred-jasmin', name: 'jasmin' } },
    webhookId: REPORTS_HOOK_ID,
  });
  reports.add({ name: 'Report', type: 'n8n-nodes-base.noOp', parameters: {} });
  const sendHook = reports.addTrigger(webhookNode('Send with report', 'queue-send-report', '8c3d4e5f-0000-4000-8000-000000000003'));
  reports.add(
    {
      name: 'SMS Send with report',
      type: `${PACKAGE}.smsSend`,
      parameters: {
        gateway: 'jasmin',
        to: '={{ $json.body.to }}',
        text: 'report back, please',
        vendorOptions: { dlr_url: '={{ $json.body.reportUrl }}', dlr_level: 3 },
      },
      credentials: { smsbridgeJasminApi: { id: 'cred-jasmin', name: 'jasmin' } },
    },
    sendHook,
  );
  const bridgeCredentials = { smsbridgeModemBridgeApi: { id: 'cred-bridge', name: 'bridge' } };
  const bridgeSends = new WorkflowBuilder(BRIDGE_SEND_WORKFLOW, 'queue bridge sends', webhookNode('Batch for the modem', 'queue-send-bridge', '8c3d4e5f-0000-4000-8000-000000000004'));
  bridgeSends.add({
    name: 'SMS Send',
    type: `${PACKAGE}.smsSend`,
    parameters: { gateway: 'modembridge', to: '={{ $json.body.numbers.join(",") }}', text: '={{ "through the bridge " + $json.body.batch }}' },
    credentials: bridgeCredentials,
  });
  const bridgePoll = new WorkflowBuilder(BRIDGE_POLL_WORKFLOW, 'queue bridge poll', {
    name: 'SMS Trigger',
    type: `${PACKAGE}.smsTrigger`,
    parameters: { gateway: 'modembridge', pollTimes: { item: [{ mode: 'everyMinute' }] } },
    credentials: bridgeCredentials,
  });
  bridgePoll.add({ name: 'Received', type: 'n8n-nodes-base.noOp', parameters: {} });
  const bridgePush = new WorkflowBuilder(BRIDGE_PUSH_WORKFLOW, 'queue bridge push', {
    name: 'Pushed by the bridge',
    type: `${PACKAGE}.smsWebhookTrigger`,
    parameters: { gateway: 'modembridge', secret: PUSH_SECRET },
    credentials: { smsbridgeModemBridgeApi: { id: 'cred-bridge-push', name: 'pushing bridge' } },
    webhookId: PUSH_HOOK_ID,
  });
  bridgePush.add({ name: 'Received', type: 'n8n-nodes-base.noOp', parameters: {} });
  // Imported and published with n8n's CLI before any process runs, as an operator would deploy them.
  await cluster.start(2, 1, async (main) => {
    await main.importCredentials([
      credential('jasmin', jasmin),
      credential('dinstar', dinstar),
      { id: 'cred-bridge', name: 'bridge', type: CREDENTIAL_TYPES.modembridge, data: { url: polledBridge.bridge.url, password: BRIDGE_TOKEN, timeoutMs: 60_000 } },
      {
        id: 'cred-bridge-push',
        name: 'pushing bridge',
        type: CREDENTIAL_TYPES.modembridge,
        data: { url: pushingBridge.bridge.url, password: BRIDGE_TOKEN, pushSecret: BRIDGE_PUSH_SECRET, timeoutMs: 60_000 },
      },
    ]);
    await main.importWorkflows([sends.toJSON(), poll.toJSON(), reports.toJSON(), bridgeSends.toJSON(), bridgePoll.toJSON(), bridgePush.toJSON()]);
    for (const id of [SEND_WORKFLOW, POLL_WORKFLOW, REPORTS_WORKFLOW, BRIDGE_SEND_WORKFLOW, BRIDGE_POLL_WORKFLOW, BRIDGE_PUSH_WORKFLOW]) {
      const published = await main.cli(['publish:workflow', `--id=${id}`]);
      if (published.code !== 0) throw new Error(`publish:workflow failed: ${published.stdout}${published.stderr}`);
    }
  });
  await cluster.addWebhookProcess(webhookPort);
  // n8n polls at most once a minute: the polling test's SMS arrives now, and is checked after the other tests.
  (dinstar as unknown as { network: { injectInbound(message: { from: string; text: string }): void } }).network.injectInbound({ from: '+447700900777', text: inboundText });
  modem.modem.injectSms({ from: '+447700900778', text: modemInboundText });
  injectedAt = Date.now();
  rest = new N8nRest(`http://127.0.0.1:${cluster.main.port}`);
  await rest.signIn();
});

afterAll(async () => {
  await cluster.stop();
  for (const running of bridges) {
    await running.bridge.stop();
    await running.modem.close();
  }
  await jasmin?.stop();
  await dinstar?.stop();
});

it('sends 1,000 SMS from ten webhook-started executions: each recipient once, ids in the execution data, both workers used', async () => {
  for (let batch = 0; batch < 10; batch++) await postBatch(batch, 'run');
  const done = await until(async () => {
    const ended = await finished(SEND_WORKFLOW);
    return ended.length >= 10 ? ended : undefined;
  }, 'ten executions to end');
  expect(done.map((execution) => execution.status)).toEqual(Array(10).fill('success'));
  const accepted = acceptedByNumber();
  const idsFromExecutions = new Map<string, string>();
  for (const execution of done) {
    const items = (await rest.itemsByNode(execution.id))['SMS Send'] ?? [];
    expect(items).toHaveLength(100);
    for (const item of items) {
      expect(item).toMatchObject({ accepted: true, gateway: 'jasmin' });
      idsFromExecutions.set(String(item['to']).replace(/\D/g, ''), String(item['messageId']));
    }
  }
  for (let batch = 0; batch < 10; batch++) {
    for (const number of numbersOfBatch(batch)) {
      const digits = number.replace(/\D/g, '');
      expect({ number, accepted: accepted.get(digits) ?? 0 }).toEqual({ number, accepted: 1 });
      expect(jasmin.network.messages.get(idsFromExecutions.get(digits)!)?.to.replace(/\D/g, '')).toBe(digits);
    }
  }
  // The polling triggers' executions run on the workers too: count this workflow's only.
  const ran = cluster.workers.map((worker) => done.filter((execution) => worker.executions.has(execution.id)).length);
  expect(ran.every((count) => count > 0)).toBe(true);
  expect(ran.reduce((sum, count) => sum + count, 0)).toBe(10);
});

it('a worker killed mid-run: n8n does not rerun its execution; the batch sent again goes only where it never went, nothing twice', async () => {
  // Each request answered after 40 ms: an execution of 100 takes about four seconds, long enough to be cut.
  jasmin.faults.add({ kind: 'latency', delayMs: 40, count: 100_000, path: '/secure/send' });
  const victim = cluster.workers[1]!;
  const before = new Set(victim.executions);
  const earlier = new Set((await rest.executions(SEND_WORKFLOW)).map((execution) => execution.id));
  for (let batch = 10; batch < 16; batch++) await postBatch(batch, 'kill');
  const cut = await until(async () => [...victim.executions].find((id) => !before.has(id)), 'worker 2 to take an execution', 60_000);
  // About a quarter of its batch gone out: killed well before its end.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  victim.kill();
  const done = await until(async () => {
    const ended = (await finished(SEND_WORKFLOW)).filter((execution) => !earlier.has(execution.id));
    return ended.length >= 6 ? ended : undefined;
  }, 'the six executions to end (one of them cut)', 180_000);
  const statuses = new Map(done.map((execution) => [execution.id, execution.status]));
  expect(statuses.get(cut)).not.toBe('success');
  expect([...statuses.entries()].filter(([id]) => id !== cut).map(([, status]) => status)).toEqual(Array(5).fill('success'));
  const acceptedBefore = acceptedByNumber();
  expect(Math.max(...acceptedBefore.values())).toBe(1);
  const cutBatches: number[] = [];
  for (let batch = 10; batch < 16; batch++) {
    const sent = numbersOfBatch(batch).filter((number) => acceptedBefore.has(number.replace(/\D/g, ''))).length;
    if (sent < 100) cutBatches.push(batch);
    else expect(sent).toBe(100);
  }
  // Exactly one batch was cut short: the one the killed worker had.
  expect(cutBatches).toHaveLength(1);
  const cutNumbers = numbersOfBatch(cutBatches[0]!);
  const sentBeforeRetry = cutNumbers.filter((number) => acceptedBefore.has(number.replace(/\D/g, ''))).length;
  expect(sentBeforeRetry).toBeLessThan(100);

  // n8n ran the cut execution no further and kept none of its results. The caller sends the same
  // batch again (same idempotency key); a worker that is left runs it.
  const seen = new Set((await rest.executions(SEND_WORKFLOW)).map((execution) => execution.id));
  await postBatch(cutBatches[0]!, 'kill');
  const again = await until(async () => (await finished(SEND_WORKFLOW)).find((execution) => !seen.has(execution.id)), 'the repeated batch to run', 120_000);
  expect({ status: again.status, error: again.status === 'success' ? undefined : await rest.executionError(again.id) }).toEqual({ status: 'success', error: undefined });
  const results = (await rest.itemsByNode(again.id))['SMS Send']!;
  expect(results.map((result) => `+${String(result['to'])}`)).toEqual(cutNumbers);
  const accepted = acceptedByNumber();
  const interrupted = results.filter((result) => result['errorCode'] === 'SMSB_SEND_INTERRUPTED');
  // Jasmin takes one request at a time per send: at most one was on its way when the worker died.
  expect(interrupted.length).toBeLessThanOrEqual(1);
  for (const result of results) {
    const count = accepted.get(String(result['to'])) ?? 0;
    if (result['errorCode'] === 'SMSB_SEND_INTERRUPTED') {
      expect(result).toMatchObject({ state: 'unknown', accepted: false, replayed: true });
      expect(count).toBeLessThanOrEqual(1);
      continue;
    }
    expect(result).toMatchObject({ accepted: true, state: 'queued' });
    expect(count).toBe(1);
    // A replayed result carries the id the first run got, and the gateway has that message for this number.
    expect(jasmin.network.messages.get(String(result['messageId']))?.to.replace(/\D/g, '')).toBe(String(result['to']));
  }
  const replayed = results.filter((result) => result['replayed'] === true && result['accepted'] === true).length;
  const sentByRetry = results.filter((result) => result['replayed'] !== true).length;
  expect(replayed + interrupted.length + sentByRetry).toBe(100);
  expect(replayed).toBeGreaterThanOrEqual(sentBeforeRetry - interrupted.length);
  expect(replayed).toBeLessThanOrEqual(sentBeforeRetry);
  // Every recipient of the six executions once, but an interrupted one at most once.
  const allNumbers = Array.from({ length: 6 }, (_, index) => numbersOfBatch(10 + index)).flat();
  const missing = allNumbers.filter((number) => !accepted.has(number.replace(/\D/g, '')));
  expect(missing.map((number) => number.replace(/\D/g, ''))).toEqual(interrupted.filter((result) => !accepted.has(String(result['to']))).map((result) => String(result['to'])));
  expect(Math.max(...accepted.values())).toBe(1);
  console.log(`worker killed: ${sentBeforeRetry} of 100 sent before the kill; sent again, the batch handed back ${replayed}, reported ${interrupted.length} unknown, sent ${sentByRetry}`);
  expect(cluster.workers[0]!.running).toBe(true);
});

it('pushed delivery reports start their execution on a worker whether they reach the main process or a webhook process', async () => {
  const targets = [
    { to: '+447700900401', reportUrl: `http://127.0.0.1:${cluster.main.port}/webhook/${REPORTS_HOOK_ID}/smsbridge/${PUSH_SECRET}` },
    { to: '+447700900402', reportUrl: `http://127.0.0.1:${webhookPort}/webhook/${REPORTS_HOOK_ID}/smsbridge/${PUSH_SECRET}` },
  ];
  for (const target of targets) {
    const response = await fetch(`http://127.0.0.1:${cluster.main.port}/webhook/queue-send-report`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(target) });
    expect(response.status).toBe(200);
  }
  const sentIds = await until(async () => {
    const ids = new Map<string, string>();
    for (const execution of await finished(REPORTS_WORKFLOW)) {
      for (const item of (await rest.itemsByNode(execution.id))['SMS Send with report'] ?? []) ids.set(String(item['to']).replace(/\D/g, ''), String(item['messageId']));
    }
    return ids.size === 2 ? ids : undefined;
  }, 'both sends');
  const delivered = await until(async () => {
    const reports: Record<string, unknown>[] = [];
    for (const execution of await finished(REPORTS_WORKFLOW)) reports.push(...((await rest.itemsByNode(execution.id))['Report'] ?? []));
    const final = reports.filter((report) => report['state'] === 'delivered');
    return final.length >= 2 ? final : undefined;
  }, 'a delivered report for each send');
  expect(delivered.map((report) => report['messageId']).sort()).toEqual([...sentIds.values()].sort());
});

it('sends through the modem bridge from the workers: each SMS leaves the modem once', async () => {
  const numbers = (batch: number) => Array.from({ length: 5 }, (_, index) => `+44770090${50 + batch}${index}0`);
  for (let batch = 0; batch < 4; batch++) {
    const response = await fetch(`http://127.0.0.1:${cluster.main.port}/webhook/queue-send-bridge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ batch, numbers: numbers(batch) }),
    });
    expect(response.status).toBe(200);
  }
  const done = await until(async () => {
    const ended = await finished(BRIDGE_SEND_WORKFLOW);
    return ended.length >= 4 ? ended : undefined;
  }, 'four executions through the bridge', 180_000);
  expect(done.map((execution) => execution.status)).toEqual(Array(4).fill('success'));
  const ranOn = cluster.workers.filter((worker) => done.some((execution) => worker.executions.has(execution.id)));
  expect(ranOn.length).toBeGreaterThan(0);
  for (const execution of done) {
    for (const item of (await rest.itemsByNode(execution.id))['SMS Send'] ?? []) expect(item).toMatchObject({ accepted: true, gateway: 'modembridge' });
  }
  for (let batch = 0; batch < 4; batch++) {
    for (const number of numbers(batch)) {
      const left = modem.modem.submitted.filter((submitted) => submitted.destination.replace(/\D/g, '') === number.replace(/\D/g, '')).length;
      expect({ number, left }).toEqual({ number, left: 1 });
    }
  }
});

it('an SMS the bridge pushes to the webhook process starts one execution on a worker, signed with the credential\'s push secret', async () => {
  const text = `pushed by the bridge ${Date.now()}`;
  pushingBridge.modem.modem.injectSms({ from: '+447700900779', text });
  const received = async (): Promise<number> => {
    let count = 0;
    for (const execution of await finished(BRIDGE_PUSH_WORKFLOW)) count += ((await rest.itemsByNode(execution.id))['Received'] ?? []).filter((item) => item['text'] === text).length;
    return count;
  };
  await until(async () => ((await received()) > 0 ? true : undefined), 'the pushed SMS', 60_000);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(await received()).toBe(1);
  // Answered 2xx: the bridge no longer holds it.
  const client = (await import('@smsbridge/core')).createVendorRegistry().open('modembridge', { url: pushingBridge.bridge.url, password: BRIDGE_TOKEN });
  try {
    expect((await client.inbox!()).messages.map((message) => message.text)).not.toContain(text);
  } finally {
    await client.close();
  }
});

it('polls once for the whole cluster: one inbound SMS starts one execution', async () => {
  const withText = async (workflowId: string, text: string): Promise<number> => {
    let count = 0;
    for (const execution of await finished(workflowId)) {
      const items = (await rest.itemsByNode(execution.id))['Received'] ?? [];
      count += items.filter((item) => item['text'] === text).length;
    }
    return count;
  };
  // Dinstar's inbox, and the modem's through the bridge (journaled there, removed once n8n started the execution).
  const cases = [
    { workflowId: POLL_WORKFLOW, text: inboundText },
    { workflowId: BRIDGE_POLL_WORKFLOW, text: modemInboundText },
  ];
  for (const { workflowId, text } of cases) await until(async () => ((await withText(workflowId, text)) > 0 ? true : undefined), `${workflowId} to pass the SMS on`, 150_000);
  // Two polls after the injection at least (one a minute): the later one must not hand it out again, in any process.
  const twoPollsLater = injectedAt + 130_000 - Date.now();
  if (twoPollsLater > 0) await new Promise((resolve) => setTimeout(resolve, twoPollsLater));
  for (const { workflowId, text } of cases) expect({ workflowId, executions: await withText(workflowId, text) }).toEqual({ workflowId, executions: 1 });
});
