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
    modem.on('status-report', (s) => void reports.push(s));
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

  it('takes direct deliveries (+CMT) on a Quectel with CSMS=1, acknowledging each with +CNMA, and direct status reports (+CDS)', async () => {
    pty = await startVirtualModemOnPty({ profile: 'quectel', network: { deliveryDelayMs: 5 } });
    modem = new GsmModem({ port: pty.path, reconnect: false, delivery: 'direct', messageService: 1 });
    const received: InboundMessage[] = [];
    const reports: DeliveryStatus[] = [];
    modem.on('message', (m) => {
      received.push(m);
    });
    modem.on('status-report', (s) => void reports.push(s));
    await modem.start();
    pty.modem.injectSms({ from: '+447700900555', text: 'Direct over the pty' });
    await waitUntil(() => received.length === 1, 'the direct message arrived');
    expect(received[0]).toMatchObject({ from: '+447700900555', text: 'Direct over the pty' });
    await waitUntil(() => pty!.modem.commandLog.filter((c) => c === '+CNMA').length === 1, 'the message was acknowledged');
    expect(pty.modem.storage('SM').indexes()).toHaveLength(0); // routed, never stored

    const [result] = await modem.send({ to: ['+447700900123'], text: 'report me directly', statusReport: true });
    await waitUntil(() => reports.length === 1, 'the +CDS report arrived');
    expect(reports[0]).toMatchObject({ state: 'delivered', messageId: result!.messageId });
    await waitUntil(() => pty!.modem.commandLog.filter((c) => c === '+CNMA').length === 2, 'the report was acknowledged');
    expect(pty.modem.storage('SR').indexes()).toHaveLength(0);
    expect(received).toHaveLength(1);
  });

  it('sweeps messages stored before start-up: each handed on once, then deleted; a failing one stays stored', async () => {
    pty = await startVirtualModemOnPty({ profile: 'simcom' });
    // They arrive while no driver has the port open.
    pty.modem.injectSms({ from: '+447700900551', text: 'While you were away' });
    pty.modem.injectSms({ from: '+447700900552', text: 'Stored and long. '.repeat(12) });
    pty.modem.injectSms({ from: '+447700900553', text: 'Poison' });
    expect(pty.modem.storage('SM').indexes()).toHaveLength(4); // 1 + 2 parts + 1
    modem = new GsmModem({ port: pty.path, reconnect: false });
    const received: InboundMessage[] = [];
    const errors: unknown[] = [];
    modem.on('error', (e) => errors.push(e));
    modem.on('message', async (m) => {
      received.push(m);
      if (m.text === 'Poison') throw new Error('consumer refuses this one');
    });
    await modem.start();
    await waitUntil(() => received.length === 3 && errors.length >= 1 && pty!.modem.storage('SM').indexes().length === 1, 'the sweep finished');
    expect(received.map((m) => [m.from, m.text]).sort()).toEqual([
      ['+447700900551', 'While you were away'],
      ['+447700900552', 'Stored and long. '.repeat(12)],
      ['+447700900553', 'Poison'],
    ]);
    const [left] = pty.modem.storage('SM').indexes();
    expect(decodePdu(pty.modem.storage('SM').get(left!)!.pdu).text).toBe('Poison');
    // inbox() queues behind all receiver work (a stray +CMTI read included): nothing was handed on twice.
    await expect(modem.inbox()).resolves.toMatchObject([{ text: 'Poison' }]);
    expect(received).toHaveLength(3);
  });

  it('reassembles a three-part message arriving 3, 1, 2 and deletes its parts only after the handler resolved', async () => {
    pty = await startVirtualModemOnPty({ profile: 'simcom' });
    modem = new GsmModem({ port: pty.path, reconnect: false });
    const received: InboundMessage[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    modem.on('message', async (m) => {
      received.push(m);
      await released;
    });
    await modem.start();
    const text = 'Part of a long story told over a serial line. '.repeat(9); // 423 GSM-7 characters: 3 parts
    expect(pty.modem.injectSms({ from: '+447700900555', text, partOrder: [3, 1, 2] })).toHaveLength(3);
    await waitUntil(() => received.length === 1, 'the reassembled message was handed on');
    expect(received[0]).toMatchObject({ from: '+447700900555', text });
    // The handler has not resolved yet: after a round trip over the port, all three parts are still stored.
    // (Not `inbox()`: receiver work runs one task at a time, so it would queue behind this handler.)
    await modem.info();
    expect(pty.modem.storage('SM').indexes()).toHaveLength(3);
    release();
    await waitUntil(() => pty!.modem.storage('SM').indexes().length === 0, 'the three parts were deleted');
    expect(received).toHaveLength(1);
  });

  it('finds the modem again by serial number after an unplug under a new name, nothing lost or doubled', async () => {
    pty = await startVirtualModemOnPty({ profile: 'simcom' });
    const current = pty;
    const lister = async () => [{ path: current.path, serialNumber: 'VM-0001', vendorId: '1e0e', productId: '9001' }];
    // When the hangup lands while serialport has a read in flight, @serialport/bindings-cpp spins on
    // 0-byte reads of the hung-up pty and never reports 'close'; the transport's hang-up check (the
    // device path is gone) reports it within a second. Short timeouts are the fallback should that miss;
    // the start-up sweep is off so its AT+CMGL=4 (listTimeoutMs, 30 s) cannot hold the queue.
    modem = new GsmModem({
      port: 'VM-0001',
      lister,
      reconnect: { initialDelayMs: 20, maxDelayMs: 50 },
      minGapMs: 30,
      commandTimeoutMs: 2000,
      sendTimeoutMs: 2000,
      sweepOnConnect: false,
    });
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
