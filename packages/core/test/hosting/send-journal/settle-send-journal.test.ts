/**
 * settleSend with a send journal: a send run again after its process died sends only what never
 * left, hands back what was sent, and says `unknown` for what was leaving when it stopped.
 */
import {
  GatewayRateLimitedError,
  GatewayRejectedError,
  GatewayTimeoutError,
  MemoryJournalStore,
  SEND_INTERRUPTED,
  SEND_IN_PROGRESS,
  SendJournalError,
  StoreSendJournal,
  settleSend,
  type JournalStore,
  type SendResult,
} from '../../../src';

const base = { parts: 1, encoding: 'gsm7' as const, gateway: 'test' };

/** A gateway that counts what it was sent, per recipient, and can be told to fail. */
class CountingGateway {
  readonly sent = new Map<string, number>();
  private nextId = 1;
  /** Called before a batch goes out; may throw like a gateway or a dying process would. */
  before: (recipients: readonly string[]) => void = () => undefined;

  send = async (recipients: readonly string[]): Promise<SendResult[]> => {
    await Promise.resolve();
    this.before(recipients);
    return recipients.map((to) => {
      this.sent.set(to, (this.sent.get(to) ?? 0) + 1);
      return { ...base, to, accepted: true, state: 'queued', messageId: `m${this.nextId++}` };
    });
  };
}

/** One send of single-recipient batches (Jasmin, Diafaan, the modem) through settleSend. */
function sendEach(gateway: CountingGateway, recipients: string[], journal?: StoreSendJournal): Promise<SendResult[]> {
  return settleSend<string>({ batches: recipients, recipientsOf: (to) => [to], send: (to) => gateway.send([to]), base, journal });
}

/** One send whose batches carry several recipients (Route Mobile, Dinstar). */
function sendGrouped(gateway: CountingGateway, groups: string[][], journal?: StoreSendJournal): Promise<SendResult[]> {
  return settleSend<string[]>({
    batches: groups,
    recipientsOf: (group) => group,
    narrow: (group, positions) => positions.map((position) => group[position]!),
    send: (group) => gateway.send(group),
    base,
    journal,
  });
}

const numbers = (count: number) => Array.from({ length: count }, (_, index) => `4477009000${String(index).padStart(2, '0')}`);

