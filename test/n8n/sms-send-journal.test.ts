/**
 * How SMS Send names "the same send" in its journal, with a stand-in for n8n's execute context:
 * an item's idempotency key names it across executions; without one, a retry names it like the
 * execution its retry chain began with, so a retry of a retry still finds what the first run sent.
 */
import { MemoryJournalStore, batchSends, settleSend, type SendJournal, type SendResult } from '@smsbridge/core';
import type { IExecuteFunctions } from 'n8n-workflow';
import { executionSendJournals, journalStoreFromEnv } from '../../nodes/shared/ExecutionSendJournal';

function contextOf(executionId: string, retryOf?: string): IExecuteFunctions {
  return {
    getExecutionId: () => executionId,
    getMode: () => (retryOf ? 'retry' : 'webhook'),
    getWorkflow: () => ({ id: 'wf1', name: 'alerts', active: true }),
    getNode: () => ({ name: 'SMS Send' }),
    getWorkflowDataProxy: () => ({ $runIndex: 0 }),
    logger: { warn: () => undefined },
    additionalData: { hooks: retryOf ? { retryOf } : {} },
  } as unknown as IExecuteFunctions;
}

/** Sends two items (one recipient each, merged into one batch) through a counting gateway. */
async function run(journalFor: ((batch: ReturnType<typeof batchSends<number>>[number]) => SendJournal) | undefined, sent: string[]): Promise<SendResult[]> {
  const batches = batchSends([
    { owner: 0, request: { to: ['447700900001'], text: 'hi' } },
    { owner: 1, request: { to: ['447700900002'], text: 'hi' } },
  ]);
  expect(batches).toHaveLength(1);
  const batch = batches[0]!;
  return settleSend<string>({
    batches: batch.request.to,
    recipientsOf: (to) => [to],
    send: async (to) => {
      sent.push(to);
      return [{ to, accepted: true, state: 'queued', messageId: `id-${sent.length}`, parts: 1, encoding: 'gsm7', gateway: 'test' }];
    },
    base: { parts: 1, encoding: 'gsm7', gateway: 'test' },
    journal: journalFor?.(batch),
  });
}

it('one process, no idempotency key: no journal, nothing changes', async () => {
  expect(await executionSendJournals(contextOf('1'), new Map(), null)).toBeUndefined();
});

it('an idempotency key names the message across executions; an item without one is not journaled', async () => {
  const sent: string[] = [];
  // Process memory (no queue): only item 0 has a key.
  await run(await executionSendJournals(contextOf('1'), new Map([[0, 'alert-7']]), null), sent);
  const again = await run(await executionSendJournals(contextOf('2'), new Map([[0, 'alert-7']]), null), sent);
  expect(sent).toEqual(['447700900001', '447700900002', '447700900002']);
  expect(again.map((result) => result.replayed ?? false)).toEqual([true, false]);
});

it('queue mode with a Redis password file that cannot be read stops the send with an error that says which', async () => {
  const queue = journalStoreFromEnv({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_PASSWORD_FILE: '/nonexistent/redis-password' });
  expect(queue).toEqual({ problem: expect.stringMatching(/QUEUE_BULL_REDIS_PASSWORD_FILE \(\/nonexistent\/redis-password\) could not be read: no such file.*Nothing was sent/) });
  await expect(executionSendJournals(contextOf('1'), new Map(), queue)).rejects.toThrow(/QUEUE_BULL_REDIS_PASSWORD_FILE \(\/nonexistent\/redis-password\) could not be read: no such file/);
  expect(journalStoreFromEnv({ EXECUTIONS_MODE: 'regular' })).toBeNull();
  expect(journalStoreFromEnv({ EXECUTIONS_MODE: 'queue', SMSBRIDGE_SEND_JOURNAL: 'off' })).toBeNull();
  // A Redis cluster: no journal, said once in the log, and the send goes on as without one.
  const cluster = journalStoreFromEnv({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_CLUSTER_NODES: '10.0.0.1:6379,10.0.0.2:6379' });
  expect(cluster).toEqual({ off: expect.stringMatching(/no send journal with a Redis cluster/) });
  const warnings: string[] = [];
  const context = contextOf('1');
  (context as unknown as { logger: { warn(message: string): void } }).logger = { warn: (message) => warnings.push(message) };
  expect(await executionSendJournals(context, new Map(), cluster)).toBeUndefined();
  expect(await executionSendJournals(context, new Map(), cluster)).toBeUndefined();
  expect(warnings).toHaveLength(1);
});

it('in queue mode a retry, and a retry of that retry, find what the first execution sent', async () => {
  const store = new MemoryJournalStore();
  const sent: string[] = [];
  await run(await executionSendJournals(contextOf('10'), new Map(), { store }), sent);
  const retry = await run(await executionSendJournals(contextOf('11', '10'), new Map(), { store }), sent);
  const retryOfRetry = await run(await executionSendJournals(contextOf('12', '11'), new Map(), { store }), sent);
  expect(sent).toHaveLength(2);
  expect([...retry, ...retryOfRetry].every((result) => result.replayed)).toBe(true);
  // Another execution of the same workflow is another send.
  await run(await executionSendJournals(contextOf('13'), new Map(), { store }), sent);
  expect(sent).toHaveLength(4);
});
