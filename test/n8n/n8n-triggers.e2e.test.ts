/**
 * Both triggers in a running `n8n start`: inbound SMS injected at the simulators and the virtual
 * modem start exactly one execution each, also across an n8n restart between two injections; a
 * Jasmin delivery report pushed to the webhook trigger starts one execution and is answered
 * `ACK/Jasmin` (anything else would make Jasmin push it again); what Diafaan, Dinstar, the span
 * gateway (its push configured by the trigger itself) and Route Mobile push starts one execution
 * each and gets the answer the vendor expects. Delivery reports of SMS this n8n sent are listed by
 * SMS Trigger (Dinstar, the modem) once each, also across a restart; Jasmin's batch callbacks start
 * one execution each; a trigger taking its secret in a header answers 401 without it. SMS Send
 * called again with the same idempotency key hands back the first result and sends nothing. Every
 * execution sends one SMS to a witness number
 * on the Jasmin simulator (which pushes nothing unasked), so executions are counted there.
 */
import { deliveryReportListingOf, type GatewayKey } from '@smsbridge/core';
import type { JasminSimulator } from '../../packages/core/src/testing';
import { E2eFixture, registry } from './e2e-fixture';
import { PACKAGE, WorkflowBuilder, webhookNode, type WorkflowNode } from './workflow-builder';

jest.setTimeout(600_000);

const fixture = new E2eFixture();
/** Long enough to arrive in several parts at the modem: the trigger must emit it once, whole. */
const FIRST = `first ${'and a long message that needs several parts '.repeat(5).trim()}`;
const WITNESS = '+447700999001';
const SECRET = 'hook-secret-4711';
const WEBHOOK_ID = '6a1b2c3d-0000-4000-8000-00000000beef';
/** A Jasmin webhook trigger that takes its secret in a header instead of the path. */
const HEADER_WEBHOOK_ID = '6a1b2c3d-0000-4000-8000-00000000cafe';
const SECRET_HEADER = 'X-Hook-Secret';
const inboundGateways = registry.keys().filter((key) => registry.get(key).capabilities.operations.includes('inbox'));
/** Gateways whose delivery reports the SMS Trigger can list (Dinstar's report log, the modem's SIM). */
const reportListers = registry.keys().filter((key) => deliveryReportListingOf(key) !== undefined);
const SENDS_ID = 'smsbridgeSendsWf';
const sendHookId = (gateway: GatewayKey): string => `7b2c3d4e-0000-4000-8000-0000000000${String(registry.keys().indexOf(gateway)).padStart(2, '0')}`;
const hookId = (gateway: GatewayKey): string => `6a1b2c3d-0000-4000-8000-0000000000${String(registry.keys().indexOf(gateway)).padStart(2, '0')}`;
const hookUrl = (port: number, gateway: GatewayKey): string => `http://127.0.0.1:${port}/webhook/${hookId(gateway)}/smsbridge/${SECRET}`;
/** Gateways whose push the user points at a URL once (in the gateway or through its API); Jasmin's goes per send. */
// The fixture's modem bridge has no push target, so its SMS are polled (with a target, they go to the target instead).
const pushers = registry.keys().filter((key) => key !== 'modembridge' && registry.get(key).push && registry.get(key).push!.setup.how !== 'per-send');
const witnessed = (text: string): number =>
  [...fixture.simulators.get('jasmin')!.network.messages.values()].filter((message) => message.to.replace(/\D/g, '') === WITNESS.replace(/\D/g, '') && message.text === text).length;

