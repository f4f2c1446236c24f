import { decodePdu, encodeSubmit } from '../../../src/codec';
import { VirtualModem } from '../../../src/modem/virtual';
import { AttachedHost } from './attached-host';

describe('virtual modem: SIM storage (+CPMS, +CMGR, +CMGL, +CMGD, +CMGW, +CMSS)', () => {
  let modem: VirtualModem;
  let host: AttachedHost;
  const start = (options: ConstructorParameters<typeof VirtualModem>[0] = {}) => {
    modem = new VirtualModem(options);
    host = new AttachedHost(modem);
    host.send('ATE0');
  };
  afterEach(() => modem.close());

  it('reports, changes and lists the preferred storages', () => {
    start({ storageCapacity: { SM: 10, ME: 25, SR: 5 } });
    expect(host.send('AT+CPMS?')).toBe('\r\n+CPMS: "SM",0,10,"SM",0,10,"SM",0,10\r\n\r\nOK\r\n');
    expect(host.send('AT+CPMS=?')).toBe('\r\n+CPMS: ("SM","ME","SR"),("SM","ME"),("SM","ME")\r\n\r\nOK\r\n');
    expect(host.send('AT+CPMS="ME","ME","ME"')).toBe('\r\n+CPMS: 0,25,0,25,0,25\r\n\r\nOK\r\n');
    expect(host.send('AT+CPMS="SR"')).toBe('\r\n+CPMS: 0,5,0,25,0,25\r\n\r\nOK\r\n');
    expect(host.send('AT+CPMS="SM","SR"')).toBe('\r\n+CMS ERROR: 302\r\n');
    expect(host.send('AT+CPMS="XX"')).toBe('\r\n+CMS ERROR: 302\r\n');
  });

  it('stores incoming messages, reads them (unread becomes read) and lists by status', () => {
    start();
    host.send('AT+CNMI=2,0,0,0,0');
    modem.injectSms({ from: '+447700900555', text: 'first' });
    modem.injectSms({ from: '+447700900556', text: 'second' });
    const read = /^\r\n\+CMGR: 0,,(\d+)\r\n([0-9A-F]+)\r\n\r\nOK\r\n$/.exec(host.send('AT+CMGR=1'));
    expect(read).not.toBeNull();
    expect(decodePdu(read![2]!)).toMatchObject({ type: 'deliver', address: '+447700900555', text: 'first' });
    expect(decodePdu(read![2]!).tpduLength).toBe(Number(read![1]));
    expect(host.send('AT+CMGR=1')).toMatch(/^\r\n\+CMGR: 1,,/);

    expect(host.send('AT+CMGL=0')).toMatch(/^\r\n\+CMGL: 2,0,,\d+\r\n[0-9A-F]+\r\n\r\nOK\r\n$/);
    const all = host.send('AT+CMGL=4');
    expect(all.match(/\+CMGL: (\d+),(\d)/g)).toEqual(['+CMGL: 1,1', '+CMGL: 2,1']);
    expect(host.send('AT+CMGL=0')).toBe('\r\nOK\r\n');
    expect(host.send('AT+CMGL=?')).toBe('\r\n+CMGL: (0-4)\r\n\r\nOK\r\n');
    expect(host.send('AT+CMGL="ALL"')).toBe('\r\n+CMS ERROR: 302\r\n');
  });

  it('answers an empty slot per dialect and an index out of range with +CMS ERROR: 321', () => {
    start({ profile: 'simcom' });
    expect(host.send('AT+CMGR=3')).toBe('\r\nOK\r\n');
    expect(host.send('AT+CMGR=99')).toBe('\r\n+CMS ERROR: 321\r\n');
    modem.close();
    start({ profile: 'quectel' });
    expect(host.send('AT+CMGR=3')).toBe('\r\n+CMS ERROR: 321\r\n');
  });

  it('deletes one index or by delete flag', () => {
    start();
    host.send('AT+CNMI=2,0,0,0,0');
    for (const text of ['a', 'b', 'c']) modem.injectSms({ from: '+447700900555', text });
    host.send('AT+CMGR=2');
    expect(host.send('AT+CMGD=?')).toBe('\r\n+CMGD: (1,2,3),(0-4)\r\n\r\nOK\r\n');
    expect(host.send('AT+CMGD=1')).toBe('\r\nOK\r\n');
    expect(host.send('AT+CMGD=1,1')).toBe('\r\nOK\r\n'); // all read: index 2
    expect(modem.storage('SM').indexes()).toEqual([3]);
    expect(host.send('AT+CMGD=1,4')).toBe('\r\nOK\r\n');
    expect(modem.storage('SM').used).toBe(0);
    expect(host.send('AT+CMGD=0')).toBe('\r\n+CMS ERROR: 321\r\n');
    expect(host.send('AT+CMGD=1,9')).toBe('\r\n+CMS ERROR: 302\r\n');
  });

  it('drops a message when the receive storage is full, without an indication', () => {
    start({ storageCapacity: { SM: 1 } });
    host.send('AT+CNMI=2,1,0,0,0');
    modem.injectSms({ from: '+447700900555', text: 'fits' });
    expect(host.take()).toBe('\r\n+CMTI: "SM",1\r\n');
    modem.injectSms({ from: '+447700900555', text: 'lost' });
    expect(host.take()).toBe('');
    expect(modem.deliveries.map((delivery) => delivery.route)).toEqual([{ stored: 'SM', index: 1 }, 'dropped']);
  });

  it('writes a message to storage and sends it from there', () => {
    start();
    const [part] = encodeSubmit({ to: '+447700900123', text: 'from storage' });
    expect(host.send(`AT+CMGW=${part!.length}`)).toBe('\r\n> ');
    host.type(`${part!.pdu}\x1a`);
    expect(host.take()).toBe('\r\n+CMGW: 1\r\n\r\nOK\r\n');
    expect(host.send('AT+CMGL=2')).toMatch(/^\r\n\+CMGL: 1,2,,/);
    expect(host.send('AT+CMSS=1')).toBe('\r\n+CMSS: 0\r\n\r\nOK\r\n');
    expect(host.send('AT+CMGL=3')).toMatch(/^\r\n\+CMGL: 1,3,,/);
    expect(decodePdu(modem.submitted[0]!.pdu).text).toBe('from storage');
    expect(host.send('AT+CMSS=7')).toBe('\r\n+CMS ERROR: 321\r\n');
  });

  it('keeps status reports in SR, readable after AT+CPMS="SR"', () => {
    start({ profile: 'quectel', network: { deliveryDelayMs: 0 } });
    jest.useFakeTimers();
    try {
      host.send('AT+CNMI=2,1,0,2,0');
      const [part] = encodeSubmit({ to: '+447700900123', text: 'report me', statusReport: true });
      host.send(`AT+CMGS=${part!.length}`);
      host.type(`${part!.pdu}\x1a`);
      host.take();
      jest.advanceTimersByTime(1);
      // Quectel announces the report in "SM" although it sits in "SR".
      expect(host.take()).toBe('\r\n+CDSI: "SM",1\r\n');
      expect(host.send('AT+CMGR=1')).toBe('\r\n+CMS ERROR: 321\r\n');
      host.send('AT+CPMS="SR"');
      const read = /\+CMGR: 0,,\d+\r\n([0-9A-F]+)\r\n/.exec(host.send('AT+CMGR=1'));
      expect(decodePdu(read![1]!)).toMatchObject({ type: 'status-report', messageReference: 0, status: 0, address: '+447700900123' });
    } finally {
      jest.useRealTimers();
    }
  });
});
