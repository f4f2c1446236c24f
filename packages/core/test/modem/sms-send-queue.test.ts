import { AtEngine } from '../../src/modem/at/at-engine';
import { MessageReferenceRegistry } from '../../src/modem/sms/message-reference-registry';
import { SmsSendQueue } from '../../src/modem/sms/sms-send-queue';
import { ManualClock } from '../../src/testing/manual-clock';
import { ScriptedTransport } from './helpers/scripted-transport';

/** A modem that prompts for every AT+CMGS and confirms each PDU with the next reference. */
function promptingTransport() {
  let reference = 10;
  const transport = new ScriptedTransport((written, t) => {
    if (written.startsWith('AT+CMGS=')) queueMicrotask(() => t.push('\r\n> '));
    else if (written.endsWith('\x1a')) queueMicrotask(() => t.push(`\r\n+CMGS: ${reference++}\r\n\r\nOK\r\n`));
  });
  transport.isOpen = true;
  return transport;
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('SmsSendQueue', () => {
  it('keeps the configured gap between parts, on the injected clock', async () => {
    const clock = new ManualClock(0);
    const transport = promptingTransport();
    const references = new MessageReferenceRegistry();
    const queue = new SmsSendQueue({ clock, references, messagesPerMinute: 6 });
    queue.attach(new AtEngine(transport, { clock }));
    const sending = queue.send({ to: ['+447700900001', '+447700900002', '+447700900003'], text: 'rate limited' });
    await flush();
    const pdusWritten = () => transport.writes.filter((w) => w.endsWith('\x1a')).length;
    expect(pdusWritten()).toBe(1);
    clock.advance(9_999);
    await flush();
    expect(pdusWritten()).toBe(1);
    clock.advance(1);
    await flush();
    expect(pdusWritten()).toBe(2);
    clock.advance(10_000);
    await flush();
    const results = await sending;
    expect(results.map((r) => r.partIds)).toEqual([['10'], ['11'], ['12']]);
    expect(references.find(11, '+447700900002')).toMatchObject({ messageId: results[1]!.messageId, part: 1, parts: 1 });
    expect(references.find(11, '+447700900009')).toBeUndefined();
  });

  it('waits while detached and resumes on a new engine without resending', async () => {
    const clock = new ManualClock(0);
    const references = new MessageReferenceRegistry();
    const queue = new SmsSendQueue({ clock, references });
    const sending = queue.send({ to: ['+447700900001'], text: 'later' });
    await flush();
    expect(queue.pendingParts).toBe(1);
    const transport = promptingTransport();
    queue.attach(new AtEngine(transport, { clock }));
    await expect(sending).resolves.toMatchObject([{ accepted: true, partIds: ['10'] }]);
    expect(transport.writes.filter((w) => w.startsWith('AT+CMGS'))).toHaveLength(1);
  });

  it('reports text it cannot encode without touching the modem', async () => {
    const clock = new ManualClock(0);
    const queue = new SmsSendQueue({ clock, references: new MessageReferenceRegistry() });
    const [result] = await queue.send({ to: ['not a number'], text: 'x' });
    expect(result).toMatchObject({ accepted: false, state: 'failed', parts: 0 });
    expect(String(result!.errorCode)).toMatch(/^SMSB_CODEC_/);
  });
});
