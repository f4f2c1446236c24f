/**
 * `npm run bench:n8n-queue`: sends per second through n8n's queue mode with one worker and with
 * two, in the same run and cluster (the second worker is added between the two), and what the
 * modem bridge adds to a send against the modem driver in the same process.
 *
 * Queue mode: 2,000 SMS as 20 webhook-started executions of 100 recipients each to the Jasmin
 * simulator, which answers each request after 25 ms (a provider across a network; without it both
 * runs would only measure this 2-core machine's CPU). Workers run n8n's default concurrency (10).
 * Bridge: 40 sends one after another to the virtual modem on a pseudo-terminal, first through the
 * registry's modem client in this process, then through `smsbridge modem serve` over HTTP.
 * Journal: what SMS Send's send journal in Redis (on in queue mode) costs per SMS: 2,000 SMS to
 * the Jasmin simulator (no added latency) through the registry's client, with and without it.
 */
import { ModemHub, RedisJournalStore, StoreSendJournal, createVendorRegistry } from '@smsbridge/core';
import { JasminSimulator, virtualModem } from '@smsbridge/core/testing';
import { N8nRest } from '../../test/n8n/n8n-rest';
import { CREDENTIAL_TYPES } from '../../test/n8n/e2e-fixture';
import { PACKAGE, WorkflowBuilder } from '../../test/n8n/workflow-builder';
import { N8nCluster } from '../../test/n8n-queue/helpers/n8n-cluster';
import { startRedis } from '../../test/n8n-queue/helpers/local-servers';
import { startModemBridgeProcess } from '../../test/n8n-queue/helpers/modem-bridge-process';

