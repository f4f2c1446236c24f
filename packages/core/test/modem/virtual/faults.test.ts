import { encodeSubmit } from '../../../src/codec';
import { VirtualModem } from '../../../src/modem/virtual';
import { AttachedHost } from './attached-host';

describe('virtual modem: fault switches', () => {
  let modem: VirtualModem;
  let host: AttachedHost;
  beforeEach(() => {
    jest.useFakeTimers();
    modem = new VirtualModem();
    host = new AttachedHost(modem);
    host.send('ATE0');
  });
  afterEach(() => {
    modem.close();
    jest.useRealTimers();
  });

  it('delays every answer and queues what the host types meanwhile', () => {
    modem.setReplyDelay(2000);
    host.type('AT+CSQ\rAT+CGMI\r');
    jest.advanceTimersByTime(1999);
    expect(host.take()).toBe('');
    jest.advanceTimersByTime(1);
    expect(host.take()).toBe('\r\n+CSQ: 21,0\r\n\r\nOK\r\n');
    jest.advanceTimersByTime(2000);
    expect(host.take()).toBe('\r\nSIMCOM_Ltd\r\n\r\nOK\r\n');
    modem.setReplyDelay(0);
    expect(host.send('AT')).toBe('\r\nOK\r\n');
  });

  it('delays the prompt as well as the final result of a send', () => {
    modem.setReplyDelay(500);
    const [part] = encodeSubmit({ to: '+447700900123', text: 'slow' });
    host.type(`AT+CMGS=${part!.length}\r`);
    expect(host.take()).toBe('');
    jest.advanceTimersByTime(500);
    expect(host.take()).toBe('\r\n> ');
    host.type(`${part!.pdu}\x1a`);
    jest.advanceTimersByTime(500);
    expect(host.take()).toBe('\r\n+CMGS: 0\r\n\r\nOK\r\n');
  });

  it('puts an unsolicited line between a listing and its OK', () => {
    host.send('AT+CNMI=2,0,0,0,0');
    modem.injectSms({ from: '+447700900555', text: 'one' });
    modem.injectBeforeNextFinalResult('+CMTI: "SM",2');
    const answer = host.send('AT+CMGL=4');
    expect(answer).toMatch(/^\r\n\+CMGL: 1,0,,\d+\r\n[0-9A-F]+\r\n\r\n\+CMTI: "SM",2\r\n\r\nOK\r\n$/);
    expect(host.send('AT')).toBe('\r\nOK\r\n');
  });

  it('stops answering and resumes', () => {
    modem.stopAnswering();
    expect(host.send('AT')).toBe('');
    modem.injectSms({ from: '+447700900555', text: 'unheard' });
    expect(host.take()).toBe('');
    modem.resumeAnswering();
    expect(host.send('AT')).toBe('\r\nOK\r\n');
  });

  it('forces +CMS ERROR on the next sends only', () => {
    modem.failNextSend(500);
    modem.failNextSend(42);
    const [part] = encodeSubmit({ to: '+447700900123', text: 'x' });
    const send = () => {
      host.send(`AT+CMGS=${part!.length}`);
      host.type(`${part!.pdu}\x1a`);
      return host.take();
    };
    expect(send()).toBe('\r\n+CMS ERROR: 500\r\n');
    expect(send()).toBe('\r\n+CMS ERROR: 42\r\n');
    expect(send()).toBe('\r\n+CMGS: 0\r\n\r\nOK\r\n');
  });

  it('never delivers an answer that was delayed across a vanish', () => {
    modem.setReplyDelay(1000);
    host.type('AT+CSQ\r');
    modem.vanish();
    modem.reappear();
    const again = new AttachedHost(modem);
    jest.advanceTimersByTime(1000);
    expect(again.take()).not.toContain('+CSQ');
  });

  it('vanishes: input is lost, attaching fails; after reappearing it boots afresh', () => {
    const vanished = jest.fn();
    modem.on('vanish', vanished);
    modem.vanish();
    expect(vanished).toHaveBeenCalledTimes(1);
    expect(host.send('AT')).toBe('');
    expect(() => modem.attach(() => undefined)).toThrow(/vanished/);
    modem.reappear();
    const again = new AttachedHost(modem);
    jest.advanceTimersByTime(1000);
    expect(again.take()).toBe('\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\nCall Ready\r\n\r\nSMS Ready\r\n');
    // Settings are back to power-on values: echo is on again.
    expect(again.send('AT')).toBe('AT\r\r\nOK\r\n');
  });
});
