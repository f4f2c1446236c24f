import type { SendRequest, SendResult } from '@smsbridge/core';
import { ManualClock } from '@smsbridge/core/testing';
import { SendQueue } from '../../node-red/src/runtime/send-queue';

const flush = () => new Promise((resolve) => setImmediate(resolve));
const request = (to: string[], text = 'hello'): SendRequest => ({ to, text });
const accepted = (sent: SendRequest): SendResult[] =>
  sent.to.map((to) => ({ to, accepted: true, messageId: `id-${to}`, parts: 1, encoding: 'gsm7', state: 'sent', gateway: 'jasmin' }));

/** A gateway whose answers the test releases one request at a time. */
function heldGateway() {
  const requests: SendRequest[] = [];
  const answers: (() => void)[] = [];
  const send = (sent: SendRequest) =>
    new Promise<SendResult[]>((resolve) => {
      requests.push(sent);
      answers.push(() => resolve(accepted(sent)));
    });
  return { requests, send, answerNext: () => answers.shift()!() };
}

describe('SendQueue', () => {
  it('starts every send at once without a limit', async () => {
    const queue = new SendQueue(0, new ManualClock());
    const gateway = heldGateway();
    void queue.send(request(['+441'], 'a'), gateway.send);
    void queue.send(request(['+442'], 'b'), gateway.send);
    await flush();
    expect(gateway.requests.map((sent) => sent.text)).toEqual(['a', 'b']);
  });

  it('spaces sends by the rate, in arrival order, counting one message per recipient', async () => {
    const clock = new ManualClock();
    const queue = new SendQueue(60, clock);
    const started: string[] = [];
    const send = async (sent: SendRequest) => (started.push(sent.text), accepted(sent));
    const done = [request(['+441', '+442'], 'a'), request(['+443'], 'b'), request(['+444'], 'c')].map((each) => queue.send(each, send));
    await flush();
    expect(started).toHaveLength(1);
    expect(queue.waiting).toBe(2);
    clock.advance(1_999);
    await flush();
    expect(started).toHaveLength(1);
    clock.advance(1);
    await flush();
    expect(started).toHaveLength(2);
    clock.advance(1_000);
    await Promise.all(done);
    expect(started).toEqual(['a', 'b', 'c']);
    expect(queue.waiting).toBe(0);
  });

  it('refuses what still waits when stopped, and nothing new after', async () => {
    const clock = new ManualClock();
    const queue = new SendQueue(1, clock);
    let sent = 0;
    const send = async (each: SendRequest) => ((sent += 1), accepted(each));
    await queue.send(request(['+441']), send);
    const waiting = queue.send(request(['+442']), send);
    queue.stop();
    await expect(waiting).rejects.toThrow(/closed.*not sent/);
    await expect(queue.send(request(['+443']), send)).rejects.toThrow(/not sent/);
    expect(sent).toBe(1);
  });
});

describe('SendQueue in-flight bound and merging', () => {
  it('keeps at most maxInFlight requests under way and starts the next as one finishes, in order', async () => {
    const queue = new SendQueue(0, new ManualClock(), 2);
    const gateway = heldGateway();
    const all = ['a', 'b', 'c', 'd'].map((text, index) => queue.send(request([`+44${index}`], text), gateway.send));
    await flush();
    expect(gateway.requests.map((sent) => sent.text)).toEqual(['a', 'b']);
    expect(queue.waiting).toBe(2);
    gateway.answerNext();
    await flush();
    expect(gateway.requests.map((sent) => sent.text)).toEqual(['a', 'b', 'c']);
    gateway.answerNext();
    gateway.answerNext();
    await flush();
    gateway.answerNext();
    await Promise.all(all);
    expect(gateway.requests.map((sent) => sent.text)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sends waiting messages with the same text as one request and gives each caller only its own results', async () => {
    const queue = new SendQueue(0, new ManualClock(), 1);
    const gateway = heldGateway();
    const sizes: number[] = [];
    const first = queue.send(request(['+440']), gateway.send);
    const merged = [['+441'], ['+442', '+443'], ['+444']].map((to) => queue.send(request(to), gateway.send, (recipients) => sizes.push(recipients)));
    const other = queue.send(request(['+445'], 'another text'), gateway.send);
    await flush();
    expect(gateway.requests).toHaveLength(1);
    gateway.answerNext();
    await flush();
    expect(gateway.requests[1]!.to).toEqual(['+441', '+442', '+443', '+444']);
    gateway.answerNext();
    await flush();
    gateway.answerNext();
    expect((await first).map((result) => result.to)).toEqual(['+440']);
    expect(await Promise.all(merged.map(async (each) => (await each).map((result) => result.messageId)))).toEqual([['id-+441'], ['id-+442', 'id-+443'], ['id-+444']]);
    expect((await other).map((result) => result.to)).toEqual(['+445']);
    expect(sizes).toEqual([4, 4, 4]);
    expect(gateway.requests).toHaveLength(3);
  });

  it('fails every message of a merged request that failed as a whole, and sends none of them again', async () => {
    const queue = new SendQueue(0, new ManualClock(), 1);
    const gateway = heldGateway();
    const first = queue.send(request(['+440']), gateway.send);
    let calls = 0;
    const refused = (_sent: SendRequest) => ((calls += 1), Promise.reject(new Error('connection refused')));
    const both = [queue.send(request(['+441']), refused), queue.send(request(['+442']), refused)];
    gateway.answerNext();
    await first;
    for (const each of both) await expect(each).rejects.toThrow('connection refused');
    expect(calls).toBe(1);
  });
});
