/**
 * Both triggers in a running `n8n start`: inbound SMS injected at the simulators and the virtual
 * modem start exactly one execution each, also across an n8n restart between two injections; a
 * Jasmin delivery report pushed to the webhook trigger starts one execution and is answered
 * `ACK/Jasmin` (anything else would make Jasmin push it again). Every execution sends one SMS to
 * a witness number on the Route Mobile simulator, so executions are counted at a simulator.
 */
import type { GatewayKey } from '@smsbridge/core';
import type { JasminSimulator } from '../../packages/core/src/testing';
import { E2eFixture, registry } from './e2e-fixture';
import { PACKAGE, WorkflowBuilder } from './workflow-builder';

jest.setTimeout(600_000);

const fixture = new E2eFixture();
const WITNESS = '+447700999001';
const SECRET = 'hook-secret-4711';
const WEBHOOK_ID = '6a1b2c3d-0000-4000-8000-00000000beef';
const inboundGateways = registry.keys().filter((key) => registry.get(key).capabilities.operations.includes('inbox'));
const witnessed = (text: string): number =>
  [...fixture.simulators.get('routesms')!.network.messages.values()].filter((message) => message.to.replace(/\D/g, '') === WITNESS.replace(/\D/g, '') && message.text === text).length;

async function until(what: string, check: () => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${fixture.n8n.serverLog.slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function inject(gateway: GatewayKey, text: string): void {
  if (gateway === 'modem') fixture.modem.modem.injectSms({ from: '+447700900555', text });
  else fixture.simulators.get(gateway)!.network.injectInbound({ from: '+447700900555', text });
}

function witnessStep(flow: WorkflowBuilder, after: string, text: string): void {
  flow.add(
    { name: `Witness after ${after}`, type: `${PACKAGE}.smsSend`, parameters: { gateway: 'routesms', to: WITNESS, text }, credentials: { smsbridgeRouteMobileApi: { id: 'cred-routesms', name: 'witness' } } },
    after,
  );
}

beforeAll(async () => {
  await fixture.start();
  await fixture.n8n.importCredentials(['routesms', 'jasmin', ...inboundGateways].map((key) => fixture.credential(key as GatewayKey)));
  const workflows: WorkflowBuilder[] = [];
  for (const gateway of inboundGateways) {
    const flow = new WorkflowBuilder(`smsbridgeTrig${gateway}`.slice(0, 16).padEnd(16, '0'), `inbound ${gateway}`, {
      name: 'SMS Trigger',
      type: `${PACKAGE}.smsTrigger`,
      parameters: { gateway, pollTimes: { item: [{ mode: 'everyMinute' }] } },
      credentials: { [fixture.credential(gateway).type]: { id: `cred-${gateway}`, name: gateway } },
    });
    witnessStep(flow, 'SMS Trigger', `={{ "${gateway}:" + $json.text }}`);
    workflows.push(flow);
  }
  const hook = new WorkflowBuilder('smsbridgeHookJas', 'jasmin delivery reports', {
    name: 'SMS Webhook Trigger',
    type: `${PACKAGE}.smsWebhookTrigger`,
    parameters: { gateway: 'jasmin', secret: SECRET },
    credentials: { smsbridgeJasminApi: { id: 'cred-jasmin', name: 'jasmin' } },
    webhookId: WEBHOOK_ID,
  });
  witnessStep(hook, 'SMS Webhook Trigger', '={{ "dlr:" + $json.messageId + ":" + $json.state }}');
  workflows.push(hook);
  await fixture.n8n.importWorkflows(workflows.map((flow) => flow.toJSON()));
  for (const flow of workflows) {
    const published = await fixture.n8n.cli(['publish:workflow', `--id=${flow.id}`]);
    if (published.code !== 0) throw new Error(`publish:workflow ${flow.id} failed: ${published.stdout}${published.stderr}`);
  }
});

afterAll(async () => {
  await fixture.stop();
});

describe('triggers in a running n8n', () => {
  it('each inbound SMS starts exactly one execution, none lost or repeated across a restart', async () => {
    for (const gateway of inboundGateways) inject(gateway, 'first');
    await fixture.n8n.start();
    await until('the first messages', () => inboundGateways.every((gateway) => witnessed(`${gateway}:first`) === 1));
    await fixture.n8n.stop();

    for (const gateway of inboundGateways) inject(gateway, 'second');
    await fixture.n8n.start();
    await until('the second messages', () => inboundGateways.every((gateway) => witnessed(`${gateway}:second`) === 1));
    // Give a repeated emission every chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const gateway of inboundGateways) {
      expect([gateway, witnessed(`${gateway}:first`), witnessed(`${gateway}:second`)]).toEqual([gateway, 1, 1]);
    }
    // Removed from the gateway only at the poll after the one that started its execution:
    // the first message is gone from Diafaan's inbox, the second (just handed out) is still there.
    expect(fixture.simulators.get('diafaan')!.network.inbox.map((message) => message.text)).toEqual(['second']);
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

  it('a call without the secret reaches no workflow', async () => {
    const response = await fetch(`http://127.0.0.1:${fixture.n8n.port}/webhook/${WEBHOOK_ID}/smsbridge/not-the-secret`, { method: 'POST', body: 'id=1' });
    expect(response.status).toBe(404);
  });
});
