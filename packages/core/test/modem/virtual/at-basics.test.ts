import { VirtualModem } from '../../../src/modem/virtual';
import { AttachedHost } from './attached-host';

describe('virtual modem: AT basics', () => {
  let modem: VirtualModem;
  let host: AttachedHost;
  beforeEach(() => {
    modem = new VirtualModem({ profile: 'simcom' });
    host = new AttachedHost(modem);
  });
  afterEach(() => modem.close());

  it('echoes the command and answers OK, like a modem fresh from power-on (ATE1)', () => {
    expect(host.send('AT')).toBe('AT\r\r\nOK\r\n');
  });

  it('stops echoing after ATE0 and starts again after ATE1', () => {
    expect(host.send('ATE0')).toBe('ATE0\r\r\nOK\r\n');
    expect(host.send('AT')).toBe('\r\nOK\r\n');
    expect(host.send('ATE1')).toBe('\r\nOK\r\n');
    expect(host.send('AT')).toBe('AT\r\r\nOK\r\n');
  });

  it('answers numeric result codes after ATV0', () => {
    host.send('ATE0');
    expect(host.send('ATV0')).toBe('0\r');
    expect(host.send('AT+BOGUS')).toBe('4\r');
    expect(host.send('ATV1')).toBe('\r\nOK\r\n');
  });

  it('is case-insensitive and ignores noise before AT and a stray LF', () => {
    host.send('ATE0');
    expect(host.send('at+cgmi')).toBe('\r\nSIMCOM_Ltd\r\n\r\nOK\r\n');
    expect(host.send('\n\x00xyAT')).toBe('\r\nOK\r\n');
  });

  it('answers ERROR to unknown commands and to unparseable lines', () => {
    host.send('ATE0');
    expect(host.send('AT+NOSUCH')).toBe('\r\nERROR\r\n');
    expect(host.send('AT+CMGF="unterminated')).toBe('\r\nERROR\r\n');
  });

  it('runs concatenated commands and stops at the first failing one', () => {
    host.send('ATE0');
    expect(host.send('AT+CGMI;+CGMM')).toBe('\r\nSIMCOM_Ltd\r\n\r\nSIMCOM_SIM800L\r\n\r\nOK\r\n');
    expect(host.send('ATE0V1+CMEE=1')).toBe('\r\nOK\r\n');
    expect(host.send('AT+CMGF=0;+NOSUCH;+CMGF=1')).toBe('\r\nERROR\r\n');
    expect(host.send('AT+CMGF?')).toBe('\r\n+CMGF: 0\r\n\r\nOK\r\n');
  });

  it('repeats the last line on A/ without waiting for CR', () => {
    host.send('ATE0');
    host.send('AT+CSQ');
    host.type('A/');
    expect(host.take()).toBe('\r\n+CSQ: 21,0\r\n\r\nOK\r\n');
  });

  it('honours backspace while the line is typed', () => {
    host.send('ATE0');
    expect(host.send('AT+CGMX\bI')).toBe('\r\nSIMCOM_Ltd\r\n\r\nOK\r\n');
  });

  it('restores echo and result format on ATZ and AT&F', () => {
    host.send('ATE0V0');
    // The result code already follows the restored settings.
    expect(host.send('ATZ')).toBe('\r\nOK\r\n');
    expect(host.send('AT')).toBe('AT\r\r\nOK\r\n');
    host.send('ATE0');
    expect(host.send('AT&F')).toBe('\r\nOK\r\n');
    expect(host.send('AT')).toBe('AT\r\r\nOK\r\n');
  });

  it('suppresses result codes after ATQ1', () => {
    host.send('ATE0');
    expect(host.send('ATQ1')).toBe('');
    expect(host.send('AT+CGMI')).toBe('\r\nSIMCOM_Ltd\r\n');
    expect(host.send('ATQ0')).toBe('\r\nOK\r\n');
  });

  it('ignores an empty line', () => {
    host.send('ATE0');
    expect(host.send('')).toBe('');
  });
});