describe('settleSend with a send journal', () => {
  let store: MemoryJournalStore;
  const journal = (scope = 'send-1') => new StoreSendJournal(store, scope);
  beforeEach(() => {
    store = new MemoryJournalStore();
  });

  it('a second run of a finished send sends nothing and hands back the first run\'s ids', async () => {
    const gateway = new CountingGateway();
    const first = await sendEach(gateway, numbers(5), journal());
    const again = await sendEach(gateway, numbers(5), journal());
    expect([...gateway.sent.values()]).toEqual([1, 1, 1, 1, 1]);
    expect(again.map((result) => result.messageId)).toEqual(first.map((result) => result.messageId));
    expect(again.every((result) => result.replayed === true && result.accepted)).toBe(true);
    expect(first.some((result) => result.replayed)).toBe(false);
  });

  it('another scope is another send: the same numbers go out again', async () => {
    const gateway = new CountingGateway();
    await sendEach(gateway, numbers(3), journal('run-a'));
    await sendEach(gateway, numbers(3), journal('run-b'));
    expect([...gateway.sent.values()]).toEqual([2, 2, 2]);
  });

  it('a run cut off mid-send: the rerun sends only what never left, and the one leaving is unknown', async () => {
    const gateway = new CountingGateway();
    const recipients = numbers(10);
    // The process dies while the 5th request is on its way: the gateway took it, no answer came back.
    gateway.before = (batch) => {
      if (batch[0] === recipients[4]) {
        gateway.sent.set(batch[0]!, 1);
        throw new Error('worker killed');
      }
    };
    await expect(sendEach(gateway, recipients, journal())).rejects.toThrow('worker killed');
    expect(gateway.sent.size).toBe(5);
    gateway.before = () => undefined;

    const rerun = await sendEach(gateway, recipients, journal());
    expect(rerun.map((result) => result.to)).toEqual(recipients);
    expect(rerun.map((result) => result.state)).toEqual(['queued', 'queued', 'queued', 'queued', 'unknown', 'queued', 'queued', 'queued', 'queued', 'queued']);
    expect(rerun[4]).toMatchObject({ accepted: false, errorCode: SEND_INTERRUPTED, replayed: true });
    expect(rerun[4]!.errorMessage).toMatch(/may have gone out: it is not sent again/);
    expect(rerun.slice(0, 4).every((result) => result.replayed)).toBe(true);
    expect(rerun.slice(5).some((result) => result.replayed)).toBe(false);
    // Every number exactly once, the cut one included (it left in the first run).
    expect(recipients.map((to) => gateway.sent.get(to))).toEqual(Array(10).fill(1));
  });

  it('a batch of several recipients is narrowed to those an earlier run never sent', async () => {
    const gateway = new CountingGateway();
    const [a, b, c, d] = numbers(4);
    gateway.before = (batch) => {
      if (batch.includes(c!)) throw new GatewayRateLimitedError('throttled', { retryAfterMs: 1000 });
    };
    // Run 1 sent [a, b]; [c, d] was throttled (not sent) and released.
    const first = await sendGrouped(gateway, [[a!, b!], [c!, d!]], journal());
    expect(first.map((result) => result.state)).toEqual(['queued', 'queued', 'failed', 'failed']);
    gateway.before = () => undefined;
    // Run 2 groups them differently: one batch of four, which goes out as [c, d] only.
    const batches: string[][] = [];
    const spy = gateway.send;
    gateway.send = (group) => {
      batches.push([...group]);
      return spy(group);
    };
    const second = await sendGrouped(gateway, [[a!, b!, c!, d!]], journal());
    expect(batches).toEqual([[c, d]]);
    expect(second.map((result) => [result.to, result.state, result.replayed ?? false])).toEqual([
      [a, 'queued', true],
      [b, 'queued', true],
      [c, 'queued', false],
      [d, 'queued', false],
    ]);
    expect([a, b, c, d].map((to) => gateway.sent.get(to))).toEqual([1, 1, 1, 1]);
  });

  it('a recipient the gateway refused is not kept: a later run may send it; an unanswered one is kept as unknown', async () => {
    const gateway = new CountingGateway();
    const [refused, unanswered, fine] = numbers(3);
    gateway.before = ([to]) => {
      if (to === refused) throw new GatewayRejectedError('no route', 'no-route');
      if (to === unanswered) throw new GatewayTimeoutError('no answer within 10 s');
    };
    // The first recipient refused as a whole would throw (nothing reached the gateway): send it second.
    const first = await sendEach(gateway, [fine!, refused!, unanswered!], journal());
    expect(first.map((result) => result.state)).toEqual(['queued', 'failed', 'unknown']);
    gateway.before = () => undefined;
    const second = await sendEach(gateway, [fine!, refused!, unanswered!], journal());
    expect(second.map((result) => [result.state, result.replayed ?? false])).toEqual([
      ['queued', true],
      ['queued', false],
      ['unknown', true],
    ]);
    expect(second[2]!.errorCode).toBe('SMSB_GATEWAY_TIMEOUT');
  });

  it('a send that throws because nothing reached the gateway leaves nothing claimed', async () => {
    const gateway = new CountingGateway();
    gateway.before = () => {
      throw new GatewayRejectedError('wrong password', 'auth');
    };
    await expect(sendEach(gateway, numbers(2), journal())).rejects.toThrow('wrong password');
    gateway.before = () => undefined;
    const again = await sendEach(gateway, numbers(2), journal());
    expect(again.map((result) => [result.state, result.replayed ?? false])).toEqual([
      ['queued', false],
      ['queued', false],
    ]);
  });

  it('two runs at once: each recipient is sent by one of them, the other says unknown', async () => {
    const gateway = new CountingGateway();
    const recipients = numbers(6);
    const [one, two] = await Promise.all([sendEach(gateway, recipients, journal()), sendEach(gateway, recipients, journal())]);
    expect(recipients.map((to) => gateway.sent.get(to))).toEqual(Array(6).fill(1));
    recipients.forEach((_, index) => {
      const pair = [one[index]!, two[index]!];
      expect(pair.map((result) => result.state).sort()).toEqual(['queued', 'unknown']);
      const other = pair.find((result) => result.state === 'unknown')!;
      expect(other).toMatchObject({ errorCode: SEND_IN_PROGRESS, replayed: true, accepted: false });
      expect(other.errorMessage).toMatch(/right now: it is not sent twice/);
    });
  });

  it('the same number twice in one send is two recipients', async () => {
    const gateway = new CountingGateway();
    const [a] = numbers(1);
    await sendEach(gateway, [a!, a!], journal());
    const again = await sendEach(gateway, [a!, a!], journal());
    expect(gateway.sent.get(a!)).toBe(2);
    expect(again.every((result) => result.replayed)).toBe(true);
  });

  it('a journal that cannot be read stops the send before anything leaves', async () => {
    const gateway = new CountingGateway();
    const broken: JournalStore = {
      ...store,
      get: () => Promise.reject(new SendJournalError('The send journal in Redis at 127.0.0.1:1 could not be read (connect ECONNREFUSED).')),
      setIfAbsent: store.setIfAbsent.bind(store),
      set: store.set.bind(store),
      delete: store.delete.bind(store),
      close: store.close.bind(store),
    };
    await expect(sendEach(gateway, numbers(2), new StoreSendJournal(broken, 's'))).rejects.toMatchObject({ code: 'SMSB_SEND_JOURNAL', outcome: 'not-sent' });
    expect(gateway.sent.size).toBe(0);
  });

  it('a journal lost mid-send: what went out keeps its result, the rest is "Not sent"', async () => {
    const gateway = new CountingGateway();
    let claims = 0;
    const failing: JournalStore = {
      get: store.get.bind(store),
      setIfAbsent: (...args) => (++claims > 2 ? Promise.reject(new Error('Connection is closed.')) : store.setIfAbsent(...args)),
      set: store.set.bind(store),
      delete: store.delete.bind(store),
      close: store.close.bind(store),
    };
    const results = await sendEach(gateway, numbers(4), new StoreSendJournal(failing, 's'));
    expect(results.map((result) => result.state)).toEqual(['queued', 'queued', 'failed', 'failed']);
    expect(results[2]).toMatchObject({ errorCode: 'SMSB_SEND_JOURNAL' });
    expect(results[2]!.errorMessage).toMatch(/^Not sent: The send journal could not be written: Connection is closed\./);
    expect(gateway.sent.size).toBe(2);
  });

  it('an entry expires after its time to live', async () => {
    let now = 1_000_000;
    store = new MemoryJournalStore(() => now);
    const gateway = new CountingGateway();
    await sendEach(gateway, numbers(1), new StoreSendJournal(store, 's', 60));
    now += 61_000;
    await sendEach(gateway, numbers(1), new StoreSendJournal(store, 's', 60));
    expect([...gateway.sent.values()]).toEqual([2]);
  });

  it('without a journal nothing changes: every run sends', async () => {
    const gateway = new CountingGateway();
    await sendEach(gateway, numbers(2));
    await sendEach(gateway, numbers(2));
    expect([...gateway.sent.values()]).toEqual([2, 2]);
  });
});
