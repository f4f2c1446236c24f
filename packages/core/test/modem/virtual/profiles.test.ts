import { VirtualModem, modemProfiles, resolveModemProfile, type ModemProfileName } from '../../../src/modem/virtual';
import { AttachedHost } from './attached-host';

describe('virtual modem: vendor profiles', () => {
  let modem: VirtualModem;
  let host: AttachedHost;
  const start = (profile: ModemProfileName) => {
    modem = new VirtualModem({ profile });
    host = new AttachedHost(modem);
    host.send('ATE0');
  };
  afterEach(() => modem.close());

  it.each<[ModemProfileName, string, string]>([
    ['simcom', 'AT+CCID', '\r\n8944150123456789012\r\n\r\nOK\r\n'],
    ['quectel', 'AT+QCCID', '\r\n+QCCID: 89490200001234567890\r\n\r\nOK\r\n'],
    ['huawei', 'AT^ICCID?', '\r\n^ICCID: 98331021436587092143\r\n\r\nOK\r\n'],
  ])('%s answers its own ICCID command (%s) and not the others', (profile, command, answer) => {
    start(profile);
    expect(host.send(command)).toBe(answer);
    const others = ['AT+CCID', 'AT+QCCID', 'AT^ICCID?'].filter((other) => other !== command);
    for (const other of others) expect(host.send(other)).toBe('\r\nERROR\r\n');
  });

  it.each(Object.keys(modemProfiles) as ModemProfileName[])('%s identifies itself with its own strings', (name) => {
    start(name);
    const profile = modemProfiles[name];
    expect(host.send('AT+CGMI')).toBe(`\r\n${profile.manufacturer}\r\n\r\nOK\r\n`);
    expect(host.send('AT+CGMM')).toBe(`\r\n${profile.model}\r\n\r\nOK\r\n`);
    expect(host.send('AT+CGMR')).toBe(`\r\n${profile.revisionLine}\r\n\r\nOK\r\n`);
    expect(host.send('AT+CGSN')).toBe(`\r\n${profile.imei}\r\n\r\nOK\r\n`);
    expect(host.send('AT+GSN')).toBe(`\r\n${profile.imei}\r\n\r\nOK\r\n`);
    expect(host.send('AT+CIMI')).toBe(`\r\n${profile.imsi}\r\n\r\nOK\r\n`);
    expect(host.send('ATI')).toBe(`\r\n${profile.identificationLines.join('\r\n')}\r\n\r\nOK\r\n`);
    expect(profile.imei).toMatch(/^\d{15}$/);
    expect(luhnValid(profile.imei)).toBe(true);
  });

  it('speaks Huawei ^CURC and ^SYSINFO only on the Huawei profile', () => {
    start('huawei');
    expect(host.send('AT^CURC=0')).toBe('\r\nOK\r\n');
    expect(host.send('AT^CURC?')).toBe('\r\n^CURC: 0\r\n\r\nOK\r\n');
    expect(host.send('AT^SYSINFO')).toBe('\r\n^SYSINFO:2,3,0,5,1,,4\r\n\r\nOK\r\n');
    modem.close();
    start('simcom');
    expect(host.send('AT^CURC=0')).toBe('\r\nERROR\r\n');
  });

  it('repeats Huawei ^RSSI with the current signal until ^CURC=0', () => {
    jest.useFakeTimers();
    try {
      modem = new VirtualModem({ profile: 'huawei', periodicUrcIntervalMs: 5000, rssi: 14 });
      host = new AttachedHost(modem);
      jest.advanceTimersByTime(5000);
      expect(host.take()).toBe('\r\n^RSSI:14\r\n');
      modem.setSignal(20);
      jest.advanceTimersByTime(5000);
      expect(host.take()).toBe('\r\n^RSSI:20\r\n');
      host.send('AT^CURC=0');
      jest.advanceTimersByTime(20000);
      expect(host.take()).toBe('');
    } finally {
      modem.close();
      jest.useRealTimers();
    }
  });

  it('uses the prompt of the profile, also a custom one', () => {
    modem = new VirtualModem({ profile: { ...resolveModemProfile('simcom'), prompt: '>' } });
    host = new AttachedHost(modem);
    host.send('ATE0');
    expect(host.send('AT+CMGS=10')).toBe('>');
    host.type('\x1b');
  });

  it('refuses an unknown profile name', () => {
    expect(() => resolveModemProfile('nokia' as ModemProfileName)).toThrow(/unknown modem profile "nokia"/);
    modem = new VirtualModem();
  });
});

/** IMEIs end with a Luhn check digit; real clients (and some drivers) verify it. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