const EXECUTIONS = 20;
const PER_EXECUTION = 100;
const LATENCY_MS = 25;
const BRIDGE_SENDS = 40;
const JOURNAL_SMS = 2_000;
const lines: string[] = [];

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 600_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('the bench run did not finish');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function queueModeRates(): Promise<void> {
  const jasmin = new JasminSimulator({ balance: 'ND', network: { maxFinishedMessages: 10_000 } });
  await jasmin.start();
  jasmin.faults.add({ kind: 'latency', delayMs: LATENCY_MS, count: 1_000_000, path: '/secure/send' });
  const cluster = new N8nCluster();
  const workflow = new WorkflowBuilder('smsbQueueBench01', 'queue bench', {
    name: 'Batch',
    type: 'n8n-nodes-base.webhook',
    typeVersion: 2,
    parameters: { httpMethod: 'POST', path: 'bench-send', responseMode: 'onReceived', options: {} },
    webhookId: '9d4e5f60-0000-4000-8000-000000000001',
  });
  workflow.add({
    name: 'SMS Send',
    type: `${PACKAGE}.smsSend`,
    parameters: { gateway: 'jasmin', to: '={{ $json.body.numbers.join(",") }}', text: '={{ "bench " + $json.body.run }}' },
    credentials: { smsbridgeJasminApi: { id: 'cred-jasmin', name: 'jasmin' } },
  });
  try {
    await cluster.start(1, 10, async (main) => {
      await main.importCredentials([{ id: 'cred-jasmin', name: 'jasmin', type: CREDENTIAL_TYPES.jasmin, data: { url: jasmin.baseUrl, ...jasmin.describe().credentials } }]);
      await main.importWorkflows([workflow.toJSON()]);
      await main.cli(['publish:workflow', '--id=smsbQueueBench01']);
    });
    const rest = new N8nRest(`http://127.0.0.1:${cluster.main.port}`);
    await rest.signIn();
    const run = async (label: string): Promise<number> => {
      const before = (await rest.executions('smsbQueueBench01')).length;
      const started = Date.now();
      for (let execution = 0; execution < EXECUTIONS; execution++) {
        const numbers = Array.from({ length: PER_EXECUTION }, (_, index) => `+4477${label === 'one' ? '1' : '2'}${String(execution).padStart(3, '0')}${String(index).padStart(4, '0')}`);
        await fetch(`http://127.0.0.1:${cluster.main.port}/webhook/bench-send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ run: label, numbers }) });
      }
      await until(async () => {
        const ended = (await rest.executions('smsbQueueBench01')).filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
        return ended.length >= before + EXECUTIONS ? true : undefined;
      });
      return (EXECUTIONS * PER_EXECUTION) / ((Date.now() - started) / 1000);
    };
    await run('warm-up');
    const one = await run('one');
    await cluster.addWorker('worker 2', 10);
    const two = await run('two');
    lines.push(
      `n8n queue mode, ${EXECUTIONS} executions × ${PER_EXECUTION} SMS to the Jasmin simulator (${LATENCY_MS} ms per request), concurrency 10 per worker`,
      `  1 worker : ${one.toFixed(0)} SMS/s`,
      `  2 workers: ${two.toFixed(0)} SMS/s`,
      `  ratio    : ${(two / one).toFixed(2)}×`,
    );
  } finally {
    await cluster.stop();
    await jasmin.stop();
  }
}

async function bridgeLatency(): Promise<void> {
  const pin = '1357';
  const token = 'bench-bridge-token';
  const modem = await virtualModem.PtyVirtualModem.start({ profile: 'simcom', pin });
  const registry = createVendorRegistry();
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const timeSends = async (client: ReturnType<typeof registry.open>, label: string): Promise<number> => {
    const times: number[] = [];
    for (let index = 0; index < BRIDGE_SENDS + 5; index++) {
      const started = process.hrtime.bigint();
      await client.send({ to: [`+4477009${label}${String(index).padStart(3, '0')}`], text: `latency ${index}` });
      if (index >= 5) times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return median(times);
  };
  const hub = new ModemHub();
  try {
    const direct = registry.open('modem', { port: modem.path, baudRate: 115200, pin }, { modemHub: hub });
    const inProcess = await timeSends(direct, '1');
    await direct.close();
    await hub.close();
    const bridge = await startModemBridgeProcess({ port: modem.path, pin, token });
    try {
      const client = registry.open('modembridge', { url: bridge.url, password: token });
      const throughBridge = await timeSends(client, '2');
      await client.close();
      lines.push(
        `modem send, median of ${BRIDGE_SENDS} one after another (virtual modem on a pty)`,
        `  modem driver in this process : ${inProcess.toFixed(1)} ms`,
        `  through smsbridge modem serve: ${throughBridge.toFixed(1)} ms`,
        `  added by the bridge          : ${(throughBridge - inProcess).toFixed(1)} ms`,
      );
    } finally {
      await bridge.stop();
    }
  } finally {
    await modem.close();
  }
}

async function journalCost(): Promise<void> {
  const redis = await startRedis();
  const jasmin = new JasminSimulator({ balance: 'ND', network: { maxFinishedMessages: 10_000 } });
  await jasmin.start();
  const store = new RedisJournalStore({ host: '127.0.0.1', port: redis.port });
  const client = createVendorRegistry().open('jasmin', { url: jasmin.baseUrl, ...jasmin.describe().credentials });
  try {
    const rate = async (label: string, journaled: boolean): Promise<number> => {
      const started = process.hrtime.bigint();
      for (let batch = 0; batch < JOURNAL_SMS / 100; batch++) {
        const to = Array.from({ length: 100 }, (_, index) => `+4478${label}${String(batch).padStart(3, '0')}${String(index).padStart(3, '0')}`);
        await client.send({ to, text: 'journal cost' }, journaled ? { journal: new StoreSendJournal(store, `bench-${label}-${batch}`) } : {});
      }
      return JOURNAL_SMS / (Number(process.hrtime.bigint() - started) / 1e9);
    };
    await rate('0', true);
    const without = await rate('1', false);
    const withJournal = await rate('2', true);
    lines.push(
      `send journal in Redis, ${JOURNAL_SMS} SMS to the Jasmin simulator (no added latency), one request per SMS`,
      `  without journal: ${without.toFixed(0)} SMS/s`,
      `  with journal   : ${withJournal.toFixed(0)} SMS/s`,
      `  ratio          : ${(withJournal / without).toFixed(2)}× (${((1000 / withJournal - 1000 / without)).toFixed(2)} ms added per SMS)`,
    );
  } finally {
    await client.close();
    await store.close();
    await jasmin.stop();
    await redis.stop();
  }
}

it('measures queue mode with one and two workers, the send journal, and the modem bridge', async () => {
  await journalCost();
  await bridgeLatency();
  await queueModeRates();
  process.stdout.write(`\n${lines.join('\n')}\n`);
});
