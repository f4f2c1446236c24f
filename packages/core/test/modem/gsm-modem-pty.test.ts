/**
 * The driver over the REAL `serialport` package, talking to the virtual modem through a socat
 * pseudo-terminal — the path a USB modem's /dev/ttyUSBn would take.
 */
import { decodePdu } from '../../src/codec/pdu/decode-pdu';
import type { DeliveryStatus } from '../../src/model/delivery-status';
import type { InboundMessage } from '../../src/model/inbound-message';
import { GsmModem } from '../../src/modem/gsm-modem';
import type { GsmModemState } from '../../src/modem/gsm-modem-events';
import { startVirtualModemOnPty, type PtyVirtualModem } from '../../src/modem/virtual/pty-virtual-modem';
import { waitUntil } from './helpers/wait-until';

describe('GsmModem over serialport on a pty', () => {
  let pty: PtyVirtualModem | undefined;
  let modem: GsmModem | undefined;
  afterEach(async () => {
    await modem?.close();
    modem = undefined;
    await pty?.close();
    pty = undefined;
  });

  it('starts, sends single, multipart and Unicode messages, and matches status reports', async () => {
    pty = await startVirtualModemOnPty({ profile: 'quectel', network: { deliveryDelayMs: 5 } });
    modem = new GsmModem({ port: pty.path, reconnect: false });
    const reports: DeliveryStatus[] = [];
    modem.on('status-report', (s) => reports.push(s));
    await modem.start();
    await expect(modem.info()).resolves.toMatchObject({ manufacturer: 'Quectel', iccid: '89490200001234567890' });

    const long = 'A long message over a real serial port. '.repeat(6);
    const results = [
      ...(await modem.send({ to: ['+447700900123'], text: 'short', statusReport: true })),
      ...(await modem.send({ to: ['+447700900124'], text: long })),
      ...(await modem.send({ to: ['+447700900125'], text: 'Grüße, 你好' })),
    ];
    expect(results.map((r) => [r.accepted, r.parts, r.encoding])).toEqual([
      [true, 1, 'gsm7'],
      [true, 2, 'gsm7'],
      [true, 1, 'ucs2'],
    ]);
    const submitted = pty.modem.submitted.map((s) => decodePdu(s.pdu));
    expect(submitted.map((s) => s.text)).toEqual(['short', long.slice(0, 153), long.slice(153), 'Grüße, 你好']);
    await waitUntil(() => reports.length === 1, 'the status report arrived');
    expect(reports[0]).toMatchObject({ state: 'delivered', messageId: results[0]!.messageId });
  });

  it('receives by indication and answers USSD', async () => {
    pty = await startVirtualModemOnPty({ profile: 'simcom', ussdMenu: { '*100#': 'Balance 1.00' }, ussd: { replyDelayMs: 5 } });
    modem = new GsmModem({ port: pty.path, reconnect: false });
    const received: InboundMessage[] = [];
    modem.on('message', (m) => {
      received.push(m);
    });
    await modem.start();
    pty.modem.injectSms({ from: '+447700900555', text: 'Over the pty', partOrder: [1] });
    await waitUntil(() => received.length === 1, 'the message arrived');
    expect(received[0]!.text).toBe('Over the pty');
    await expect(modem.ussd('*100#')).resolves.toMatchObject({ reply: 'Balance 1.00', awaitingInput: false });
  });

  it('finds the modem again by serial number after an unplug under a new name, nothing lost or doubled', async () => {
    pty = await startVirtualModemOnPty({ profile: 'simcom' });
    const current = pty;
    const lister = async () => [{ path: current.path, serialNumber: 'VM-0001', vendorId: '1e0e', productId: '9001' }];
    modem = new GsmModem({ port: 'VM-0001', lister, reconnect: { initialDelayMs: 20, maxDelayMs: 50 }, minGapMs: 30 });
    const states: GsmModemState[] = [];
    modem.on('state', (s) => states.push(s));
    await modem.start();
    const recipients = ['+447700900001', '+447700900002', '+447700900003', '+447700900004'];
    const sending = modem.send({ to: recipients, text: 'queued across an unplug' });
    await waitUntil(() => current.modem.submitted.length >= 1, 'the first message went out');
    await current.vanish();
    await waitUntil(() => states.some((s) => s.connection === 'reconnecting'), 'the unplug was noticed', 3000);
    await current.reappear('modem-renamed');
    const results = await sending;
    // A part in flight at the unplug may be 'unknown' (never resent); every other one went out once.
    const submitted = current.modem.submitted.map((s) => s.destination);
    expect(new Set(submitted).size).toBe(submitted.length);
    for (const result of results) {
      if (result.state === 'sent') expect(submitted).toContain(result.to);
      else expect(result.state).toBe('unknown');
    }
    expect(results.filter((r) => r.state === 'sent').length).toBeGreaterThanOrEqual(3);
    expect(current.path).toMatch(/modem-renamed$/);
    expect(modem.state.connection).toBe('ready');
  });
});