async function until(what: string, check: () => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      const witnesses = [...fixture.simulators.get('jasmin')!.network.messages.values()].map((message) => message.text);
      throw new Error(`timed out waiting for ${what}\nwitnesses: ${JSON.stringify(witnesses.slice(-30))}\n${fixture.n8n.serverLog.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function inject(gateway: GatewayKey, text: string): void {
  if (gateway === 'modem') fixture.modem.modem.injectSms({ from: '+447700900555', text });
  else if (gateway === 'modembridge') fixture.bridgeModem.modem.injectSms({ from: '+447700900555', text });
  else fixture.simulators.get(gateway)!.network.injectInbound({ from: '+447700900555', text });
}

function witnessStep(flow: WorkflowBuilder, after: string, text: string): void {
  flow.add(
    { name: `Witness after ${after}`, type: `${PACKAGE}.smsSend`, parameters: { gateway: 'jasmin', to: WITNESS, text }, credentials: { smsbridgeJasminApi: { id: 'cred-jasmin', name: 'witness' } } },
    after,
  );
}

beforeAll(async () => {
  // As a user enters the trigger's URL in the gateway's settings (Diafaan calls it the callback URL).
  await fixture.start((port) => ({ diafaan: hookUrl(port, 'diafaan'), dinstar: hookUrl(port, 'dinstar'), routesms: hookUrl(port, 'routesms') }));
  await fixture.n8n.importCredentials([...new Set<GatewayKey>(['jasmin', ...inboundGateways, ...pushers])].map((key) => fixture.credential(key)));
  // Every trigger in one workflow: one publish (each n8n CLI call costs seconds), one execution per event.
  const flow = new WorkflowBuilder('smsbridgeTriggrs', 'smsbridge triggers', {
    name: 'Webhook jasmin',
    type: `${PACKAGE}.smsWebhookTrigger`,
    parameters: { gateway: 'jasmin', secret: SECRET },
    credentials: { smsbridgeJasminApi: { id: 'cred-jasmin', name: 'jasmin' } },
    webhookId: WEBHOOK_ID,
  });
  witnessStep(flow, 'Webhook jasmin', '={{ "dlr:" + $json.messageId + ":" + $json.state }}');
  const headerHook = flow.addTrigger({
    name: 'Webhook jasmin header',
    type: `${PACKAGE}.smsWebhookTrigger`,
    parameters: { gateway: 'jasmin', secret: SECRET, secretIn: 'header', headerName: SECRET_HEADER },
    credentials: { smsbridgeJasminApi: { id: 'cred-jasmin', name: 'jasmin' } },
    webhookId: HEADER_WEBHOOK_ID,
  });
  witnessStep(flow, headerHook, '={{ "hdr:" + $json.messageId + ":" + $json.state }}');
  for (const gateway of inboundGateways) {
    const trigger = flow.addTrigger({
      name: `SMS Trigger ${gateway}`,
      type: `${PACKAGE}.smsTrigger`,
      parameters: { gateway, pollTimes: { item: [{ mode: 'everyMinute' }] } },
      credentials: { [fixture.credential(gateway).type]: { id: `cred-${gateway}`, name: gateway } },
    });
    witnessStep(flow, trigger, `={{ "${gateway}:" + $json.text }}`);
  }
  for (const gateway of reportListers) {
    const trigger = flow.addTrigger({
      name: `SMS Reports ${gateway}`,
      type: `${PACKAGE}.smsTrigger`,
      parameters: { gateway, events: 'reports', pollTimes: { item: [{ mode: 'everyMinute' }] } },
      credentials: { [fixture.credential(gateway).type]: { id: `cred-${gateway}`, name: gateway } },
    });
    witnessStep(flow, trigger, `={{ "report-${gateway}:" + $json.event + ":" + $json.messageId + ":" + $json.state }}`);
  }
  for (const gateway of pushers) {
    const trigger = flow.addTrigger({
      name: `Webhook ${gateway}`,
      type: `${PACKAGE}.smsWebhookTrigger`,
      parameters: { gateway, secret: SECRET },
      credentials: { [fixture.credential(gateway).type]: { id: `cred-${gateway}`, name: gateway } },
      webhookId: hookId(gateway),
    });
    witnessStep(flow, trigger, `={{ "push-${gateway}:" + $json.event + ":" + ($json.event === "inbound" ? $json.text : $json.messageId + ":" + $json.state) }}`);
  }
  // SMS sent by the running n8n itself (a webhook per gateway answering with SMS Send's item), so its
  // delivery report comes back to the same process that knows the message id.
  const sends = new WorkflowBuilder(SENDS_ID, 'smsbridge sends', sendHook(reportListers[0]!));
  for (const [index, gateway] of reportListers.entries()) {
    const hook = index === 0 ? sendHook(gateway).name : sends.addTrigger(sendHook(gateway));
    sends.add(
      {
        name: `Send ${gateway}`,
        type: `${PACKAGE}.smsSend`,
        parameters: { gateway, to: '={{ $json.body.to }}', text: 'report back, please', options: { statusReport: true } },
        credentials: { [fixture.credential(gateway).type]: { id: `cred-${gateway}`, name: gateway } },
      },
      hook,
    );
  }
  // A send named by the caller: called again with the same key, it reaches only whom it never reached.
  const keyedHook = sends.addTrigger(webhookNode('Keyed send hook', 'send-keyed', '7b2c3d4e-0000-4000-8000-0000000000ff', 'lastNode'));
  sends.add(
    {
      name: 'Keyed send',
      type: `${PACKAGE}.smsSend`,
      parameters: { gateway: 'jasmin', to: '={{ $json.body.to }}', text: 'named by its key', options: { idempotencyKey: '={{ $json.body.key }}' } },
      credentials: { [fixture.credential('jasmin').type]: { id: 'cred-jasmin', name: 'jasmin' } },
    },
    keyedHook,
  );
  await fixture.n8n.importWorkflows([flow.toJSON(), sends.toJSON()]);
  for (const id of [flow.id, SENDS_ID]) {
    const published = await fixture.n8n.cli(['publish:workflow', `--id=${id}`]);
    if (published.code !== 0) throw new Error(`publish:workflow failed: ${published.stdout}${published.stderr}`);
  }
});

function sendHook(gateway: GatewayKey): WorkflowNode {
  return webhookNode(`Send hook ${gateway}`, `send-${gateway}`, sendHookId(gateway), 'lastNode');
}

afterAll(async () => {
  await fixture.stop();
});

describe('triggers in a running n8n', () => {
  it('each inbound SMS starts exactly one execution, none lost or repeated across a restart', async () => {
    for (const gateway of inboundGateways) inject(gateway, FIRST);
    await fixture.n8n.start();
    await until('the first messages', () => inboundGateways.every((gateway) => witnessed(`${gateway}:${FIRST}`) === 1));
    await fixture.n8n.stop();

    for (const gateway of inboundGateways) inject(gateway, 'second');
    await fixture.n8n.start();
    // Removed from the gateway only after the execution carrying it started: never gone from
    // Diafaan's inbox while its execution has not sent its witness yet.
    const diafaanInbox = (): string[] => fixture.simulators.get('diafaan')!.network.inbox.map((message) => message.text);
    let removedEarly = false;
    await until('the second messages', () => {
      if (!diafaanInbox().includes('second') && witnessed('diafaan:second') === 0) removedEarly = true;
      return inboundGateways.every((gateway) => witnessed(`${gateway}:second`) === 1);
    });
    expect(removedEarly).toBe(false);
    // The first message was acknowledged (removed) by a poll after the restart.
    expect(diafaanInbox()).not.toContain(FIRST);
    // Give a repeated emission every chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const gateway of inboundGateways) {
      expect([gateway, witnessed(`${gateway}:${FIRST}`), witnessed(`${gateway}:second`)]).toEqual([gateway, 1, 1]);
    }
  });

  it('delivery reports the SMS Trigger lists start one execution each, named by the send\'s message id, and none again after a restart', async () => {
    const sent: Partial<Record<GatewayKey, string>> = {};
    for (const gateway of reportListers) {
      const response = await fetch(`http://127.0.0.1:${fixture.n8n.port}/webhook/send-${gateway}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: '+447700900881' }),
      });
      const result = (await response.json()) as { messageId?: string; accepted?: boolean };
      expect([gateway, response.status, result.accepted]).toEqual([gateway, 200, true]);
      sent[gateway] = result.messageId!;
    }
    const reported = (gateway: GatewayKey): number => witnessed(`report-${gateway}:status:${sent[gateway]}:delivered`);
    // The next scheduled poll (n8n polls at most once a minute) lists them.
    await until('the delivery reports', () => reportListers.every((gateway) => reported(gateway) === 1), 150_000);

    // Across a restart: the cursors were kept, so the activation polls (seen through a fresh inbound SMS) list nothing again.
    await fixture.n8n.stop();
    for (const gateway of inboundGateways) inject(gateway, 'third');
    await fixture.n8n.start();
    await until('the third messages', () => inboundGateways.every((gateway) => witnessed(`${gateway}:third`) === 1));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const gateway of reportListers) expect([gateway, reported(gateway)]).toEqual([gateway, 1]);
    // Nothing but status items reached the report triggers, and none of them unnamed.
    const reportTexts = [...fixture.simulators.get('jasmin')!.network.messages.values()].map((message) => message.text).filter((text) => text.startsWith('report-'));
    expect(reportTexts.sort()).toEqual(reportListers.map((gateway) => `report-${gateway}:status:${sent[gateway]}:delivered`).sort());
  });

  it('a delivery report pushed by Jasmin starts one execution and is answered ACK/Jasmin', async () => {
    const url = `http://127.0.0.1:${fixture.n8n.port}/webhook/${WEBHOOK_ID}/smsbridge/${SECRET}`;
    const client = registry.open('jasmin', { ...fixture.connection('jasmin'), dlrUrl: url, dlrLevel: 2 });
    const [result] = await client.send({ to: ['+447700900777'], text: 'report back' });
    await client.close();
    await until('the delivery report', () => witnessed(`dlr:${result!.messageId}:delivered`) === 1);
    const jasmin = fixture.simulators.get('jasmin') as JasminSimulator;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(witnessed(`dlr:${result!.messageId}:delivered`)).toBe(1);
    expect(jasmin.dlrAttempts.filter((attempt) => attempt.id === result!.messageId).map((attempt) => attempt.acknowledged)).toEqual([true]);
  });

  it.each(pushers)('what %s pushes starts one execution per event, answered as the gateway expects', async (gateway) => {
    const simulator = fixture.simulators.get(gateway)!;
    const before = simulator.pushes.deliveries.length;
    let expected: string;
    if (registry.get(gateway).push!.carries.includes('inbound')) {
      simulator.network.injectInbound({ from: '+447700900556', text: `pushed to ${gateway}` });
      expected = `push-${gateway}:inbound:pushed to ${gateway}`;
    } else {
      const client = registry.open(gateway, fixture.connection(gateway));
      const [result] = await client.send({ to: ['+447700900778'], text: 'report back', statusReport: true });
      await client.close();
      expected = `push-${gateway}:status:${result!.messageId}:delivered`;
    }
    await until(`the push of ${gateway}`, () => witnessed(expected) === 1);
    await simulator.pushes.settle();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(witnessed(expected)).toBe(1);
    const answers = simulator.pushes.deliveries.slice(before).map((delivery) => delivery.status);
    expect(answers.length).toBeGreaterThan(0);
    for (const status of answers) expect(status).toBe(200);
  });

  it('Jasmin\'s batch callbacks start one execution each: an accepted message as queued under its id, a refused one as failed under the batch id', async () => {
    const url = `http://127.0.0.1:${fixture.n8n.port}/webhook/${WEBHOOK_ID}/smsbridge/${SECRET}`;
    const jasmin = fixture.simulators.get('jasmin') as JasminSimulator;
    const before = jasmin.pushes.deliveries.length;
    // A scheduled send goes out as Jasmin's sendbatch; the simulator then calls callback_url per message (GET batchId, to, status, statusText).
    const client = registry.open('jasmin', { ...fixture.connection('jasmin'), batchCallbackUrl: url, batchErrbackUrl: url });
    const [scheduled] = await client.send({ to: ['+447700900779'], text: 'scheduled for later', scheduleAt: new Date(Date.now() + 2000) });
    await client.close();
    const batchId = (scheduled!.raw as { batchId?: string }).batchId!;
    expect(batchId).toBeTruthy();
    const sentId = (): string | undefined => [...jasmin.network.messages.values()].find((message) => message.text === 'scheduled for later')?.id;
    await until('the batch callback', () => sentId() !== undefined && witnessed(`dlr:${sentId()!.toLowerCase()}:queued`) === 1);
    const callbacks = jasmin.pushes.deliveries.slice(before).filter((delivery) => delivery.url.includes(`batchId=${batchId}`));
    expect(callbacks.map((delivery) => [delivery.method, delivery.status, delivery.answer])).toEqual([['GET', 200, 'OK']]);

    // An errback exactly as Jasmin sends it for a message its HTTP API refused.
    const errback = new URL(url);
    for (const [name, value] of Object.entries({ batchId: 'b9e7c3e2-1111-4222-8333-444455556666', to: '447700900780', status: '0', statusText: 'HTTPAPI error: Error "No route found"' })) {
      errback.searchParams.set(name, value);
    }
    const response = await fetch(errback, { method: 'GET' });
    expect([response.status, await response.text()]).toEqual([200, 'OK']);
    await until('the errback', () => witnessed('dlr:b9e7c3e2-1111-4222-8333-444455556666:failed') === 1);
  });

  it('a trigger whose secret travels in a header starts an execution only for the right header, and answers 401 otherwise', async () => {
    const url = `http://127.0.0.1:${fixture.n8n.port}/webhook/${HEADER_WEBHOOK_ID}/smsbridge`;
    // A delivery report shaped exactly like Jasmin's (form POST), with the header a proxy in front of n8n adds.
    const report = (id: string): string => new URLSearchParams({ id, message_status: 'ESME_ROK', level: '1', connector: 'smsc1' }).toString();
    const post = (id: string, headers: Record<string, string>): Promise<Response> =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: report(id) });
    const ids = { right: 'a1111111-2222-4333-8444-555555555501', wrong: 'a1111111-2222-4333-8444-555555555502', missing: 'a1111111-2222-4333-8444-555555555503' };
    const wrong = await post(ids.wrong, { [SECRET_HEADER]: `${SECRET}x` });
    expect(wrong.status).toBe(401);
    const missing = await post(ids.missing, {});
    expect(missing.status).toBe(401);
    const right = await post(ids.right, { [SECRET_HEADER.toLowerCase()]: SECRET });
    expect([right.status, await right.text()]).toEqual([200, 'ACK/Jasmin']);
    await until('the report with the right header', () => witnessed(`hdr:${ids.right}:sent`) === 1);
    // The secret in the path does not open the header trigger either.
    expect((await fetch(`${url}/${SECRET}`, { method: 'POST', body: report(ids.wrong) })).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const texts = [...fixture.simulators.get('jasmin')!.network.messages.values()].map((message) => message.text).filter((text) => text.startsWith('hdr:'));
    expect(texts.map((text) => text.split(':')[1])).toEqual([ids.right]);
  });

  it('SMS Send with an idempotency key, called again with it, hands back the first ids and sends nothing; another key sends', async () => {
    const jasmin = fixture.simulators.get('jasmin')!;
    const sentTo = (number: string): number => [...jasmin.network.messages.values()].filter((message) => message.to.replace(/\D/g, '') === number.replace(/\D/g, '')).length;
    const send = async (key: string): Promise<Record<string, unknown>> => {
      const response = await fetch(`http://127.0.0.1:${fixture.n8n.port}/webhook/send-keyed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key, to: '+447700900891' }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    };
    const first = await send('alert-4711');
    const again = await send('alert-4711');
    expect(first).toMatchObject({ accepted: true, state: 'queued' });
    expect(first['replayed']).toBeUndefined();
    expect(again).toMatchObject({ accepted: true, replayed: true, messageId: first['messageId'] });
    expect(sentTo('+447700900891')).toBe(1);
    const other = await send('alert-4712');
    expect(other['replayed']).toBeUndefined();
    expect(other['messageId']).not.toBe(first['messageId']);
    expect(sentTo('+447700900891')).toBe(2);
  });

  it('a call without the secret reaches no workflow', async () => {
    const response = await fetch(`http://127.0.0.1:${fixture.n8n.port}/webhook/${WEBHOOK_ID}/smsbridge/not-the-secret`, { method: 'POST', body: 'id=1' });
    expect(response.status).toBe(404);
  });
});
