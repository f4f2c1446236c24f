import { decodePdu } from '../../../src/codec';
import { VirtualModem } from '../../../src/modem/virtual';
import { AttachedHost } from './attached-host';

describe('virtual modem: text mode (AT+CMGF=1)', () => {
  let modem: VirtualModem;
  let host: AttachedHost;
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-11-22T01:30:00Z'));
    modem = new VirtualModem({ network: { deliveryDelayMs: 100 } });
    host = new AttachedHost(modem);
    host.send('ATE0');
    host.send('AT+CMGF=1');
  });
  afterEach(() => {
    modem.close();
    jest.useRealTimers();
  });

  it('sends typed text, a new prompt after each line, and builds the SUBMIT from AT+CSMP', () => {
    host.send('AT+CSMP=49,167,0,0');
    expect(host.send('AT+CMGS="+447700900123"')).toBe('\r\n> ');
    host.type('Hello\r');
    expect(host.take()).toBe('\r\n> ');
    host.type('world\x1a');
    expect(host.take()).toBe('\r\n+CMGS: 0\r\n\r\nOK\r\n');
    const submit = decodePdu(modem.submitted[0]!.pdu);
    expect(submit).toMatchObject({ type: 'submit', address: '+447700900123', text: 'Hello\rworld', statusReportRequested: true });
  });

  it('lists and reads received messages with text headers and marks them read', () => {
    modem.injectSms({ from: '+447700900555', text: 'Hi there' });
    expect(host.send('AT+CMGL="ALL"')).toBe('\r\n+CMGL: 1,"REC UNREAD","+447700900555",,"26/11/22,01:30:00+00"\r\nHi there\r\n\r\nOK\r\n');
    expect(host.send('AT+CMGR=1')).toBe('\r\n+CMGR: "REC READ","+447700900555",,"26/11/22,01:30:00+00"\r\nHi there\r\n\r\nOK\r\n');
    expect(host.send('AT+CMGL=4')).toBe('\r\n+CMS ERROR: 302\r\n');
    expect(host.send('AT+CMGL=?')).toBe('\r\n+CMGL: ("REC UNREAD","REC READ","STO UNSENT","STO SENT","ALL")\r\n\r\nOK\r\n');
  });

  it('shows text in UCS-2 hex when the TE character set is UCS2', () => {
    host.send('AT+CSCS="UCS2"');
    modem.injectSms({ from: '+447700900555', text: 'Ωk' });
    expect(host.send('AT+CMGR=1')).toContain('\r\n03A9006B\r\n');
  });

  it('routes +CMT and +CDS in text form', () => {
    host.send('AT+CNMI=2,2,0,1,0');
    modem.injectSms({ from: '+447700900555', text: 'direct' });
    expect(host.take()).toBe('\r\n+CMT: "+447700900555",,"26/11/22,01:30:00+00"\r\ndirect\r\n');
    host.send('AT+CSMP=49,167,0,0');
    host.send('AT+CMGS="+447700900123"');
    host.type('report\x1a');
    host.take();
    jest.advanceTimersByTime(100);
    expect(host.take()).toBe('\r\n+CDS: 6,0,"+447700900123",145,"26/11/22,01:30:00+00","26/11/22,01:30:00+00",0\r\n');
  });

  it('writes a text to storage and refuses a destination that is not a number', () => {
    expect(host.send('AT+CMGW="+447700900123"')).toBe('\r\n> ');
    host.type('draft\x1a');
    expect(host.take()).toBe('\r\n+CMGW: 1\r\n\r\nOK\r\n');
    expect(host.send('AT+CMGR=1')).toBe('\r\n+CMGR: "STO UNSENT","+447700900123",\r\ndraft\r\n\r\nOK\r\n');
    expect(host.send('AT+CMGS=12')).toBe('\r\n+CMS ERROR: 304\r\n');
  });
});
