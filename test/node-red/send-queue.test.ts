import { ManualClock } from '@smsbridge/core/testing';
import { SendQueue } from '../../node-red/src/runtime/send-queue';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('SendQueue', () => {
  it('starts every send at once without a limit', async () => {
    const queue = new SendQueue(0, new ManualClock());
    const started: number[] = [];
    const never = new Promise<void>(() => undefined);
    void queue.run(1, () => (started.push(1), never));
    void queue.run(1, () => (started.push(2), never));
    await flush();
    expect(started).toEqual([1, 2]);
  });

  it('spaces sends by the rate, in arrival order, counting one message per recipient', async () => {
    const clock = new ManualClock();
    const queue = new SendQueue(60, clock);
    const started: string[] = [];
    const done = ['a', 'b', 'c'].map((name, index) => queue.run(index === 0 ? 2 : 1, async () => void started.push(`${name}@${clock.now() - 0}`)));
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
    expect(started.map((entry) => entry[0])).toEqual(['a', 'b', 'c']);
    expect(queue.waiting).toBe(0);
  });

  it('refuses what still waits when stopped, and nothing new after', async () => {
    const clock = new ManualClock();
    const queue = new SendQueue(1, clock);
    let sent = 0;
    await queue.run(1, async () => void (sent += 1));
    const waiting = queue.run(1, async () => void (sent += 1));
    queue.stop();
    await expect(waiting).rejects.toThrow(/closed.*not sent/);
    await expect(queue.run(1, async () => void (sent += 1))).rejects.toThrow(/not sent/);
    expect(sent).toBe(1);
  });
});

describe('SendQueue in-flight bound', () => {
  it('keeps at most maxInFlight sends under way and starts the next as one finishes, in order', async () => {
    const queue = new SendQueue(0, new ManualClock(), 2);
    const started: number[] = [];
    const finishers: (() => void)[] = [];
    const all = [1, 2, 3, 4].map((id) => queue.run(1, () => new Promise<void>((resolve) => {
      started.push(id);
      finishers.push(resolve);
    })));
    await flush();
    expect(started).toEqual([1, 2]);
    expect(queue.waiting).toBe(2);
    finishers[0]!();
    await flush();
    expect(started).toEqual([1, 2, 3]);
    finishers[1]!();
    finishers[2]!();
    await flush();
    finishers[3]!();
    await Promise.all(all);
    expect(started).toEqual([1, 2, 3, 4]);
  });
});
