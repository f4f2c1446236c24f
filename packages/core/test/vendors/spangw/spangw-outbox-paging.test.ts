import type { HttpRequest, HttpResponse, HttpTransport } from '../../../src/transport/http-transport';
import * as spangw from '../../../src/vendors/spangw';

const { SpangwClient } = spangw;

/** Answers `/smsoutbox/get` with the page the script holds for `current_page`. */
class OutboxPages implements HttpTransport {
  readonly pagesAsked: number[] = [];
  constructor(private readonly page: (number: number) => unknown[]) {}
  async request(request: HttpRequest): Promise<HttpResponse> {
    const number = (JSON.parse(request.body!) as { current_page: number }).current_page;
    this.pagesAsked.push(number);
    return { status: 200, headers: { 'content-type': 'text/html' }, body: JSON.stringify({ uri: request.path, code: 0, msg: '', data: this.page(number) }) };
  }
  async close(): Promise<void> {}
}

const entry = (index: number) => ({ port_name: 'gsm-1.1', phonenumber: `+4477009000${index}`, time: '2024-03-26 14:05:09', message: `m${index}`, status: 'SENT' });

describe('SpangwClient outbox paging', () => {
  it('stops at a short page', async () => {
    const transport = new OutboxPages((page) => (page === 1 ? [entry(1), entry(2)] : page === 2 ? [entry(3)] : []));
    expect(await new SpangwClient({ transport, username: 'u', password: 'p' }).api.listOutbox()).toHaveLength(3);
    expect(transport.pagesAsked).toEqual([1, 2]);
  });

  it('stops when the gateway repeats its last page past the end', async () => {
    const transport = new OutboxPages((page) => (page === 1 ? [entry(1), entry(2)] : [entry(3), entry(4)]));
    const entries = await new SpangwClient({ transport, username: 'u', password: 'p' }).api.listOutbox();
    expect(entries.map((item) => item.message)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(transport.pagesAsked).toEqual([1, 2, 3]);
  });

  it('never reads more than maxOutboxPages', async () => {
    const transport = new OutboxPages((page) => [entry(page * 2), entry(page * 2 + 1)]);
    await new SpangwClient({ transport, username: 'u', password: 'p', maxOutboxPages: 4 }).api.listOutbox();
    expect(transport.pagesAsked).toEqual([1, 2, 3, 4]);
  });
});
