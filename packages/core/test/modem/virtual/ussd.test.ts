import { VirtualModem, type UssdMenu } from '../../../src/modem/virtual';
import { AttachedHost } from './attached-host';

const menu: UssdMenu = {
  '*100#': 'Your balance is 5.00 EUR',
  '*123#': {
    reply: '1. Data\n2. Voice',
    options: {
      '1': { reply: 'Data: 1. Buy 1GB', options: { '1': '1GB bought' } },
      '2': 'Voice: 100 min left',
    },
  },
};

function ucs2Hex(text: string): string {
  return Array.from(text, (char) => char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');
}

describe('virtual modem: USSD (+CUSD)', () => {
  let modem: VirtualModem;
  let host: AttachedHost;
  const start = (options: ConstructorParameters<typeof VirtualModem>[0]) => {
    modem = new VirtualModem({ ussdMenu: menu, ...options });
    host = new AttachedHost(modem);
    host.send('ATE0');
    host.send('AT+CMEE=1');
  };
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    modem.close();
    jest.useRealTimers();
  });

  it('answers after OK with DCS 15 text, by default after 500 ms', () => {
    start({});
    expect(host.send('AT+CUSD=1,"*100#",15')).toBe('\r\nOK\r\n');
    jest.advanceTimersByTime(499);
    expect(host.take()).toBe('');
    jest.advanceTimersByTime(1);
    expect(host.take()).toBe('\r\n+CUSD: 0,"Your balance is 5.00 EUR",15\r\n');
  });

  it('answers before OK when the profile does', () => {
    start({ ussd: { replyTiming: 'before-ok' } });
    expect(host.send('AT+CUSD=1,"*100#",15')).toBe('\r\n+CUSD: 0,"Your balance is 5.00 EUR",15\r\n\r\nOK\r\n');
  });

  it('walks a menu: status 1 while the network waits for an answer, 0 at the end', () => {
    start({ ussd: { replyTiming: 'before-ok' } });
    expect(host.send('AT+CUSD=1,"*123#",15')).toContain('+CUSD: 1,"1. Data\n2. Voice",15');
    expect(host.send('AT+CUSD=1,"1",15')).toContain('+CUSD: 1,"Data: 1. Buy 1GB",15');
    expect(host.send('AT+CUSD=1,"1",15')).toContain('+CUSD: 0,"1GB bought",15');
    // The session is over: "1" is now a service code nobody knows.
    expect(host.send('AT+CUSD=1,"1",15')).toContain('+CUSD: 4\r\n');
  });

  it('closes a menu left unanswered with +CUSD: 2', () => {
    start({ ussd: { replyTiming: 'before-ok', sessionTimeoutMs: 20000 } });
    host.send('AT+CUSD=1,"*123#",15');
    jest.advanceTimersByTime(19999);
    expect(host.take()).toBe('');
    jest.advanceTimersByTime(1);
    expect(host.take()).toBe('\r\n+CUSD: 2\r\n');
    expect(host.send('AT+CUSD=1,"1",15')).toContain('+CUSD: 4');
  });

  it('keeps a menu open while the user answers in time', () => {
    start({ ussd: { replyTiming: 'before-ok', sessionTimeoutMs: 20000 } });
    host.send('AT+CUSD=1,"*123#",15');
    jest.advanceTimersByTime(15000);
    host.send('AT+CUSD=1,"1",15');
    jest.advanceTimersByTime(15000);
    expect(host.take()).toBe('');
  });

  it('cancels an open session with AT+CUSD=2', () => {
    start({ ussd: { replyTiming: 'before-ok' } });
    host.send('AT+CUSD=1,"*123#",15');
    expect(host.send('AT+CUSD=2')).toBe('\r\nOK\r\n');
    expect(host.send('AT+CUSD=1,"*100#",15')).toContain('+CUSD: 0,"Your balance');
  });

  it('replies in UCS-2 hex with DCS 72, and when the TE character set is UCS2', () => {
    start({ ussd: { replyTiming: 'before-ok', dcs: 72 } });
    expect(host.send('AT+CUSD=1,"*100#",15')).toContain(`+CUSD: 0,"${ucs2Hex('Your balance is 5.00 EUR')}",72`);
    modem.close();
    start({ ussd: { replyTiming: 'before-ok' } });
    host.send('AT+CSCS="UCS2"');
    expect(host.send(`AT+CUSD=1,"${ucs2Hex('*100#')}",15`)).toContain(`+CUSD: 0,"${ucs2Hex('Your balance is 5.00 EUR')}",15`);
  });

  it('speaks packed GSM 7-bit hex both ways on the Huawei profile', () => {
    start({ profile: 'huawei', ussd: { replyTiming: 'before-ok' } });
    // "*100#" packed: 2A 31 30 30 23 → AA 18 0C 36 02.
    const answer = host.send('AT+CUSD=1,"AA180C3602",15');
    const match = /\+CUSD: 0,"([0-9A-F]+)",15/.exec(answer);
    expect(match).not.toBeNull();
    const octets = Buffer.from(match![1]!, 'hex');
    const septets: number[] = [];
    for (let bit = 0; bit + 7 <= octets.length * 8; bit += 7) {
      const index = bit >> 3;
      const value = ((octets[index]! | ((octets[index + 1] ?? 0) << 8)) >> (bit & 7)) & 0x7f;
      septets.push(value);
    }
    expect(String.fromCharCode(...septets).replace(/[\r@]$/, '')).toBe('Your balance is 5.00 EUR');
  });

  it('reports +CUSD: 4 for an unknown code and refuses without network', () => {
    start({ ussd: { replyTiming: 'before-ok' } });
    expect(host.send('AT+CUSD=1,"*999#",15')).toBe('\r\n+CUSD: 4\r\n\r\nOK\r\n');
    modem.setRegistration(0);
    expect(host.send('AT+CUSD=1,"*100#",15')).toBe('\r\n+CME ERROR: 30\r\n');
  });

  it('reads and sets result presentation', () => {
    start({});
    expect(host.send('AT+CUSD?')).toBe('\r\n+CUSD: 0\r\n\r\nOK\r\n');
    expect(host.send('AT+CUSD=1')).toBe('\r\nOK\r\n');
    expect(host.send('AT+CUSD?')).toBe('\r\n+CUSD: 1\r\n\r\nOK\r\n');
  });
});
