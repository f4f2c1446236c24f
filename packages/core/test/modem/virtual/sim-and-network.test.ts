import { VirtualModem } from '../../../src/modem/virtual';
import { AttachedHost } from './attached-host';

describe('virtual modem: SIM PIN', () => {
  let modem: VirtualModem;
  let host: AttachedHost;
  beforeEach(() => {
    modem = new VirtualModem({ pin: '1234', puk: '87654321' });
    host = new AttachedHost(modem);
    host.send('ATE0');
    host.send('AT+CMEE=1');
  });
  afterEach(() => modem.close());

  it('asks for the PIN and blocks SIM and SMS commands until it is given', () => {
    expect(host.send('AT+CPIN?')).toBe('\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n');
    expect(host.send('AT+CIMI')).toBe('\r\n+CME ERROR: 11\r\n');
    expect(host.send('AT+CMGL=4')).toBe('\r\n+CMS ERROR: 311\r\n');
    expect(host.send('AT+CGSN')).toBe('\r\n866782042581732\r\n\r\nOK\r\n');
    expect(host.send('AT+CPIN="1234"')).toBe('\r\nOK\r\n');
    expect(host.send('AT+CPIN?')).toBe('\r\n+CPIN: READY\r\n\r\nOK\r\n');
    expect(host.send('AT+CIMI')).toBe('\r\n234150123456789\r\n\r\nOK\r\n');
  });

  it('answers a wrong PIN with +CME ERROR: 16 and wants the PUK after three', () => {
    expect(host.send('AT+CPIN="0000"')).toBe('\r\n+CME ERROR: 16\r\n');
    expect(host.send('AT+CPIN="0000"')).toBe('\r\n+CME ERROR: 16\r\n');
    expect(host.send('AT+CPIN="0000"')).toBe('\r\n+CME ERROR: 16\r\n');
    expect(host.send('AT+CPIN?')).toBe('\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n');
    expect(host.send('AT+CIMI')).toBe('\r\n+CME ERROR: 12\r\n');
    expect(host.send('AT+CMGR=1')).toBe('\r\n+CMS ERROR: 316\r\n');
    expect(host.send('AT+CPIN="1234"')).toBe('\r\n+CME ERROR: 16\r\n');
    expect(host.send('AT+CPIN="87654321","4321"')).toBe('\r\nOK\r\n');
    expect(host.send('AT+CPIN?')).toBe('\r\n+CPIN: READY\r\n\r\nOK\r\n');
  });

  it('gives a bare ERROR with CMEE=0 and the text with CMEE=2', () => {
    host.send('AT+CMEE=0');
    expect(host.send('AT+CPIN="0000"')).toBe('\r\nERROR\r\n');
    host.send('AT+CMEE=2');
    expect(host.send('AT+CPIN="0000"')).toBe('\r\n+CME ERROR: incorrect password\r\n');
  });

  it('asks for the PIN again after a restart', () => {
    jest.useFakeTimers();
    try {
      host.send('AT+CPIN="1234"');
      expect(host.send('AT+CFUN=1,1')).toBe('\r\nOK\r\n');
      jest.advanceTimersByTime(1000);
      // Call Ready / SMS Ready only follow once the SIM is unlocked.
      expect(host.take()).toBe('\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: SIM PIN\r\n');
      expect(host.send('AT+CPIN?')).toBe('AT+CPIN?\r\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n');
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('virtual modem: network registration, operator, signal', () => {
  let modem: VirtualModem;
  let host: AttachedHost;
  beforeEach(() => {
    modem = new VirtualModem({ profile: 'quectel', operatorName: 'Test Net', rssi: 17 });
    host = new AttachedHost(modem);
    host.send('ATE0');
  });
  afterEach(() => modem.close());

  it('reports registration in the form +CREG=<n> asks for', () => {
    expect(host.send('AT+CREG?')).toBe('\r\n+CREG: 0,1\r\n\r\nOK\r\n');
    host.send('AT+CREG=2');
    expect(host.send('AT+CREG?')).toBe('\r\n+CREG: 2,1,"1A2B","00C3D4E5"\r\n\r\nOK\r\n');
    expect(host.send('AT+CEREG?')).toBe('\r\n+CEREG: 0,1\r\n\r\nOK\r\n');
    expect(host.send('AT+CREG=7')).toBe('\r\nERROR\r\n');
  });

  it('sends unsolicited +CREG when registration changes, in the form of the chosen <n>', () => {
    host.send('AT+CREG=1');
    modem.setRegistration(2);
    expect(host.take()).toBe('\r\n+CREG: 2\r\n');
    host.send('AT+CREG=2');
    modem.setRegistration(5);
    expect(host.take()).toBe('\r\n+CREG: 5,"1A2B","00C3D4E5"\r\n');
    host.send('AT+CREG=0');
    modem.setRegistration(1);
    expect(host.take()).toBe('');
  });

  it('names the operator with the access technology of the profile, and none when unregistered', () => {
    expect(host.send('AT+COPS?')).toBe('\r\n+COPS: 0,0,"Test Net",7\r\n\r\nOK\r\n');
    modem.setRegistration(0);
    expect(host.send('AT+COPS?')).toBe('\r\n+COPS: 0\r\n\r\nOK\r\n');
  });

  it('reports signal quality', () => {
    expect(host.send('AT+CSQ')).toBe('\r\n+CSQ: 17,0\r\n\r\nOK\r\n');
    modem.setSignal(99);
    expect(host.send('AT+CSQ')).toBe('\r\n+CSQ: 99,0\r\n\r\nOK\r\n');
  });

  it('reports the SMSC and takes a new one', () => {
    expect(host.send('AT+CSCA?')).toBe('\r\n+CSCA: "+447785016005",145\r\n\r\nOK\r\n');
    expect(host.send('AT+CSCA="+491710760000",145')).toBe('\r\nOK\r\n');
    expect(host.send('AT+CSCA?')).toBe('\r\n+CSCA: "+491710760000",145\r\n\r\nOK\r\n');
  });

  it('puts quoted strings in the TE character set of AT+CSCS', () => {
    host.send('AT+CSCS="UCS2"');
    expect(host.send('AT+CSCA?')).toBe('\r\n+CSCA: "002B003400340037003700380035003000310036003000300035",145\r\n\r\nOK\r\n');
    expect(host.send('AT+COPS?')).toBe('\r\n+COPS: 0,0,"00540065007300740020004E00650074",7\r\n\r\nOK\r\n');
    expect(host.send('AT+CSCA="002B0031",145')).toBe('\r\nOK\r\n');
    host.send('AT+CSCS="HEX"');
    expect(host.send('AT+CSCA?')).toBe('\r\n+CSCA: "2B31",145\r\n\r\nOK\r\n');
    expect(host.send('AT+CSCA="2G"')).toBe('\r\n+CMS ERROR: 304\r\n');
  });

  it('answers the message service settings', () => {
    expect(host.send('AT+CSMS?')).toBe('\r\n+CSMS: 0,1,1,1\r\n\r\nOK\r\n');
    expect(host.send('AT+CSCS=?')).toBe('\r\n+CSCS: ("IRA","GSM","UCS2","HEX","PCCP437","8859-1")\r\n\r\nOK\r\n');
    expect(host.send('AT+CSCS="UCS2"')).toBe('\r\nOK\r\n');
    expect(host.send('AT+CSCS?')).toBe('\r\n+CSCS: "UCS2"\r\n\r\nOK\r\n');
    expect(host.send('AT+CSCS="KOI8"')).toBe('\r\nERROR\r\n');
    expect(host.send('AT+CNMI?')).toBe('\r\n+CNMI: 2,1,0,0,0\r\n\r\nOK\r\n');
    expect(host.send('AT+CNMI=3,1')).toBe('\r\n+CMS ERROR: 303\r\n');
    expect(host.send('AT+CMGF=?')).toBe('\r\n+CMGF: (0,1)\r\n\r\nOK\r\n');
    expect(host.send('AT+CMGF=2')).toBe('\r\nERROR\r\n');
  });
});
