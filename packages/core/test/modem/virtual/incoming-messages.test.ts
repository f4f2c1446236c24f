import { decodePdu, encodeSubmit } from '../../../src/codec';
import { VirtualModem } from '../../../src/modem/virtual';
import { AttachedHost } from './attached-host';

const cmtPattern = /^\r\n\+CMT: ,(\d+)\r\n([0-9A-F]+)\r\n$/;

describe('virtual modem: incoming messages and +CNMI routing', () => {
  let modem: VirtualModem;
  let host: AttachedHost;
  const start = (options: ConstructorParameters<typeof VirtualModem>[0] = {}) => {
    modem = new VirtualModem(options);
    host = new AttachedHost(modem);
    host.send('ATE0');
  };
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    modem.close();
    jest.useRealTimers();
  });

  it('announces a stored message with +CMTI (mt=1)', () => {
    start();
    expect(host.send('AT+CNMI=2,1,0,0,0')).toBe('\r\nOK\r\n');
    modem.injectSms({ from: '+447700900555', text: 'stored' });
    expect(host.take()).toBe('\r\n+CMTI: "SM",1\r\n');
    host.send('AT+CPMS="ME","ME","ME"');
    modem.injectSms({ from: '+447700900555', text: 'to phone memory' });
    expect(host.take()).toBe('\r\n+CMTI: "ME",1\r\n');
  });

  it('shows the PDU directly with the two-line +CMT (mt=2) and stores class 2 instead', () => {
    start();
    host.send('AT+CNMI=2,2,0,0,0');
    modem.injectSms({ from: 'BANK', text: 'direct' });
    const cmt = cmtPattern.exec(host.take());
    expect(cmt).not.toBeNull();
    const decoded = decodePdu(cmt![2]!);
    expect(decoded).toMatchObject({ type: 'deliver', address: 'BANK', addressType: 'alphanumeric', text: 'direct' });
    expect(decoded.tpduLength).toBe(Number(cmt![1]));
    expect(modem.storage('SM').used).toBe(0);
    modem.injectSms({ from: '+447700900555', text: 'sim specific', messageClass: 2 });
    expect(host.take()).toBe('\r\n+CMTI: "SM",1\r\n');
  });

  it('routes class 3 directly only with mt=3', () => {
    start();
    host.send('AT+CNMI=2,3,0,0,0');
    modem.injectSms({ from: '+447700900555', text: 'class 1', messageClass: 1 });
    expect(host.take()).toBe('\r\n+CMTI: "SM",1\r\n');
    modem.injectSms({ from: '+447700900555', text: 'class 3', messageClass: 3 });
    expect(host.take()).toMatch(cmtPattern);
  });

  it('delivers a flash (class 0) message and a UCS-2 message intact', () => {
    start();
    host.send('AT+CNMI=2,2,0,0,0');
    modem.injectSms({ from: '+447700900555', text: 'flash!', messageClass: 0 });
    expect(decodePdu(cmtPattern.exec(host.take())![2]!)).toMatchObject({ class: 0, text: 'flash!' });
    modem.injectSms({ from: '+447700900555', text: 'Привет 🙂' });
    expect(decodePdu(cmtPattern.exec(host.take())![2]!)).toMatchObject({ encoding: 'ucs2', text: 'Привет 🙂' });
  });

  it('splits a long message into concatenated parts, delivered in the order asked (even with a gap)', () => {
    start();
    host.send('AT+CNMI=2,1,0,0,0');
    const text = 'A long message that needs more than one part. '.repeat(5);
    const pdus = modem.injectSms({ from: '+447700900555', text, partOrder: [2, 1], concatReference: 77 });
    const parts = pdus.map((pdu) => decodePdu(pdu));
    expect(parts.map((part) => part.concat)).toEqual([
      { reference: 77, total: 2, sequence: 2, referenceBits: 8 },
      { reference: 77, total: 2, sequence: 1, referenceBits: 8 },
    ]);
    expect(parts[1]!.text! + parts[0]!.text!).toBe(text);
    expect(host.take()).toBe('\r\n+CMTI: "SM",1\r\n\r\n+CMTI: "SM",2\r\n');
    const missing = modem.injectSms({ from: '+447700900555', text: 'x'.repeat(400), partOrder: [1, 3] });
    expect(missing.map((pdu) => decodePdu(pdu).concat?.sequence)).toEqual([1, 3]);
  });

  it('refuses an injection naming a part that does not exist', () => {
    start();
    expect(() => modem.injectSms({ from: '+447700900555', text: 'short', partOrder: [2] })).toThrow(/part 2 does not exist/);
  });

  it('takes raw PDUs, with or without the SMSC part', () => {
    start();
    host.send('AT+CNMI=2,2,0,0,0');
    const pdu = '07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07';
    modem.injectPdu(pdu);
    expect(cmtPattern.exec(host.take())![2]).toBe(pdu);
    modem.injectPdu(pdu.slice(16), { hasSmsc: false });
    expect(cmtPattern.exec(host.take())![2]).toBe(`00${pdu.slice(16)}`);
    expect(() => modem.injectPdu('xyz')).toThrow(/hex/);
  });

  it('holds indications while CNMI mode is 0 and flushes them when mode becomes 2', () => {
    start();
    host.send('AT+CNMI=0,1,0,0,0');
    modem.injectSms({ from: '+447700900555', text: 'held' });
    expect(host.take()).toBe('');
    expect(host.send('AT+CNMI=2,1,0,0,0')).toBe('\r\nOK\r\n\r\n+CMTI: "SM",1\r\n');
  });

  it('with CSMS=1 expects +CNMA after +CMT and switches routing off when it never comes', () => {
    start({ acknowledgementTimeoutMs: 5000 });
    expect(host.send('AT+CSMS=1')).toBe('\r\n+CSMS: 1,1,1\r\n\r\nOK\r\n');
    host.send('AT+CNMI=2,2,0,1,0');
    expect(host.send('AT+CNMA')).toBe('\r\n+CMS ERROR: 340\r\n');
    modem.injectSms({ from: '+447700900555', text: 'ack me' });
    host.take();
    expect(host.send('AT+CNMA')).toBe('\r\nOK\r\n');
    modem.injectSms({ from: '+447700900555', text: 'ignored' });
    host.take();
    jest.advanceTimersByTime(5000);
    expect(host.send('AT+CNMI?')).toBe('\r\n+CNMI: 2,0,0,0,0\r\n\r\nOK\r\n');
  });

  it('sends status reports directly as +CDS (ds=1) with the TP-MR of the submit', () => {
    start({ network: { deliveryDelayMs: 1500 } });
    host.send('AT+CNMI=2,1,0,1,0');
    const [part] = encodeSubmit({ to: '+447700900123', text: 'report', statusReport: true });
    host.send(`AT+CMGS=${part!.length}`);
    host.type(`${part!.pdu}\x1a`);
    expect(host.take()).toBe('\r\n+CMGS: 0\r\n\r\nOK\r\n');
    jest.advanceTimersByTime(1499);
    expect(host.take()).toBe('');
    jest.advanceTimersByTime(1);
    const cds = /^\r\n\+CDS: (\d+)\r\n([0-9A-F]+)\r\n$/.exec(host.take());
    expect(decodePdu(cds![2]!)).toMatchObject({ type: 'status-report', messageReference: 0, status: 0, address: '+447700900123' });
    expect(modem.submitted[0]!.status).toBe(0);
  });

  it('sends no report when none was requested', () => {
    start({ network: { deliveryDelayMs: 10 } });
    host.send('AT+CNMI=2,1,0,1,0');
    const [part] = encodeSubmit({ to: '+447700900123', text: 'no report' });
    host.send(`AT+CMGS=${part!.length}`);
    host.type(`${part!.pdu}\x1a`);
    host.take();
    jest.advanceTimersByTime(100);
    expect(host.take()).toBe('');
  });

  it('loops a message to its own number back as an incoming SMS', () => {
    start({ ownNumber: '+447700900001', network: { deliveryDelayMs: 10 } });
    host.send('AT+CNMI=2,2,0,0,0');
    const [part] = encodeSubmit({ to: '+447700900001', text: 'note to self' });
    host.send(`AT+CMGS=${part!.length}`);
    host.type(`${part!.pdu}\x1a`);
    host.take();
    jest.advanceTimersByTime(10);
    expect(decodePdu(cmtPattern.exec(host.take())![2]!)).toMatchObject({ type: 'deliver', address: '+447700900001', text: 'note to self' });
  });

  it('holds a URC that arrives during a command until the final result (CNMI mode 1 semantics)', () => {
    start({ ussdMenu: { '*1#': 'x' } });
    host.send('AT+CNMI=2,1,0,0,0');
    modem.setReplyDelay(100);
    host.type('AT+CSQ\r');
    modem.injectSms({ from: '+447700900555', text: 'during' });
    jest.advanceTimersByTime(100);
    expect(host.take()).toBe('\r\n+CSQ: 21,0\r\n\r\nOK\r\n\r\n+CMTI: "SM",1\r\n');
  });
});
