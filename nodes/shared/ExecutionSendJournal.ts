import { readFileSync } from 'node:fs';
import {
  DEFAULT_JOURNAL_TTL_SECONDS,
  MemoryJournalStore,
  RedisJournalStore,
  StoreSendJournal,
  type JournalStore,
  type SendBatch,
  type SendJournal,
} from '@smsbridge/core';
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

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

/**
 * The queue's Redis of this process, or why it cannot be reached, or why there is no journal
 * (`off`); null outside queue mode.
 */
type QueueStore = { store: JournalStore } | { problem: string } | { off: string } | null;
let queueStore: QueueStore | undefined;
let memoryStore: MemoryJournalStore | undefined;
let warnedOff = false;

/** The queue's Redis when this process runs in queue mode (read once), else null. */
export function queueJournalStore(env: NodeJS.ProcessEnv = process.env): QueueStore {
  queueStore ??= journalStoreFromEnv(env);
  return queueStore;
}

/** For the queue-mode settings n8n reads (`QUEUE_BULL_REDIS_*`, each also as `…_FILE`). */
export function journalStoreFromEnv(env: NodeJS.ProcessEnv): QueueStore {
  if (env['EXECUTIONS_MODE'] !== 'queue' || env['SMSBRIDGE_SEND_JOURNAL'] === 'off') return null;
  // A Redis cluster spreads keys over nodes, which the journal's multi-key reads do not handle yet.
  if (env['QUEUE_BULL_REDIS_CLUSTER_NODES']) {
    return { off: 'SMS Send keeps no send journal with a Redis cluster (QUEUE_BULL_REDIS_CLUSTER_NODES): a send repeated after a worker died may reach some recipients twice.' };
  }
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const file = env[`${name}_FILE`];
    if (file) {
      try {
        return readFileSync(file, 'utf8').trim();
      } catch (error) {
        // In words: n8n replaces a message that names a system error code with its own generic one.
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'unreadable';
        problems.push(`${name}_FILE (${file}) could not be read: ${why}`);
        return undefined;
      }
    }
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const host = read('QUEUE_BULL_REDIS_HOST') ?? 'localhost';
  const port = Number(read('QUEUE_BULL_REDIS_PORT') ?? 6379);
  const db = read('QUEUE_BULL_REDIS_DB');
  const username = read('QUEUE_BULL_REDIS_USERNAME');
  const password = read('QUEUE_BULL_REDIS_PASSWORD');
  const tls = read('QUEUE_BULL_REDIS_TLS') === 'true';
  if (problems.length > 0) return { problem: `SMS Send's journal lives in the queue's Redis, but ${problems.join('; ')}. Nothing was sent.` };
  return {
    store: new RedisJournalStore({
      host,
      port,
      ...(db !== undefined ? { db: Number(db) } : {}),
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(tls ? { tls: true } : {}),
    }),
  };
}

/**
 * The journal of each batch the node sends in this run, or undefined when nothing is journaled.
 * A recipient is named by its item's idempotency key where the item has one, else by the run:
 * the first execution of the retry chain, the workflow, the node, its run index and the item.
 */
export async function executionSendJournals(
  context: IExecuteFunctions,
  idempotencyKeys: ReadonlyMap<number, string>,
  queue: QueueStore = queueJournalStore(),
): Promise<((batch: SendBatch<number>) => SendJournal) | undefined> {
  if (queue && 'problem' in queue) throw new NodeOperationError(context.getNode(), queue.problem);
  if (queue && 'off' in queue && !warnedOff) {
    warnedOff = true;
    context.logger.warn(queue.off);
  }
  const store = queue && 'store' in queue ? queue.store : undefined;
  const workflowId = context.getWorkflow().id ?? '';
  const node = context.getNode().name;
  if (!store && idempotencyKeys.size === 0) return undefined;
  // Without the queue's Redis, only keyed items are journaled (in memory): a run has no other run to meet.
  const runScope = store ? `run:${workflowId}:${await firstExecutionOfRetries(context, store)}:${node}:${context.getWorkflowDataProxy(0).$runIndex as number}` : undefined;
  const journalStore = store ?? (memoryStore ??= new MemoryJournalStore());
  return (batch) =>
    new StoreSendJournal(journalStore, ({ position, to }) => {
      const itemIndex = batch.ownerAt(position)!;
      const key = idempotencyKeys.get(itemIndex);
      if (key !== undefined) return `key:${workflowId}:${node}:${key}|${to}`;
      return runScope === undefined ? undefined : `${runScope}:${itemIndex}|${to}`;
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
