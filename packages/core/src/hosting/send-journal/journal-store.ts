/**
 * A key-value store with expiry that every process of a host can reach (Redis for n8n in queue
 * mode; memory for one process). `setIfAbsent` must be atomic per key: two runs claiming the same
 * recipient at once must not both win.
 */
export interface JournalStore {
  get(keys: readonly string[]): Promise<(string | undefined)[]>;
  /** Sets each key to `value` unless it exists; true for each key this call set. */
  setIfAbsent(keys: readonly string[], value: string, ttlSeconds: number): Promise<boolean[]>;
  set(entries: readonly (readonly [string, string])[], ttlSeconds: number): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** A journal store in this process's memory: survives nothing but the run itself (tests, one process). */
export class MemoryJournalStore implements JournalStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private writes = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get(keys: readonly string[]): Promise<(string | undefined)[]> {
    return Promise.resolve(keys.map((key) => this.live(key)));
  }

  setIfAbsent(keys: readonly string[], value: string, ttlSeconds: number): Promise<boolean[]> {
    return Promise.resolve(
      keys.map((key) => {
        if (this.live(key) !== undefined) return false;
        this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
        return true;
      }),
    );
  }

  set(entries: readonly (readonly [string, string])[], ttlSeconds: number): Promise<void> {
    for (const [key, value] of entries) this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
    this.sweep();
    return Promise.resolve();
  }

  delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Drops expired entries now and then, so a long-lived process does not keep them all. */
  private sweep(): void {
    if (++this.writes % 1000 !== 0) return;
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  private live(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }
}
