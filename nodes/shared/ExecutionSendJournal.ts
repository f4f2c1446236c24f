import { readFileSync } from 'node:fs';
import {
  DEFAULT_JOURNAL_TTL_SECONDS,
  MemoryJournalStore,
  RedisJournalStore,
  SendJournalError,
  StoreSendJournal,
  type JournalStore,
  type SendBatch,
  type SendJournal,
} from '@smsbridge/core';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * SMS Send's journal in n8n. A worker that dies mid-execution takes the execution's results with
 * it, and n8n marks the execution failed without running it again. Whatever runs the same send
 * again (the caller repeating its webhook with the same idempotency key, a retry of a failed
 * execution) finds in the journal which recipients were sent (handed back, not sent), which were
 * on their way (`unknown`, not sent) and which never left (sent now).
 *
 * In queue mode the journal lives in the queue's own Redis, which every worker reaches, and covers
 * every send. In one process it lives in memory until n8n restarts, and only for items with an
 * idempotency key.
 */

let queueStore: JournalStore | null | undefined;
let memoryStore: MemoryJournalStore | undefined;

/** The queue's Redis when this process runs in queue mode, else undefined. */
export function queueJournalStore(env: NodeJS.ProcessEnv = process.env): JournalStore | undefined {
  if (queueStore === undefined) queueStore = journalStoreFromEnv(env) ?? null;
  return queueStore ?? undefined;
}

/** For the queue-mode settings n8n reads (`QUEUE_BULL_REDIS_*`, each also as `…_FILE`). */
export function journalStoreFromEnv(env: NodeJS.ProcessEnv): JournalStore | undefined {
  if (env['EXECUTIONS_MODE'] !== 'queue' || env['SMSBRIDGE_SEND_JOURNAL'] === 'off') return undefined;
  const read = (name: string): string | undefined => {
    const file = env[`${name}_FILE`];
    if (file) {
      try {
        return readFileSync(file, 'utf8').trim();
      } catch (error) {
        throw new SendJournalError(`The send journal needs ${name}_FILE, which could not be read (${(error as Error).message}).`, { cause: error });
      }
    }
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const db = read('QUEUE_BULL_REDIS_DB');
  const username = read('QUEUE_BULL_REDIS_USERNAME');
  const password = read('QUEUE_BULL_REDIS_PASSWORD');
  return new RedisJournalStore({
    host: read('QUEUE_BULL_REDIS_HOST') ?? 'localhost',
    port: Number(read('QUEUE_BULL_REDIS_PORT') ?? 6379),
    ...(db !== undefined ? { db: Number(db) } : {}),
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    ...(read('QUEUE_BULL_REDIS_TLS') === 'true' ? { tls: true } : {}),
  });
}

/**
 * The journal of each batch the node sends in this run, or undefined when nothing is journaled.
 * A recipient is named by its item's idempotency key where the item has one, else by the run:
 * the first execution of the retry chain, the workflow, the node, its run index and the item.
 */
export async function executionSendJournals(
  context: IExecuteFunctions,
  idempotencyKeys: ReadonlyMap<number, string>,
  store: JournalStore | undefined = queueJournalStore(),
): Promise<((batch: SendBatch<number>) => SendJournal) | undefined> {
  const workflowId = context.getWorkflow().id ?? '';
  const node = context.getNode().name;
  const keyedScope = (key: string) => `key:${workflowId}:${node}:${key}`;
  if (!store) {
    if (idempotencyKeys.size === 0) return undefined;
    const memory = (memoryStore ??= new MemoryJournalStore());
    return (batch) =>
      new StoreSendJournal(memory, ({ position, to }) => {
        const key = idempotencyKeys.get(batch.ownerAt(position)!);
        return key === undefined ? undefined : `${keyedScope(key)}|${to}`;
      });
  }
  const runScope = `run:${workflowId}:${await firstExecutionOfRetries(context, store)}:${node}:${context.getWorkflowDataProxy(0).$runIndex as number}`;
  return (batch) =>
    new StoreSendJournal(store, ({ position, to }) => {
      const itemIndex = batch.ownerAt(position)!;
      const key = idempotencyKeys.get(itemIndex);
      return key === undefined ? `${runScope}:${itemIndex}|${to}` : `${keyedScope(key)}|${to}`;
    });
}

/** This execution's id, or for a retry the execution the chain of retries began with. */
async function firstExecutionOfRetries(context: IExecuteFunctions, store: JournalStore): Promise<string> {
  const executionId = context.getExecutionId();
  const retryOf = retryOfExecution(context);
  if (!retryOf) {
    if (context.getMode() === 'retry') context.logger.warn('SMS Send could not tell which execution this retry repeats: recipients the first run sent may be sent again.');
    return executionId;
  }
  const origin = (await store.get([`origin:${retryOf}`]))[0] ?? retryOf;
  // A retry of this retry finds the same first execution.
  await store.set([[`origin:${executionId}`, origin]], DEFAULT_JOURNAL_TTL_SECONDS);
  return origin;
}

/**
 * The execution a retry repeats. n8n keeps it on the run's lifecycle hooks, which the node API
 * does not expose: read defensively, absent on a first run (or should n8n move it).
 */
function retryOfExecution(context: IExecuteFunctions): string | undefined {
  const retryOf = (context as unknown as { additionalData?: { hooks?: { retryOf?: unknown } } }).additionalData?.hooks?.retryOf;
  return typeof retryOf === 'string' && retryOf !== '' ? retryOf : undefined;
}
