/** The bridge journal on disk: replay after a restart, a torn last line, compaction, one bridge per folder. */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BridgeJournal } from '../../src/bridge/bridge-journal';
import { InvalidRequestError } from '../../src/errors';
import type { InboundMessage } from '../../src/model';

const message = (text: string): InboundMessage => ({ id: 'SM:1', from: '+447700900555', text, gateway: 'modem' });

describe('BridgeJournal', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'smsbridge-journal-test-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps inbound messages until acknowledged, across reopening, under the same ids', async () => {
    const journal = await BridgeJournal.open(directory);
    const first = await journal.addInbound(message('one'), 'fp-1', []);
    await journal.addInbound(message('two'), 'fp-2', []);
    await journal.close();

    const reopened = await BridgeJournal.open(directory);
    expect(reopened.epoch).toBe(journal.epoch);
    expect(reopened.inbox().map((event) => [event.id, event.inbound!.text])).toEqual([
      [first.id, 'one'],
      [`${journal.epoch}-2`, 'two'],
    ]);
    expect(await reopened.acknowledge([first.id, first.id, 'ffff-9'])).toBe(1);
    await reopened.close();

    const third = await BridgeJournal.open(directory);
    expect(third.inbox().map((event) => event.inbound!.text)).toEqual(['two']);
    // An acknowledged message's fingerprint is remembered: the SIM offering it again adds nothing.
    expect(third.hasFingerprint('fp-1')).toBe(true);
    const next = await third.addInbound(message('three'), 'fp-3', []);
    expect(next.seq).toBe(3);
    await third.close();
  });

  it('ignores a torn last line (a crash mid-append) and refuses a damaged middle line', async () => {
    const journal = await BridgeJournal.open(directory);
    await journal.addInbound(message('whole'), 'fp-1', []);
    await journal.close();
    const file = join(directory, 'journal.jsonl');
    appendFileSync(file, '{"t":"event","seq":9,"kind":"inb');
    const reopened = await BridgeJournal.open(directory);
    expect(reopened.inbox().map((event) => event.inbound!.text)).toEqual(['whole']);
    await reopened.close();
    // Compaction on open rewrote the file without the torn line.
    expect(readFileSync(file, 'utf8')).not.toContain('"seq":9');

    appendFileSync(file, 'not json\n{"t":"ack","seqs":[1]}\n');
    await expect(BridgeJournal.open(directory)).rejects.toThrow(/damaged at line/);
    // The refused open left no lock behind.
    expect(existsSync(join(directory, 'journal.lock'))).toBe(false);
  });

  it('owes an event to each push target until it answered, and ends it then', async () => {
    const journal = await BridgeJournal.open(directory, { targets: ['a', 'b'] });
    const event = await journal.addInbound(message('pushed'), 'fp-1', ['a', 'b']);
    expect(journal.owedTo('a').map((owed) => owed.id)).toEqual([event.id]);
    await journal.pushed(event.seq, 'a');
    expect(journal.owedTo('a')).toEqual([]);
    expect(journal.inbox()).toHaveLength(1);
    await journal.close();

    // Restarted with only "b" configured... and "b" answers: the message is done and leaves the inbox.
    const reopened = await BridgeJournal.open(directory, { targets: ['b'] });
    expect(reopened.owedTo('b').map((owed) => owed.id)).toEqual([event.id]);
    await reopened.pushed(event.seq, 'b');
    expect(reopened.inbox()).toEqual([]);
    await reopened.close();
  });

  it('compacts: ended events do not pile up in the file', async () => {
    const journal = await BridgeJournal.open(directory, { compactAfterLines: 50 });
    for (let i = 0; i < 200; i++) {
      const event = await journal.addInbound(message(`message ${i}`), `fp-${i}`, []);
      await journal.acknowledge([event.id]);
    }
    const size = statSync(join(directory, 'journal.jsonl')).size;
    await journal.close();
    // 400 lines of events and acks would be far more; what is left is the head, fingerprints and the lines since the last compaction.
    expect(size).toBeLessThan(20_000);
    const reopened = await BridgeJournal.open(directory);
    expect(reopened.inbox()).toEqual([]);
    await reopened.close();
  });

  it('lets one bridge at a time use a folder', async () => {
    const journal = await BridgeJournal.open(directory);
    await expect(BridgeJournal.open(directory)).rejects.toBeInstanceOf(InvalidRequestError);
    await journal.close();
    const again = await BridgeJournal.open(directory);
    await again.close();
  });

  it('keeps the latest status of each sent message for queries by id', async () => {
    const journal = await BridgeJournal.open(directory);
    await journal.recordStatuses([{ state: 'sent', messageId: '1.x-1', rawStatus: 'sent', gateway: 'modembridge' }]);
    await journal.addStatus({ state: 'delivered', messageId: '1.x-1', rawStatus: 0, gateway: 'modembridge' }, []);
    await journal.close();
    const reopened = await BridgeJournal.open(directory);
    expect(reopened.statusOf('1.x-1')).toMatchObject({ state: 'delivered' });
    await reopened.close();
  });
});
