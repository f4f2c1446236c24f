import type { HttpRequest, HttpResponse, HttpTransport } from '../../../src/transport/http-transport';

/** A transport handed to a client: counts what it was asked and notes whether the client closed it. */
export class CountingTransport implements HttpTransport {
  requests = 0;
  closed = false;
  constructor(private readonly inner: HttpTransport) {}
  request(request: HttpRequest): Promise<HttpResponse> {
    this.requests += 1;
    return this.inner.request(request);
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}
