import type { Dispatcher } from 'undici';
import type { HttpFailurePhase } from './http-failure';
import type { HttpResponse } from './http-transport';

type ResponseHeaders = Record<string, string | string[] | undefined>;

function flattenHeaders(headers: ResponseHeaders): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const name in headers) {
    const value = headers[name];
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function responseTooLarge(maxBytes: number): Error {
  return Object.assign(new Error(`response larger than ${maxBytes} bytes`), { code: 'SMSB_RESPONSE_TOO_LARGE' });
}

/**
 * One exchange as an undici dispatch handler: gathers the answer's bytes itself (no body stream)
 * and refuses one over `maxBytes` by its Content-Length or, when chunked, as the bytes arrive.
 * {@link timeout} is the whole-request timer's callback: it aborts the exchange wherever it is.
 * `done` settles once; whatever undici reports after that is ignored.
 */
export class UndiciResponseCollector implements Dispatcher.DispatchHandler {
  readonly done: Promise<HttpResponse>;
  /** `connecting` until undici starts writing the request on a connected socket. */
  phase: HttpFailurePhase = 'connecting';
  timedOut = false;
  private resolve!: (response: HttpResponse) => void;
  private reject!: (error: unknown) => void;
  private controller: Dispatcher.DispatchController | undefined;
  private failure: Error | undefined;
  private settled = false;
  private status = 0;
  private headers: Record<string, string | undefined> = {};
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly maxBytes: number) {
    this.done = new Promise<HttpResponse>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  /** The whole-request timer fired: the same reason an aborted AbortController gives. */
  readonly timeout = (): void => {
    if (this.settled) return;
    this.timedOut = true;
    this.fail(new DOMException('This operation was aborted', 'AbortError'));
  };

  onRequestStart(controller: Dispatcher.DispatchController): void {
    // Timed out while queued behind busy sockets: never send it.
    if (this.failure) {
      controller.abort(this.failure);
      return;
    }
    this.controller = controller;
    this.phase = 'awaiting-response';
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: ResponseHeaders): void {
    if (this.settled || statusCode < 200) return;
    this.phase = 'reading-body';
    this.status = statusCode;
    this.headers = flattenHeaders(headers);
    const length = this.headers['content-length'];
    if (length !== undefined && Number(length) > this.maxBytes) this.fail(responseTooLarge(this.maxBytes));
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      this.fail(responseTooLarge(this.maxBytes));
      return;
    }
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settled = true;
    const chunks = this.chunks;
    // Decoded only once whole, so a character split across chunks stays intact.
    const body = chunks.length === 0 ? '' : chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, this.size).toString('utf8');
    this.resolve({ status: this.status, headers: this.headers, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController | null, error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }

  private fail(error: Error): void {
    this.settled = true;
    this.failure = error;
    this.controller?.abort(error);
    this.reject(error);
  }
}
