import type { ContextStore } from './node-red-api';

/**
 * Where `sms in` keeps its inbox cursor: the global context, under the node's id, so a redeploy
 * (which wipes the node's own context) does not reach it, and in the store the user chose, so a
 * persistent store keeps it across restarts too.
 */
export class CursorStore {
  private readonly key: string;

  constructor(
    private readonly context: ContextStore,
    nodeId: string,
    private readonly store?: string,
  ) {
    this.key = `smsbridge_cursor_${nodeId.replace(/[^A-Za-z0-9_]/g, '_')}`;
  }

  load(): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      this.context.get(this.key, this.store, (error, value) => (error ? reject(error) : resolve(typeof value === 'string' ? value : undefined)));
    });
  }

  save(cursor: string | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      this.context.set(this.key, cursor, this.store, (error) => (error ? reject(error) : resolve()));
    });
  }
}
