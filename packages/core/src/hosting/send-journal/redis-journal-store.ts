import type { Redis, RedisOptions } from 'ioredis';
import { SendJournalError } from '../../errors/gateway-errors';
import type { JournalStore } from './journal-store';

export interface RedisJournalStoreOptions {
  host: string;
  port: number;
  db?: number;
  username?: string;
  password?: string;
  /** TLS to Redis: true for the system's trust store, or Node's TLS options. */
  tls?: boolean | RedisOptions['tls'];
  /** Prepended to every key (default `smsbridge:send-journal:`). */
  keyPrefix?: string;
  /** How long one command may take before the send stops (default 5 s). */
  timeoutMs?: number;
}

/**
 * The send journal in Redis, for hosts whose processes share one (n8n in queue mode). A command
 * fails within `timeoutMs` rather than waiting for Redis to come back, so a send never hangs on it.
 */
export class RedisJournalStore implements JournalStore {
  private client: Promise<Redis> | undefined;
  private readonly prefix: string;

  constructor(private readonly options: RedisJournalStoreOptions) {
    this.prefix = options.keyPrefix ?? 'smsbridge:send-journal:';
  }

  async get(keys: readonly string[]): Promise<(string | undefined)[]> {
    if (keys.length === 0) return [];
    const values = await this.run('read', (redis) => redis.mget(keys.map((key) => this.prefix + key)));
    return values.map((value) => value ?? undefined);
  }

  async setIfAbsent(keys: readonly string[], value: string, ttlSeconds: number): Promise<boolean[]> {
    if (keys.length === 0) return [];
    const answers = await this.run('write', async (redis) => {
      const pipeline = redis.pipeline();
      for (const key of keys) pipeline.set(this.prefix + key, value, 'EX', ttlSeconds, 'NX');
      return (await pipeline.exec()) ?? [];
    });
    return keys.map((_, index) => {
      const [error, answer] = answers[index] ?? [new Error('no answer')];
      if (error) throw this.failed('write', error);
      return answer === 'OK';
    });
  }

  async set(entries: readonly (readonly [string, string])[], ttlSeconds: number): Promise<void> {
    if (entries.length === 0) return;
    await this.run('write', async (redis) => {
      const pipeline = redis.pipeline();
      for (const [key, value] of entries) pipeline.set(this.prefix + key, value, 'EX', ttlSeconds);
      const answers = (await pipeline.exec()) ?? [];
      const error = answers.find(([failure]) => failure)?.[0];
      if (error) throw error;
    });
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.run('write', (redis) => redis.del(keys.map((key) => this.prefix + key)));
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    const redis = await client.catch(() => undefined);
    if (redis) await redis.quit().catch(() => redis.disconnect());
  }

  private async run<T>(what: 'read' | 'write', command: (redis: Redis) => Promise<T>): Promise<T> {
    try {
      return await command(await this.connect());
    } catch (error) {
      throw error instanceof SendJournalError ? error : this.failed(what, error);
    }
  }

  private connect(): Promise<Redis> {
    this.client ??= import('ioredis').then(({ Redis: RedisClient }) => {
      const { host, port, db, username, password, tls, timeoutMs = 5_000 } = this.options;
      const redis = new RedisClient({
        host,
        port,
        ...(db !== undefined ? { db } : {}),
        ...(username ? { username } : {}),
        ...(password ? { password } : {}),
        ...(tls ? { tls: tls === true ? {} : tls } : {}),
        connectTimeout: timeoutMs,
        commandTimeout: timeoutMs,
        maxRetriesPerRequest: 1,
        retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      });
      // Failures reach the commands; without a listener ioredis would print each one.
      redis.on('error', () => undefined);
      return redis;
    });
    return this.client;
  }

  private failed(what: 'read' | 'write', error: unknown): SendJournalError {
    const reason = error instanceof Error ? error.message : String(error);
    return new SendJournalError(
      `The send journal in Redis at ${this.options.host}:${this.options.port} could not be ${what === 'read' ? 'read' : 'written'} (${reason}). ` +
        'Nothing more was sent: check that Redis is up and reachable from this process.',
      { cause: error },
    );
  }
}
