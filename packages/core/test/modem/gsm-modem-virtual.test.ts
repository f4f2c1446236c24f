import { decodePdu } from '../../src/codec/pdu/decode-pdu';
import type { DeliveryStatus } from '../../src/model/delivery-status';
import type { InboundMessage } from '../../src/model/inbound-message';
import { GsmModem, type GsmModemOptions } from '../../src/modem/gsm-modem';
import type { GsmModemState } from '../../src/modem/gsm-modem-events';
import { objectSentPartStore, type SentPartReference, type SentPartStore } from '../../src/modem/sms/message-reference-registry';
import { VirtualModem, type VirtualModemOptions } from '../../src/modem/virtual/virtual-modem';
import { waitUntil } from './helpers/wait-until';

/** The driver on the in-process virtual modem (system clock, short simulated delays). */
async function connect(vmOptions: VirtualModemOptions = {}, options: Partial<GsmModemOptions> = {}) {
  const vm = new VirtualModem({ network: { deliveryDelayMs: 5 }, ussd: { replyDelayMs: 5 }, bootDelayMs: 5, ...vmOptions });
  const modem = new GsmModem({ transport: () => vm.transport(), reconnect: { initialDelayMs: 10, maxDelayMs: 20 }, ...options });
  const messages: InboundMessage[] = [];
  const reports: DeliveryStatus[] = [];
  const errors: unknown[] = [];
  modem.on('status-report', (s) => void reports.push(s));
  modem.on('error', (e) => errors.push(e));
  cleanups.push(async () => {
    await modem.close();
    vm.close();
  });
  return { vm, modem, messages, reports, errors };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe.each(['simcom', 'quectel', 'huawei'] as const)('GsmModem on the virtual %s modem', (profile) => {
  it('starts and reports device info', async () => {
    const { modem } = await connect({ profile });
    await modem.start();
    const info = await modem.info();
    expect(info.manufacturer).toMatch(/\w/);
    expect(info.imei).toMatch(/^\d{15}$/);
    expect(info.iccid).toMatch(/^89\d{16,18}$/);
    expect(info.registration?.state).toBe('home');
    expect(info.signal?.dbm).toBe(-71);
    expect(modem.state).toEqual({ connection: 'ready', health: 'ok' });
  });

  it('sends a single message and matches its status report', async () => {
    const { vm, modem, reports } = await connect({ profile });
    await modem.start();
    const [result] = await modem.send({ to: ['+447700900123'], text: 'Hello from smsbridge', statusReport: true });
    expect(result).toMatchObject({ to: '+447700900123', accepted: true, state: 'sent', parts: 1, encoding: 'gsm7', partIds: ['0'] });
    expect(vm.submitted).toHaveLength(1);
    expect(decodePdu(vm.submitted[0]!.pdu).text).toBe('Hello from smsbridge');
    await waitUntil(() => reports.length === 1, 'the status report arrived');
    expect(reports[0]).toMatchObject({ state: 'delivered', messageId: result!.messageId, to: '+447700900123', rawStatus: 0 });
    // The stored report was deleted once reported.
    await waitUntil(() => vm.storage('SR').indexes().length === 0 && vm.storage('SM').indexes().length === 0, 'the report was deleted');
  });

  it('receives a message by indication, awaits the handler, then deletes it', async () => {
    const { vm, modem } = await connect({ profile });
    await modem.start();
    let release: () => void = () => undefined;
    const received: InboundMessage[] = [];
    modem.on('message', async (m) => {
      received.push(m);
      await new Promise<void>((resolve) => (release = resolve));
    });
    vm.injectSms({ from: '+447700900555', text: 'Ping' });
    await waitUntil(() => received.length === 1, 'the handler got the message');
    expect(received[0]).toMatchObject({ from: '+447700900555', text: 'Ping', gateway: 'modem' });
    expect(vm.storage('SM').indexes()).toHaveLength(1); // not deleted while the handler runs
    release();
    await waitUntil(() => vm.storage('SM').indexes().length === 0, 'the message was deleted');
  });
});

describe('GsmModem sending', () => {
  it('sends a multipart message in order, each part once, with per-part references', async () => {
    const { vm, modem } = await connect({}, { minGapMs: 1 });
    await modem.start();
    const text = 'x'.repeat(300);
    const [result] = await modem.send({ to: ['+447700900123'], text });
    expect(result).toMatchObject({ accepted: true, parts: 2, partIds: ['0', '1'] });
    expect(vm.submitted.map((s) => decodePdu(s.pdu).concat?.sequence)).toEqual([1, 2]);
    expect(vm.submitted.map((s) => decodePdu(s.pdu).text).join('')).toBe(text);
  });

  it('sends Unicode as UCS-2 and flash as class 0', async () => {
    const { vm, modem } = await connect();
    await modem.start();
    const [result] = await modem.send({ to: ['+447700900123'], text: 'Привет 👋', flash: true });
    expect(result).toMatchObject({ accepted: true, encoding: 'ucs2' });
    const sent = decodePdu(vm.submitted[0]!.pdu);
    expect(sent).toMatchObject({ text: 'Привет 👋', encoding: 'ucs2', class: 0 });
  });

  it('reports a refused part with its CMS code and does not send the rest', async () => {
    const { vm, modem } = await connect();
    await modem.start();
    vm.failNextSend(38);
    const [result] = await modem.send({ to: ['+447700900123'], text: 'y'.repeat(200) });
    expect(result).toMatchObject({ accepted: false, state: 'failed', errorCode: 38 });
    expect(vm.submitted).toHaveLength(0);
  });

  it('sends to several recipients, one result each', async () => {
    const { vm, modem } = await connect();
    await modem.start();
    const results = await modem.send({ to: ['+447700900001', '+447700900002'], text: 'hi' });
    expect(results.map((r) => [r.to, r.accepted])).toEqual([
      ['+447700900001', true],
      ['+447700900002', true],
    ]);
    expect(vm.submitted.map((s) => s.destination)).toEqual(['+447700900001', '+447700900002']);
  });

  it('reports a failed delivery from the status report', async () => {
    const { modem, reports } = await connect({ network: { deliveryDelayMs: 5, rules: [{ match: '+447700900999', status: 0x41 }] } });
    await modem.start();
    const [result] = await modem.send({ to: ['+447700900999'], text: 'nope', statusReport: true });
    await waitUntil(() => reports.length === 1, 'the status report arrived');
    expect(reports[0]).toMatchObject({ state: 'failed', messageId: result!.messageId, rawStatus: 0x41, errorCode: 0x41 });
  });
});

describe('GsmModem receiving', () => {
  it('keeps a message in storage when the handler fails', async () => {
    const { vm, modem, errors } = await connect();
    await modem.start();
    modem.on('message', async () => {
      throw new Error('consumer down');
    });
    vm.injectSms({ from: '+447700900555', text: 'Keep me' });
    await waitUntil(() => errors.length >= 1, 'the handler error was reported');
    expect(vm.storage('SM').indexes()).toHaveLength(1);
  });

  it('reassembles a multipart message arriving out of order and deletes its parts after the handler', async () => {
    const { vm, modem } = await connect();
    await modem.start();
    const received: InboundMessage[] = [];
    modem.on('message', (m) => {
      received.push(m);
    });
    const text = 'Part of a long story. '.repeat(20);
    vm.injectSms({ from: '+447700900555', text, partOrder: [2, 3, 1] });
    await waitUntil(() => received.length === 1 && vm.storage('SM').indexes().length === 0, 'the message was handed on and deleted');
    expect(received[0]!.text).toBe(text);
  });

  it('reports an incomplete message after the timeout and keeps its parts', async () => {
    const { vm, modem } = await connect({}, { reassemblyTimeoutMs: 30 });
    const incomplete: InboundMessage[] = [];
    const received: InboundMessage[] = [];
    modem.on('incomplete-message', (m) => incomplete.push(m));
    modem.on('message', (m) => {
      received.push(m);
    });
    await modem.start();
    vm.injectSms({ from: '+447700900555', text: 'z'.repeat(400), partOrder: [1, 3] });
    await waitUntil(() => incomplete.length === 1, 'the incomplete message was reported');
    expect(incomplete[0]!.raw).toMatchObject({ incomplete: true, missing: [2] });
    expect(received).toHaveLength(0);
    expect(vm.storage('SM').indexes()).toHaveLength(2);
  });

  it('hands on messages stored before start-up (sweep)', async () => {
    const vm = new VirtualModem();
    vm.injectSms({ from: '+447700900555', text: 'While you were away' });
    const modem = new GsmModem({ transport: () => vm.transport(), reconnect: false });
    cleanups.push(async () => {
      await modem.close();
      vm.close();
    });
    const received: InboundMessage[] = [];
    modem.on('message', (m) => {
      received.push(m);
    });
    await modem.start();
    await waitUntil(() => received.length === 1 && vm.storage('SM').indexes().length === 0, 'the stored message was handed on');
    expect(received[0]!.text).toBe('While you were away');
  });

  it('lists the inbox and deletes on request', async () => {
    const { vm, modem } = await connect({}, { sweepOnConnect: false });
    await modem.start();
    vm.injectSms({ from: '+447700900555', text: 'one' });
    vm.injectSms({ from: '+447700900556', text: 'two '.repeat(50) });
    const listed = await modem.inbox();
    expect(listed.map((m) => m.text)).toEqual(['one', 'two '.repeat(50)]);
    expect(vm.storage('SM').indexes()).toHaveLength(3);
    await modem.inbox({ delete: true });
    expect(vm.storage('SM').indexes()).toHaveLength(0);
  });

  it('takes direct deliveries (+CMT) and acknowledges them with +CNMA when CSMS=1', async () => {
    const { vm, modem } = await connect({}, { delivery: 'direct', messageService: 1 });
    const received: InboundMessage[] = [];
    modem.on('message', (m) => {
      received.push(m);
    });
    await modem.start();
    vm.injectSms({ from: '+447700900555', text: 'Direct hello' });
    await waitUntil(() => received.length === 1, 'the direct message arrived');
    expect(received[0]!.text).toBe('Direct hello');
    await waitUntil(() => vm.commandLog.includes('+CNMA'), 'the message was acknowledged');
    expect(vm.storage('SM').indexes()).toHaveLength(0);
  });

  it('takes direct status reports (+CDS)', async () => {
    const { modem, reports } = await connect({}, { delivery: 'direct' });
    await modem.start();
    const [result] = await modem.send({ to: ['+447700900123'], text: 'report me', statusReport: true });
    await waitUntil(() => reports.length === 1, 'the +CDS report arrived');
    expect(reports[0]).toMatchObject({ state: 'delivered', messageId: result!.messageId });
  });
});

describe('GsmModem USSD', () => {
  const menu = { '*100#': 'Balance: 5.00 EUR', '*101#': { reply: '1. Data\n2. Voice', options: { '1': 'Data: 2 GB left' } } };

  it.each([
    ['simcom', 15, 'after-ok'],
    ['simcom', 15, 'before-ok'],
    ['simcom', 72, 'after-ok'],
    ['huawei', 15, 'after-ok'],
  ] as const)('answers a balance query on %s with DCS %d, reply %s', async (profile, dcs, replyTiming) => {
    const { modem } = await connect({ profile, ussdMenu: menu, ussd: { dcs, replyTiming, replyDelayMs: 5 } });
    await modem.start();
    await expect(modem.ussd('*100#')).resolves.toMatchObject({ code: '*100#', reply: 'Balance: 5.00 EUR', awaitingInput: false, state: 'replied' });
  });

  it('walks a menu that waits for an answer', async () => {
    const { modem } = await connect({ ussdMenu: menu });
    await modem.start();
    await expect(modem.ussd('*101#')).resolves.toMatchObject({ reply: '1. Data\n2. Voice', awaitingInput: true });
    await expect(modem.ussd('1')).resolves.toMatchObject({ reply: 'Data: 2 GB left', awaitingInput: false });
  });

  it('cancels an open menu', async () => {
    const { vm, modem } = await connect({ ussdMenu: menu });
    await modem.start();
    await modem.ussd('*101#');
    await modem.ussdCancel();
    expect(vm.commandLog).toContain('+CUSD=2');
  });
});

describe('GsmModem resilience', () => {
  it('reports a modem that stops answering as a timeout and unresponsive health', async () => {
    const { vm, modem } = await connect({}, { commandTimeoutMs: 50, sweepOnConnect: false });
    await modem.start();
    vm.stopAnswering();
    await expect(modem.info()).rejects.toMatchObject({ code: 'SMSB_MODEM_TIMEOUT' });
    expect(modem.state.health).toBe('unresponsive');
    vm.resumeAnswering();
    await expect(modem.info()).resolves.toMatchObject({ manufacturer: expect.any(String) });
    expect(modem.state.health).toBe('ok');
  });

  it('reopens the port of a modem that stopped answering, and carries on once it answers again', async () => {
    const { vm, modem } = await connect({}, { commandTimeoutMs: 30, probeTimeoutMs: 30, sweepOnConnect: false });
    await modem.start();
    vm.stopAnswering();
    for (let i = 0; i < 3; i++) await expect(modem.info()).rejects.toMatchObject({ code: expect.stringMatching(/^SMSB_MODEM_(TIMEOUT|UNAVAILABLE)$/) });
    await waitUntil(() => modem.state.connection === 'reconnecting', 'the port was reopened');
    vm.resumeAnswering();
    await waitUntil(() => modem.state.connection === 'ready', 'the modem came back');
    await expect(modem.info()).resolves.toMatchObject({ imei: expect.any(String) });
  });

  it('reports registration changes', async () => {
    const { vm, modem } = await connect();
    const registrations: string[] = [];
    modem.on('registration', (r) => registrations.push(r.state));
    await modem.start();
    vm.setRegistration(5);
    vm.setRegistration(2);
    await waitUntil(() => registrations.length === 2, 'both changes were reported');
    expect(registrations).toEqual(['roaming', 'searching']);
  });

  it('keeps responses intact when URCs land inside them', async () => {
    const { vm, modem } = await connect({}, { sweepOnConnect: false });
    await modem.start();
    vm.injectBeforeNextFinalResult('RING', '+CREG: 1', '^RSSI:12');
    await expect(modem.info()).resolves.toMatchObject({ manufacturer: 'SIMCOM_Ltd', signal: { rssi: 21 } });
  });

  it('asks for a PIN clearly, and unlocks with one', async () => {
    const locked = await connect({ pin: '1234' }, { reconnect: false });
    await expect(locked.modem.start()).rejects.toMatchObject({ code: 'SMSB_MODEM_PIN' });
    const wrong = await connect({ pin: '1234' }, { pin: '9999', reconnect: false });
    await expect(wrong.modem.start()).rejects.toMatchObject({ code: 'SMSB_MODEM_PIN' });
    const blocked = await connect({ pin: '1234' }, { pin: '1234', reconnect: false });
    for (let i = 0; i < 3; i++) blocked.vm.pinLock.enterPin('0000');
    await expect(blocked.modem.start()).rejects.toMatchObject({ code: 'SMSB_MODEM_SIM', details: { simState: 'SIM PUK' } });
    const right = await connect({ pin: '1234' }, { pin: '1234' });
    await right.modem.start();
    expect(right.modem.state.connection).toBe('ready');
  });

  it('comes back after an unplug mid-queue and sends every message exactly once', async () => {
    const { vm, modem } = await connect({}, { minGapMs: 20 });
    const states: GsmModemState[] = [];
    modem.on('state', (s) => states.push(s));
    await modem.start();
    const recipients = ['+447700900001', '+447700900002', '+447700900003', '+447700900004'];
    const sending = modem.send({ to: recipients, text: 'queued' });
    await waitUntil(() => vm.submitted.length >= 1, 'the first message went out');
    vm.vanish();
    await waitUntil(() => states.some((s) => s.connection === 'reconnecting'), 'the modem noticed');
    vm.reappear();
    const results = await sending;
    expect(results.every((r) => r.accepted)).toBe(true);
    expect(vm.submitted.map((s) => s.destination).sort()).toEqual(recipients);
    expect(states.at(-1)?.connection).toBe('ready');
  });
});

describe('GsmModem and a part whose confirmation was lost', () => {
  it('reports it as unknown and never writes it again', async () => {
    const vm = new VirtualModem({ network: { deliveryDelayMs: 5 }, bootDelayMs: 5 });
    let unplugOnPayload = true;
    // The port dies while the PDU is being written: the driver cannot know whether it went out.
    const transport = () => {
      const inner = vm.transport();
      const write = inner.write.bind(inner);
      inner.write = async (data: string | Uint8Array) => {
        if (unplugOnPayload && typeof data === 'string' && data.endsWith('\x1a')) {
          unplugOnPayload = false;
          vm.vanish();
          setTimeout(() => vm.reappear(), 20);
        }
        await write(data);
      };
      return inner;
    };
    const modem = new GsmModem({ transport, reconnect: { initialDelayMs: 10, maxDelayMs: 20 } });
    cleanups.push(async () => {
      await modem.close();
      vm.close();
    });
    await modem.start();
    const results = await modem.send({ to: ['+447700900001', '+447700900002'], text: 'once only' });
    expect(results[0]).toMatchObject({ to: '+447700900001', state: 'unknown', accepted: false, errorCode: 'SMSB_MODEM_SEND_UNCERTAIN' });
    expect(results[1]).toMatchObject({ to: '+447700900002', state: 'sent', accepted: true });
    // Had the driver resent the uncertain part, +447700900001 would show up here.
    expect(vm.submitted.map((s) => s.destination)).toEqual(['+447700900002']);
  });

  it('fails queued sends, without hanging, when closed while the modem is away', async () => {
    const vm = new VirtualModem({ bootDelayMs: 5 });
    const modem = new GsmModem({ transport: () => vm.transport(), reconnect: { initialDelayMs: 1000 } });
    cleanups.push(async () => vm.close());
    await modem.start();
    vm.vanish();
    await waitUntil(() => modem.state.connection === 'reconnecting', 'the unplug was noticed');
    const sending = modem.send({ to: ['+447700900001'], text: 'never' });
    await modem.close();
    await expect(sending).resolves.toMatchObject([{ state: 'failed', accepted: false, errorCode: 'SMSB_MODEM_UNAVAILABLE' }]);
    await expect(modem.send({ to: ['+447700900001'], text: 'after close' })).rejects.toMatchObject({ code: 'SMSB_MODEM_UNAVAILABLE' });
  });
});

describe('GsmModem status reports after a restart', () => {
  /** Sends with one GsmModem, closes it before the report comes, and lets a second one (a restarted process) take the report. */
  async function reportAfterRestart(firstStore: SentPartStore | undefined, secondStore: () => SentPartStore | undefined) {
    const vm = new VirtualModem({ network: { deliveryDelayMs: 150 }, bootDelayMs: 5 });
    cleanups.push(async () => vm.close());
    const first = new GsmModem({ transport: () => vm.transport(), ...(firstStore ? { sentParts: firstStore } : {}) });
    await first.start();
    const [sent] = await first.send({ to: ['+447700900123'], text: 'report after restart', statusReport: true });
    await first.close();
    await waitUntil(() => vm.storage('SR').indexes().length + vm.storage('SM').indexes().length === 1, 'the report was stored while no one listened');

    const store = secondStore();
    const second = new GsmModem({ transport: () => vm.transport(), ...(store ? { sentParts: store } : {}) });
    cleanups.push(async () => second.close());
    const reports: DeliveryStatus[] = [];
    second.on('status-report', (report) => void reports.push(report));
    await second.start();
    await waitUntil(() => reports.length === 1, 'the stored report was read after the restart');
    return { sent: sent!, report: reports[0]! };
  }

  it('finds the message of a report through a persisted store', async () => {
    const persisted: Record<string, SentPartReference> = {};
    // What a host writes to disk and reads back: JSON.
    const { sent, report } = await reportAfterRestart(objectSentPartStore(persisted), () => objectSentPartStore(JSON.parse(JSON.stringify(persisted))));
    expect(Object.keys(persisted)).toHaveLength(1);
    expect(report).toMatchObject({ state: 'delivered', messageId: sent.messageId, to: '+447700900123' });
  });

  it('without one, still reports it, under its message reference', async () => {
    const { sent, report } = await reportAfterRestart(undefined, () => undefined);
    expect(report.state).toBe('delivered');
    expect(report.messageId).toMatch(/^mr-\d+$/);
    expect(report.messageId).not.toBe(sent.messageId);
  });
});
