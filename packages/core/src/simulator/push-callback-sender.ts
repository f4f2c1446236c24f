import { Agent } from 'undici';
import { encodeParameters, type ParameterValues } from '../transport/query-string';

export interface PushCallback {
  url: string;
  method?: 'GET' | 'POST';
  /** Appended to the URL's own query string. */
  query?: ParameterValues;
  body?: string;
  headers?: Record<string, string>;
  /** Give up after this long (default 5 s, Diafaan's own limit). */
  timeoutMs?: number;
}

/** What happened to one push: the receiver's answer or the failure. */
export interface PushDelivery {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  status?: number;
  answer?: string;
  error?: string;
}

/**
 * Sends a simulator's outbound HTTP callbacks (delivery reports, received SMS) with its own undici
 * Agent — never the global one. Never throws: a receiver that is down is recorded in `deliveries`,
 * the way a gateway would log it.
 */
export class PushCallbackSender {
  readonly deliveries: PushDelivery[] = [];
  private readonly agent = new Agent({ keepAliveTimeout: 1_000, connect: { timeout: 5_000 } });
  private readonly inFlight = new Set<Promise<PushDelivery>>();
  private closed = false;

  /** Sends one callback; resolves when the receiver answered or failed. */
  send(callback: PushCallback): Promise<PushDelivery> {
    const method = callback.method ?? 'POST';
    const url = new URL(callback.url);
    const extra = encodeParameters(callback.query);
    if (extra) url.search = url.search ? `${url.search}&${extra}` : `?${extra}`;
    const record: PushDelivery = { url: url.toString(), method, body: callback.body };
    if (this.closed) {
      record.error = 'simulator stopped';
      return Promise.resolve(record);
    }
    const timeoutMs = callback.timeoutMs ?? 5_000;
    const run = (async () => {
      try {
        const response = await this.agent.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method,
          headers: callback.headers,
          body: callback.body,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        record.status = response.statusCode;
        record.answer = await response.body.text();
      } catch (error) {
        record.error = error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
      }
      this.deliveries.push(record);
      return record;
    })();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }

  /** Resolves once every callback sent so far has finished (for tests). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.agent.destroy();
    await Promise.allSettled([...this.inFlight]);
  }
}
