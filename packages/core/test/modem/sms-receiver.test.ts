import { AtEngine } from '../../src/modem/at/at-engine';
import { ModemReentrantCallError, ModemTimeoutError } from '../../src/modem/modem-errors';
import { MessageReferenceRegistry } from '../../src/modem/sms/message-reference-registry';
import { SmsReceiver, type SmsReceiverOptions } from '../../src/modem/sms/sms-receiver';
import type { InboundMessage } from '../../src/model/inbound-message';
import { ManualClock } from '../../src/testing/manual-clock';
import { ScriptedTransport } from './helpers/scripted-transport';

const STORED_PDU = '07913366003051F5040B913366304381F900005180719120348004D4F29C0E';

/** A modem with one stored SMS-DELIVER in "SM" and an empty "SR"; `listing` false leaves AT+CMGL=4 unanswered. */
function storageTransport(listing = true) {
  let memory = 'SM';
  const transport = new ScriptedTransport((written, t) => {
    const reply = (text: string) => queueMicrotask(() => t.push(text));
    const selected = /^AT\+CPMS="(\w+)"/.exec(written);
    if (selected) memory = selected[1]!;
    if (written.startsWith('AT+CPMS?')) reply(`\r\n+CPMS: "${memory}",1,30,"SM",1,30,"SM",1,30\r\n\r\nOK\r\n`);
    else if (written.startsWith('AT+CMGL=4')) {
      if (listing) reply(memory === 'SM' ? `\r\n+CMGL: 0,0,,23\r\n${STORED_PDU}\r\n\r\nOK\r\n` : '\r\nOK\r\n');
    } else reply('\r\nOK\r\n');
  });
  transport.isOpen = true;
  return transport;
}

function receiver(clock: ManualClock, overrides: Partial<SmsReceiverOptions> = {}) {
  return new SmsReceiver({
    clock,
    references: new MessageReferenceRegistry(),
    deliver: async () => true,
    statusReport: async () => false,
    incomplete: () => undefined,
    error: () => undefined,
    ...overrides,
  });
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('SmsReceiver', () => {
  it('gives AT+CMGL=4 the configured listTimeoutMs, on the injected clock', async () => {
    const clock = new ManualClock(0);
    const transport = storageTransport(false);
    const sms = receiver(clock, { listTimeoutMs: 90_000 });
    sms.attach(new AtEngine(transport, { clock }), { messageService: 0, readStorage: 'SM' });
    const listing = sms.inbox(false);
    let settled = false;
    listing.catch(() => undefined).finally(() => (settled = true));
    await flush();
    expect(transport.writes.some((w) => w.startsWith('AT+CMGL=4'))).toBe(true);
    clock.advance(89_999);
    await flush();
    expect(settled).toBe(false);
    clock.advance(1);
    await expect(listing).rejects.toBeInstanceOf(ModemTimeoutError);
    await expect(listing).rejects.toMatchObject({ details: { command: 'AT+CMGL=4', timeoutMs: 90_000 } });
    sms.dispose();
  });

  it("refuses inbox()/sweep() from inside a 'message' handler at once instead of deadlocking", async () => {
    const clock = new ManualClock(0);
    const transport = storageTransport();
    const inner: Promise<unknown>[] = [];
    const delivered: InboundMessage[] = [];
    const sms: SmsReceiver = receiver(clock, {
      deliver: async (message) => {
        delivered.push(message);
        inner.push(sms.inbox(false), sms.sweep());
        await Promise.allSettled(inner);
        return true;
      },
    });
    sms.attach(new AtEngine(transport, { clock }), { messageService: 0, readStorage: 'SM' });
    await sms.sweep();
    expect(delivered).toHaveLength(1);
    for (const call of inner) {
      await expect(call).rejects.toBeInstanceOf(ModemReentrantCallError);
      await expect(call).rejects.toMatchObject({ code: 'SMSB_MODEM_REENTRANT_CALL', retryable: false });
    }
    await expect(inner[0]).rejects.toThrow("inbox()/sweep() was called from inside a 'message' handler");
    // Outside the handler the same call works.
    await expect(sms.inbox(false)).resolves.toHaveLength(1);
    sms.dispose();
  });

  describe('sweep of "SR", where modems file status reports', () => {
    const REPORT_PDU = '0791447758100650062A0C91447700091032423051410350404230514103904000';

    /**
     * A modem with an empty "SM" and one stored status report in "SR" ('reports'), or one that
     * refuses to select "SR" ('no-memory') or to list it ('no-listing').
     */
    function reportTransport(mode: 'reports' | 'no-memory' | 'no-listing') {
      let memory = 'SM';
      const reports = mode === 'reports' ? [REPORT_PDU] : [];
      const transport = new ScriptedTransport((written, t) => {
        const reply = (text: string) => queueMicrotask(() => t.push(text));
        const selected = /^AT\+CPMS="(\w+)"/.exec(written);
        if (selected && selected[1] === 'SR' && mode === 'no-memory') return reply('\r\n+CMS ERROR: 302\r\n');
        if (selected) memory = selected[1]!;
        if (written.startsWith('AT+CMGL=4') && memory === 'SR' && mode === 'no-listing') return reply('\r\n+CMS ERROR: 321\r\n');
        if (written.startsWith('AT+CPMS?')) reply(`\r\n+CPMS: "${memory}",0,30,"SM",0,30,"SM",0,30\r\n\r\nOK\r\n`);
        else if (written.startsWith('AT+CMGL=4')) reply(memory === 'SR' && reports.length > 0 ? `\r\n+CMGL: 3,1,,25\r\n${reports[0]}\r\n\r\nOK\r\n` : '\r\nOK\r\n');
        else if (written.startsWith('AT+CMGD=3') && memory === 'SR') {
          reports.length = 0;
          reply('\r\nOK\r\n');
        } else reply('\r\nOK\r\n');
      });
      transport.isOpen = true;
      return { transport, reports };
    }

    it('hands on a report stored while nobody listened, then deletes it', async () => {
      const clock = new ManualClock(0);
      const { transport, reports } = reportTransport('reports');
      const seen: unknown[] = [];
      const sms = receiver(clock, {
        statusReport: async (status) => {
          seen.push(status);
          return true;
        },
      });
      sms.attach(new AtEngine(transport, { clock }), { messageService: 0, readStorage: 'SM' });
      await sms.sweep();
      expect(seen).toEqual([expect.objectContaining({ state: 'delivered', messageId: 'mr-42', to: '+447700900123', rawStatus: 0 })]);
      expect(reports).toHaveLength(0);
      expect(transport.writes.filter((w) => w.startsWith('AT+CPMS="SR"'))).toHaveLength(1);
      sms.dispose();
    });

    it.each(['no-memory', 'no-listing'] as const)('asks a modem that refuses "SR" (%s) once per session, then sweeps its read memory alone', async (mode) => {
      const clock = new ManualClock(0);
      const { transport } = reportTransport(mode);
      const errors: unknown[] = [];
      const sms = receiver(clock, { error: (error) => errors.push(error) });
      sms.attach(new AtEngine(transport, { clock }), { messageService: 0, readStorage: 'SM' });
      await sms.sweep();
      await sms.sweep();
      expect(transport.writes.filter((w) => w.startsWith('AT+CPMS="SR"'))).toHaveLength(1);
      expect(transport.writes.filter((w) => w.startsWith('AT+CMGL=4'))).toHaveLength(mode === 'no-listing' ? 3 : 2);
      expect(errors).toEqual([]);
      sms.dispose();
    });
  });
});
