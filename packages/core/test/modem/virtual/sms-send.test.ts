import { decodePdu, encodeSubmit } from '../../../src/codec';
import { VirtualModem } from '../../../src/modem/virtual';
import { AttachedHost } from './attached-host';

describe('virtual modem: sending with AT+CMGS', () => {
  let modem: VirtualModem;
  let host: AttachedHost;
  beforeEach(() => {
    jest.useFakeTimers();
    modem = new VirtualModem({ profile: 'simcom', network: { deliveryDelayMs: 3000 } });
    host = new AttachedHost(modem);
    host.send('ATE0');
  });
  afterEach(() => {
    modem.close();
    jest.useRealTimers();
  });

  function send(pdu: string, length: number): string {
    expect(host.send(`AT+CMGS=${length}`)).toBe('\r\n> ');
    host.type(`${pdu}\x1a`);
    return host.take();
  }

  it('prompts, takes the PDU up to Ctrl-Z and answers +CMGS with an incrementing TP-MR', () => {
    const [part] = encodeSubmit({ to: '+447700900123', text: 'hello' });
    expect(send(part!.pdu, part!.length)).toBe('\r\n+CMGS: 0\r\n\r\nOK\r\n');
    expect(send(part!.pdu, part!.length)).toBe('\r\n+CMGS: 1\r\n\r\nOK\r\n');
    expect(modem.submitted.map((message) => message.messageReference)).toEqual([0, 1]);
    const decoded = decodePdu(modem.submitted[0]!.pdu);
    expect(decoded).toMatchObject({ type: 'submit', address: '+447700900123', text: 'hello' });
  });

  it('echoes the PDU as it is typed when echo is on', () => {
    host.send('ATE1');
    const [part] = encodeSubmit({ to: '+447700900123', text: 'hi' });
    host.type(`AT+CMGS=${part!.length}\r`);
    expect(host.take()).toBe(`AT+CMGS=${part!.length}\r\r\n> `);
    host.type(part!.pdu);
    expect(host.take()).toBe(part!.pdu);
    host.type('\x1a');
    expect(host.take()).toBe('\r\n+CMGS: 0\r\n\r\nOK\r\n');
  });

  it('refuses a PDU whose TPDU length is not the announced one with +CMS ERROR: 304', () => {
    const [part] = encodeSubmit({ to: '+447700900123', text: 'hello' });
    expect(send(part!.pdu, part!.length + 1)).toBe('\r\n+CMS ERROR: 304\r\n');
    expect(send('00ZZ', 1)).toBe('\r\n+CMS ERROR: 304\r\n');
    expect(modem.submitted).toHaveLength(0);
  });

  it('cancels on ESC with OK and sends nothing', () => {
    expect(host.send('AT+CMGS=20')).toBe('\r\n> ');
    host.type('0011\x1b');
    expect(host.take()).toBe('\r\nOK\r\n');
    expect(modem.submitted).toHaveLength(0);
    expect(host.send('AT')).toBe('\r\nOK\r\n');
  });

  it('rejects a length out of range before prompting', () => {
    expect(host.send('AT+CMGS=0')).toBe('\r\n+CMS ERROR: 304\r\n');
    expect(host.send('AT+CMGS=200')).toBe('\r\n+CMS ERROR: 304\r\n');
  });

  it('fails the next send on demand, then sends normally', () => {
    modem.failNextSend(38);
    const [part] = encodeSubmit({ to: '+447700900123', text: 'x' });
    expect(send(part!.pdu, part!.length)).toBe('\r\n+CMS ERROR: 38\r\n');
    expect(send(part!.pdu, part!.length)).toBe('\r\n+CMGS: 0\r\n\r\nOK\r\n');
  });

  it('refuses numbers a rule bars at submit and fails delivery for others', () => {
    modem.close();
    modem = new VirtualModem({
      network: { deliveryDelayMs: 1000, rules: [{ match: '+4479*', submitError: 21 }, { match: /^\+4478/, status: 65 }] },
    });
    host = new AttachedHost(modem);
    host.send('ATE0');
    host.send('AT+CNMI=2,1,0,1,0');
    const [barred] = encodeSubmit({ to: '+447912345678', text: 'x' });
    expect(send(barred!.pdu, barred!.length)).toBe('\r\n+CMS ERROR: 21\r\n');
    const [failing] = encodeSubmit({ to: '+447812345678', text: 'x', statusReport: true });
    expect(send(failing!.pdu, failing!.length)).toBe('\r\n+CMGS: 0\r\n\r\nOK\r\n');
    jest.advanceTimersByTime(1000);
    const urc = host.take();
    const match = /^\r\n\+CDS: (\d+)\r\n([0-9A-F]+)\r\n$/.exec(urc);
    expect(match).not.toBeNull();
    const report = decodePdu(match![2]!);
    expect(report).toMatchObject({ type: 'status-report', messageReference: 0, address: '+447812345678', status: 65 });
    expect(report.tpduLength).toBe(Number(match![1]));
  });

  it('needs a registered network to send', () => {
    modem.setRegistration(0);
    const [part] = encodeSubmit({ to: '+447700900123', text: 'x' });
    expect(send(part!.pdu, part!.length)).toBe('\r\n+CMS ERROR: 331\r\n');
  });

  it('wraps the TP-MR at 255', () => {
    modem.close();
    modem = new VirtualModem({ firstMessageReference: 255 });
    host = new AttachedHost(modem);
    host.send('ATE0');
    const [part] = encodeSubmit({ to: '+447700900123', text: 'x' });
    expect(send(part!.pdu, part!.length)).toContain('+CMGS: 255');
    expect(send(part!.pdu, part!.length)).toContain('+CMGS: 0');
  });
});
