/**
 * The send journal in a real Redis (Debian's redis-server, as n8n's queue mode uses it), with real
 * clients against their simulators: a send repeated with the same journal sends nothing new and
 * hands back the ids; a batch cut short is finished without repeating; Redis out of reach stops a
 * send at once with an error that names the host, never the password.
 */
import { RedisJournalStore, StoreSendJournal, createVendorRegistry, type GatewayClient, type SendResult } from '@smsbridge/core';
import { JasminSimulator, createSimulator } from '@smsbridge/core/testing';
import type { GatewaySimulator } from '../../packages/core/src/simulator/gateway-simulator';
import { RoutesmsClient } from '../../packages/core/src/vendors/routesms';
import { closedPort } from '../../packages/core/src/testing/closed-port';
import { startRedis, type LocalServer } from '../n8n-queue/helpers/local-servers';

const REDIS_PASSWORD = 'journal-redis-Pa55';
let redis: LocalServer;
let store: RedisJournalStore;
let jasmin: JasminSimulator;
let routesms: GatewaySimulator;

beforeAll(async () => {
  redis = await startRedis({ password: REDIS_PASSWORD });
  store = new RedisJournalStore({ host: '127.0.0.1', port: redis.port, password: REDIS_PASSWORD, keyPrefix: 'test-journal:' });
  jasmin = new JasminSimulator({ balance: 'ND' });
  routesms = createSimulator('routesms');
  await jasmin.start();
  await routesms.start();
});

afterAll(async () => {
  await store?.close();
  await redis?.stop();
  await jasmin?.stop();
  await routesms?.stop();
});

const numbers = (count: number, from = 0) => Array.from({ length: count }, (_, index) => `4477009011${String(from + index).padStart(2, '0')}`);

/** As the hosts open it: from the registry, behind the contract's checks. */
function jasminClient(): GatewayClient {
  return createVendorRegistry().open('jasmin', { url: jasmin.baseUrl, ...jasmin.describe().credentials, defaultFrom: 'ACME' });
}

function sentTo(simulator: { network: { messages: Map<string, { to: string }> } }, to: string): number {
  return [...simulator.network.messages.values()].filter((message) => message.to.replace(/\D/g, '') === to).length;
}

it('Jasmin: the same send run twice with one journal in Redis sends once and hands back the ids', async () => {
  const client = jasminClient();
  try {
    const recipients = numbers(5);
    const first = await client.send({ to: recipients, text: 'journal in redis' }, { journal: new StoreSendJournal(store, 'jasmin-twice') });
    const second = await client.send({ to: recipients, text: 'journal in redis' }, { journal: new StoreSendJournal(store, 'jasmin-twice') });
    expect(second.map((result: SendResult) => result.messageId)).toEqual(first.map((result: SendResult) => result.messageId));
    expect(second.every((result: SendResult) => result.replayed === true)).toBe(true);
    expect(recipients.map((to) => sentTo(jasmin, to))).toEqual([1, 1, 1, 1, 1]);
  } finally {
    await client.close();
  }
});

it('Route Mobile: a batch whose first run was cut off goes out again for its unsent numbers only, in one request', async () => {
  const { username, password } = routesms.describe().credentials as { username: string; password: string };
  const client = new RoutesmsClient({ baseUrl: routesms.baseUrl, username, password, defaultSource: 'ACME' });
  const requests = routesms.requestLog;
  try {
    const recipients = numbers(6, 20);
    // The first run sent three of them, then its process died.
    await client.send({ to: recipients.slice(0, 3), text: 'cut batch' }, { journal: new StoreSendJournal(store, ({ to }) => `rm-cut|${to}`) });
    const before = requests.length;
    const results = await client.send({ to: recipients, text: 'cut batch' }, { journal: new StoreSendJournal(store, ({ to }) => `rm-cut|${to}`) });
    expect(requests.length - before).toBe(1);
    expect(results.map((result: SendResult) => [result.to, result.accepted, result.replayed ?? false])).toEqual(recipients.map((to, index) => [to, true, index < 3]));
    const delivered = (routesms as unknown as { network: { messages: Map<string, { to: string }> } }).network;
    expect(recipients.map((to) => sentTo({ network: delivered }, to))).toEqual([1, 1, 1, 1, 1, 1]);
  } finally {
    await client.close();
  }
});

it('claims are atomic in Redis: of two journals claiming one key at once, exactly one wins', async () => {
  const other = new RedisJournalStore({ host: '127.0.0.1', port: redis.port, password: REDIS_PASSWORD, keyPrefix: 'test-journal:' });
  try {
    const keys = Array.from({ length: 50 }, (_, index) => `race-${index}`);
    const [a, b] = await Promise.all([store.setIfAbsent(keys, 'a', 60), other.setIfAbsent(keys, 'b', 60)]);
    keys.forEach((_, index) => expect([a[index], b[index]].filter(Boolean)).toHaveLength(1));
  } finally {
    await other.close();
  }
});

it('entries expire: the time to live reaches Redis', async () => {
  await store.set([['ttl-check', 'x']], 1);
  expect(await store.get(['ttl-check'])).toEqual(['x']);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await store.get(['ttl-check'])).toEqual([undefined]);
});

it('a wrong Redis password or a Redis out of reach stops the send before anything leaves, naming the host and never the password', async () => {
  const client = jasminClient();
  const downPort = await closedPort();
  const wrong = new RedisJournalStore({ host: '127.0.0.1', port: redis.port, password: 'Not-The-Redis-Pa55' });
  const away = new RedisJournalStore({ host: '127.0.0.1', port: downPort, password: REDIS_PASSWORD, timeoutMs: 1_000 });
  try {
    const before = jasmin.network.messages.size;
    for (const [unreachable, where] of [
      [wrong, `127.0.0.1:${redis.port}`],
      [away, `127.0.0.1:${downPort}`],
    ] as const) {
      const error = await client.send({ to: numbers(1, 40), text: 'no journal, no send' }, { journal: new StoreSendJournal(unreachable, 'away') }).then(
        () => undefined,
        (failure: unknown) => failure as Error & { code?: string; outcome?: string },
      );
      expect(error).toMatchObject({ code: 'SMSB_SEND_JOURNAL', outcome: 'not-sent' });
      expect(error!.message).toContain(where);
      expect(error!.message).toMatch(/Nothing more was sent/);
      expect(JSON.stringify({ message: error!.message, details: (error as { details?: unknown }).details })).not.toMatch(/Pa55/);
    }
    expect(jasmin.network.messages.size).toBe(before);
  } finally {
    await client.close();
    await wrong.close();
    await away.close();
  }
});
