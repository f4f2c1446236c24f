import { UndiciHttpTransport, encodeParameters } from '../../../src/transport';
import { DiafaanSimulator } from '../../../src/vendors/diafaan/diafaan-simulator';
import { ManualClock } from '../../../src/testing/manual-clock';

/** The simulator against the exact bodies of the seed and the vendor notes, over raw HTTP. */
describe('DiafaanSimulator', () => {
  let clock: ManualClock;
  let simulator: DiafaanSimulator;
  let http: UndiciHttpTransport;

  const get = async (command: string, query: Record<string, string | number | undefined> = {}) =>
    http.request({ method: 'GET', path: `/http/${command}`, query });
  const admin = { username: 'admin', password: 'diafaan-admin' };

  beforeEach(async () => {
    clock = new ManualClock();
    simulator = new DiafaanSimulator({ clock, serverCommandsEnabled: true });
    await simulator.start();
    http = new UndiciHttpTransport({ baseUrl: simulator.baseUrl });
  });
  afterEach(async () => {
    await http.close();
    await simulator.stop();
  });

  it('answers send-message with one "OK: <id>" line per number and HTTP 200', async () => {
    const response = await get('send-message', { ...admin, to: '+447700900123;+447700900124', 'message-type': 'sms.automatic', message: 'Message Text' });
    expect(response.status).toBe(200);
    expect(response.body).toMatch(/^OK: [0-9a-f-]{36}\r\nOK: [0-9a-f-]{36}\r\n$/);
  });

  it('accepts the form-encoded POST of the seed', async () => {
    const response = await http.request({
      method: 'POST',
      path: '/http/send-message',
      headers: { 'content-type': 'application/x-www-form-urlencoded ' },
      body: encodeParameters({ ...admin, to: '+447700900123', message: 'hi' }),
    });
    expect(response.body).toMatch(/^OK: /);
  });

  it('uses the guest account when the username is omitted, and 303 when guests are disabled', async () => {
    expect((await get('send-message', { to: '+447700900123', message: 'x' })).body).toMatch(/^OK: /);
    simulator.guestEnabled = false;
    expect((await get('send-message', { to: '+447700900123', message: 'x' })).body).toBe('ERROR:303 Guest login not available\r\n');
  });

  it('writes every documented error as "ERROR:<code> <text>" with HTTP 200', async () => {
    const wrong = await get('send-message', { username: 'admin', password: 'nope', to: '+447700900123' });
    expect([wrong.status, wrong.body]).toEqual([200, 'ERROR:304 Authentication error\r\n']);
    expect((await get('send-message', { ...admin, message: 'x' })).body).toBe('ERROR:301 No recipients found\r\n');
    const twice = await http.request({ method: 'GET', path: '/http/send-message?to=%2B447700900123&to=%2B447700900124&message=x' });
    expect(twice.body).toBe('ERROR:302 Multiple to fields detected\r\n');
    expect((await get('send-message', { ...admin, to: '+447700900123', 'message-type': 'sms.fax' })).body).toBe('ERROR:306 Unknown command or insufficient parameters\r\n');
    expect((await get('request-status-update', { ...admin, 'message-id': 'c3b0c20a-b63e-4bbf-919f-3d4251a8b9c0' })).body).toBe('ERROR:309 Message id not found\r\n');
    expect((await get('send-message', { ...admin, to: 'not-a-number' })).body).toBe('ERROR:311 Message rejected\r\n');
    expect((await get('no-such-command', admin)).body).toBe('ERROR:306 Unknown command or insufficient parameters\r\n');
  });

  it('resolves contact names and groups, and drops blocked numbers without a line', async () => {
    const response = await get('send-message', { ...admin, 'contact-name': 'Team;Nobody', message: 'x' });
    expect(response.body.trim().split('\r\n')).toHaveLength(2);
    await simulator.stop();
    simulator = new DiafaanSimulator({ clock, blockedNumbers: ['+447700900666'] });
    await simulator.start();
    await http.close();
    http = new UndiciHttpTransport({ baseUrl: simulator.baseUrl });
    const blocked = await get('send-message', { to: '+447700900666;+447700900123', message: 'x' });
    expect(blocked.body.trim().split('\r\n')).toHaveLength(1);
  });

  it('moves a message 100 Queued → 200 Sent → 201 Received on the clock, with message-guid as its id', async () => {
    const guid = 'c3b0c20a-b63e-4bbf-919f-3d4251a8b9c0';
    expect((await get('send-message', { ...admin, to: '+447700900123', message: 'x', 'message-guid': guid })).body).toBe(`OK: ${guid}\r\n`);
    const status = async () => (await get('request-status-update', { ...admin, 'message-id': guid })).body;
    expect(await status()).toBe('STATUS:100 Queued\r\n');
    clock.advance(20);
    expect(await status()).toBe('STATUS:200 Sent\r\n');
    clock.advance(50);
    expect(await status()).toBe('STATUS:201 Received\r\n');
    expect((await get('request-status-update', { ...admin, 'message-id': guid, info: 'gateway' })).body).toBe('GATEWAY:GSM Modem Gateway\r\n');
    expect((await get('request-status-update', { ...admin, 'message-id': guid, info: 'error-code' })).body).toBe('ERROR-CODE:0 No error\r\n');
  });

  it('reports send errors (300) and undelivered messages (301) by destination rule', async () => {
    const failing = (await get('send-message', { ...admin, to: '+447700900666', message: 'x' })).body.slice(4).trim();
    const undelivered = (await get('send-message', { ...admin, to: '+447700900999', message: 'x' })).body.slice(4).trim();
    clock.advance(100);
    expect((await get('request-status-update', { ...admin, 'message-id': failing })).body).toBe('STATUS:300 Send error\r\n');
    expect((await get('request-status-update', { ...admin, 'message-id': undelivered })).body).toBe('STATUS:301 Undelivered\r\n');
    expect((await get('request-status-update', { ...admin, 'message-id': failing, info: 'error-code' })).body).toMatch(/^ERROR-CODE:\d+ \S/);
  });

  it('removes queued messages with "OK: …" and refuses sent ones with "ERROR: …"', async () => {
    const id = (await get('send-message', { ...admin, to: '+447700900123', message: 'x' })).body.slice(4).trim();
    expect((await get('remove-queued-message', { ...admin, 'message-id': id })).body).toMatch(/^OK: /);
    expect((await get('request-status-update', { ...admin, 'message-id': id })).body).toBe('ERROR:309 Message id not found\r\n');
    const sent = (await get('send-message', { ...admin, to: '+447700900123', message: 'x' })).body.slice(4).trim();
    clock.advance(20);
    expect((await get('remove-queued-message', { ...admin, 'message-id': sent })).body).toMatch(/^ERROR: \D/);
  });

  it('lists received messages as the seed\'s MessageList XML, honouring limit, order and remove', async () => {
    simulator.injectReceivedMessage({ from: '+44xxxxxx', text: 'Message text 1', smsc: '+44xxxxxxxxx' });
    clock.advance(1000);
    simulator.injectReceivedMessage({ from: '+33xxxxxxxx', text: 'Message text 2 & <3>' });
    const all = await get('request-received-messages', { ...admin, limit: 10, order: 'newest' });
    expect(all.body.startsWith(`<?xml version='1.0' encoding='UTF-8'?>\r\n<MessageList Count="2">\r\n <Message>\r\n   <From>+33xxxxxxxx</From>\r\n   <To />\r\n   <MessageText>Message text 2 &amp; &lt;3&gt;</MessageText>`)).toBe(true);
    expect(all.body).toContain('<SendTime>20260115102954</SendTime>\r\n   <ReceiveTime>20260115103001</ReceiveTime>');
    expect(all.body).toContain('<MessagePart>-1</MessagePart>');
    const one = await get('request-received-messages', { ...admin, limit: 1, remove: 1 });
    expect(one.body).toContain('<MessageList Count="1">');
    expect(one.body).toContain('Message text 1');
    expect((await get('request-received-messages', admin)).body).toContain('<MessageList Count="1">');
  });

  it('requires a named user for request-server-status and reports gateways and the queue', async () => {
    expect((await get('request-server-status')).body).toBe('ERROR:303 Guest login not available\r\n');
    await get('send-message', { ...admin, to: '+447700900123', message: 'x' });
    const status = (await get('request-server-status', admin)).body;
    expect(status).toContain('<Gateway Name="GSM Modem Gateway" Id="1" Active="1" Available="1" SendEnabled="1" ReceiveEnabled="1">');
    expect(status).toContain('<MessagesInSendQueue>1</MessagesInSendQueue>');
  });

  it('refuses send-server-command with 307 when disabled (the default) or for non-administrators', async () => {
    const defaults = new DiafaanSimulator({ clock });
    await defaults.start();
    const other = new UndiciHttpTransport({ baseUrl: defaults.baseUrl });
    try {
      const response = await other.request({ method: 'GET', path: '/http/send-server-command', query: { ...admin, command: 'stop-gateway' } });
      expect(response.body).toBe('ERROR:307 Operation not allowed\r\n');
    } finally {
      await other.close();
      await defaults.stop();
    }
    expect((await get('send-server-command', { username: 'user', password: 'diafaan-user', command: 'stop-gateway' })).body).toBe('ERROR:307 Operation not allowed\r\n');
    expect((await get('send-server-command', { ...admin, command: 'explode' })).body).toBe('ERROR:306 Unknown command or insufficient parameters\r\n');
    expect((await get('send-server-command', { ...admin, command: 'set-gateway-property', property: 'Enabled' })).body).toBe('ERROR:306 Unknown command or insufficient parameters\r\n');
  });

  it('keeps messages queued while a gateway is stopped or paused, and sends them when it starts again', async () => {
    expect((await get('send-server-command', { ...admin, command: 'stop-gateway', gateway: 'GSM Modem Gateway' })).body).toMatch(/^OK: /);
    const id = (await get('send-message', { ...admin, to: '+447700900123', message: 'x' })).body.slice(4).trim();
    clock.advance(1000);
    expect((await get('request-status-update', { ...admin, 'message-id': id })).body).toBe('STATUS:100 Queued\r\n');
    expect((await get('request-server-status', admin)).body).toContain('Active="0"');
    await get('send-server-command', { ...admin, command: 'start-gateway' });
    await get('send-server-command', { ...admin, command: 'pause-sending' });
    clock.advance(1000);
    expect((await get('request-status-update', { ...admin, 'message-id': id })).body).toBe('STATUS:100 Queued\r\n');
    await get('send-server-command', { ...admin, command: 'resume-sending', gateway: 'GSM Modem Gateway' });
    clock.advance(100);
    expect((await get('request-status-update', { ...admin, 'message-id': id })).body).toBe('STATUS:201 Received\r\n');
  });

  it('answers get-server-configuration and get-server-settings with XML and stores set-*-property', async () => {
    await get('send-server-command', { ...admin, command: 'set-gateway-property', gateway: 'GSM Modem Gateway', property: 'SendLimit', value: '500' });
    expect((await get('send-server-command', { ...admin, command: 'get-server-configuration' })).body).toContain('<SendLimit>500</SendLimit>');
    await get('send-server-command', { ...admin, command: 'set-settings-property', property: 'LogEventsToEmail', value: '1' });
    expect((await get('send-server-command', { ...admin, command: 'get-server-settings' })).body).toContain('<LogEventsToEmail>1</LogEventsToEmail>');
    expect((await get('send-server-command', { ...admin, command: 'stop-gateway', gateway: 'Nope' })).body).toBe('ERROR:306 Unknown command or insufficient parameters\r\n');
  });

  it('refuses any credentials while an auth-refused fault is active', async () => {
    simulator.faults.add({ kind: 'auth-refused', count: 2 });
    expect((await get('send-message', { ...admin, to: '+447700900123' })).body).toBe('ERROR:304 Authentication error\r\n');
    expect((await get('send-message', { ...admin, to: '+447700900123' })).body).toBe('ERROR:304 Authentication error\r\n');
    expect((await get('send-message', { ...admin, to: '+447700900123' })).body).toMatch(/^OK: /);
  });
});
