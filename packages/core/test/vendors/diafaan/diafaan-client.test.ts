import { GatewayAuthError, InvalidRequestError } from '../../../src/errors';
import { DiafaanClient, type DiafaanClientOptions } from '../../../src/vendors/diafaan';
import { DiafaanSimulator } from '../../../src/vendors/diafaan/diafaan-simulator';
import { ManualClock } from '../../../src/testing/manual-clock';

describe('DiafaanClient against the simulator', () => {
  let clock: ManualClock;
  let simulator: DiafaanSimulator;
  const clients: DiafaanClient[] = [];
  const client = (extra: Partial<DiafaanClientOptions> = {}) => {
    const created = new DiafaanClient({ baseUrl: simulator.baseUrl, username: 'admin', password: 'diafaan-admin', ...extra });
    clients.push(created);
    return created;
  };

  beforeEach(async () => {
    clock = new ManualClock();
    simulator = new DiafaanSimulator({ clock, serverCommandsEnabled: true });
    await simulator.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((created) => created.close()));
    await simulator.stop();
  });

  describe.each(['POST', 'GET'] as const)('over %s', (method) => {
    it('sends one request per recipient and reports ids, parts and encoding', async () => {
      const results = await client({ method }).send({ to: ['+447700900123', '+447700900124'], text: 'Hello' });
      expect(results).toHaveLength(2);
      expect(results.map((result) => [result.to, result.accepted, result.state, result.parts, result.encoding])).toEqual([
        ['+447700900123', true, 'queued', 1, 'gsm7'],
        ['+447700900124', true, 'queued', 1, 'gsm7'],
      ]);
      const sent = simulator.requestLog.filter((entry) => entry.path === '/http/send-message');
      expect(sent).toHaveLength(2);
      if (method === 'POST') {
        expect(sent[0]!.form).toMatchObject({ username: 'admin', password: 'diafaan-admin', to: '+447700900123', 'message-type': 'sms.text', message: 'Hello' });
        expect(sent[0]!.query).toEqual({});
      } else {
        expect(sent[0]!.query).toMatchObject({ to: '+447700900123', 'message-type': 'sms.text' });
      }
    });

    it('follows a message to delivered through status()', async () => {
      const diafaan = client({ method });
      const [result] = await diafaan.send({ to: ['+447700900123'], text: 'x' });
      expect((await diafaan.status(result!.messageId!)).state).toBe('queued');
      clock.advance(20);
      expect(await diafaan.status(result!.messageId!)).toMatchObject({ state: 'sent', rawStatus: 'STATUS:200 Sent', gateway: 'diafaan' });
      clock.advance(50);
      expect(await diafaan.status(result!.messageId!)).toMatchObject({ state: 'delivered', rawStatus: 'STATUS:201 Received', raw: { statusCode: 201, statusText: 'Received' } });
    });
  });

  it('chooses sms.unicode and counts UCS-2 parts for non-GSM text, and sms.text.flash for flash', async () => {
    const diafaan = client();
    const [unicode] = await diafaan.send({ to: ['+447700900123'], text: 'Привет '.repeat(12) });
    expect(unicode).toMatchObject({ encoding: 'ucs2', parts: 2 });
    expect(simulator.requestLog.at(-1)!.form['message-type']).toBe('sms.unicode');
    const [long] = await diafaan.send({ to: ['+447700900123'], text: 'a'.repeat(161) });
    expect(long).toMatchObject({ encoding: 'gsm7', parts: 2 });
    await diafaan.send({ to: ['+447700900123'], text: 'flash', flash: true });
    expect(simulator.requestLog.at(-1)!.form['message-type']).toBe('sms.text.flash');
    await expect(diafaan.send({ to: ['+447700900123'], text: 'Привет', flash: true })).rejects.toThrow(InvalidRequestError);
  });

  it('passes every send-message parameter through sendMessage()', async () => {
    const lines = await client().api.sendMessage({
      to: ['+447700900123'],
      contactName: 'Alice',
      from: 'ACME',
      message: 'x',
      messageType: 'sms.text',
      messageGuid: 'c3b0c20a-b63e-4bbf-919f-3d4251a8b9c0',
      messageInfo: 'order 42',
      gateway: ['GSM Modem Gateway'],
      priority: 5,
      validityPeriod: 3600,
      scheduled: new Date(Date.UTC(2026, 0, 15, 12, 0, 0)),
    });
    expect(lines).toEqual([
      { ok: true, messageId: 'c3b0c20a-b63e-4bbf-919f-3d4251a8b9c0', line: 'OK: c3b0c20a-b63e-4bbf-919f-3d4251a8b9c0' },
      { ok: true, messageId: 'c3b0c20a-b63e-4bbf-919f-3d4251a8b9c0-2', line: 'OK: c3b0c20a-b63e-4bbf-919f-3d4251a8b9c0-2' },
    ]);
    expect(simulator.requestLog.at(-1)!.form).toMatchObject({
      'contact-name': 'Alice',
      from: 'ACME',
      'message-info': 'order 42',
      gateway: 'GSM Modem Gateway',
      priority: '5',
      'validity-period': '3600',
      scheduled: '2026-01-15T12:00:00.000+00:00',
    });
    const scheduled = simulator.network.get('c3b0c20a-b63e-4bbf-919f-3d4251a8b9c0')!;
    expect(scheduled.notBefore).toBe(Date.UTC(2026, 0, 15, 12, 0, 0));
  });

  it('maps validity minutes and scheduleAt of the neutral request', async () => {
    await client().send({ to: ['+447700900123'], text: 'x', validityMinutes: 90, scheduleAt: new Date(Date.UTC(2026, 5, 1)) });
    expect(simulator.requestLog.at(-1)!.form).toMatchObject({ 'validity-period': '5400', scheduled: '2026-06-01T00:00:00.000+00:00' });
  });

  it('turns per-recipient errors into results and request errors into typed exceptions', async () => {
    const [rejected] = await client().send({ to: ['12'], text: 'x' });
    expect(rejected).toMatchObject({ accepted: false, state: 'failed', errorCode: 311, errorMessage: 'Message rejected' });
    await expect(client({ password: 'wrong' }).send({ to: ['+447700900123'], text: 'x' })).rejects.toBeInstanceOf(GatewayAuthError);
    const lines = await client().api.sendMessage({ contactName: 'Nobody', message: 'x' });
    expect(lines).toEqual([{ ok: false, code: 301, text: 'No recipients found', line: 'ERROR:301 No recipients found' }]);
  });

  it('reports every documented error code with its meaning and advice', async () => {
    simulator.guestEnabled = false;
    await expect(client({ username: undefined, password: undefined }).send({ to: ['+447700900123'], text: 'x' })).rejects.toThrow(/303 Guest login not available — give a username/);
    await expect(client({ password: 'bad' }).status('x')).rejects.toThrow(/304 Authentication error/);
    await expect(client().status('c3b0c20a-0000-0000-0000-000000000000')).rejects.toMatchObject({ vendorCode: 309, code: 'SMSB_GATEWAY_REJECTED' });
    await expect(client().api.sendServerCommand('set-gateway-property', { property: 'Enabled' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(client({ username: 'user', password: 'diafaan-user' }).api.sendServerCommand('stop-gateway')).rejects.toThrow(/307 Operation not allowed — .*SendServerCommandEnabled/);
    await expect(client().api.sendServerCommand('stop-gateway', { gateway: 'Nope' })).rejects.toMatchObject({ vendorCode: 306 });
  });

  it('reads error-code and gateway information of a status', async () => {
    const diafaan = client();
    const [failing] = await diafaan.send({ to: ['+447700900666'], text: 'x' });
    clock.advance(100);
    const status = await diafaan.status(failing!.messageId!);
    expect(status).toMatchObject({ state: 'failed', rawStatus: 'STATUS:300 Send error', errorCode: 500 });
    const [ok] = await diafaan.send({ to: ['+447700900123'], text: 'x' });
    clock.advance(100);
    expect(await diafaan.api.requestStatusUpdate(ok!.messageId!, 'gateway')).toEqual({ info: 'gateway', gatewayName: 'GSM Modem Gateway', line: 'GATEWAY:GSM Modem Gateway' });
    expect(await diafaan.api.requestStatusUpdate(ok!.messageId!, 'error-code')).toMatchObject({ code: 0, text: 'No error' });
  });

  it('removes a queued message, and reports the server\'s refusal for a sent one', async () => {
    const diafaan = client();
    const [queued] = await diafaan.send({ to: ['+447700900123'], text: 'x' });
    expect(await diafaan.api.removeQueuedMessage(queued!.messageId!)).toEqual({ removed: true, text: 'Message removed from the send queue' });
    const [sent] = await diafaan.send({ to: ['+447700900123'], text: 'x' });
    clock.advance(20);
    await expect(diafaan.api.removeQueuedMessage(sent!.messageId!)).rejects.toThrow(/The message is not in the send queue/);
    expect((await diafaan.admin('remove-queued-message', { messageId: (await diafaan.send({ to: ['+447700900123'], text: 'y' }))[0]!.messageId })).ok).toBe(true);
  });

  it('reads the server status by element and attribute names', async () => {
    const diafaan = client();
    await diafaan.send({ to: ['+447700900123'], text: 'x' });
    const status = await diafaan.api.requestServerStatus();
    expect(status.messagesInSendQueue).toBe(1);
    expect(status.gateways).toEqual([
      expect.objectContaining({ name: 'GSM Modem Gateway', id: '1', active: true, available: true, sendEnabled: true, receiveEnabled: true, messagesInSendQueue: 1 }),
    ]);
    expect((await diafaan.admin('request-server-status')).data).toMatchObject({ messagesInSendQueue: 1 });
  });

  it('runs all fifteen server commands', async () => {
    const diafaan = client();
    const commands = [
      ['start-gateway', {}],
      ['stop-gateway', { gateway: 'GSM Modem Gateway' }],
      ['restart-gateway', {}],
      ['start-connector', { connector: 'SQL Connector' }],
      ['stop-connector', { connector: ['SQL Connector', 'Web Connector'] }],
      ['restart-connector', {}],
      ['reset-send-limit', {}],
      ['pause-sending', {}],
      ['resume-sending', {}],
      ['set-gateway-property', { gateway: 'GSM Modem Gateway', property: 'SendLimit', value: 100, reload: false }],
      ['set-connector-property', { connector: 'SQL Connector', property: 'SMSOut.Enabled', value: false }],
      ['set-routing-property', { connector: 'SQL Connector', gateway: 'GSM Modem Gateway', property: 'Receive', value: 0 }],
      ['set-settings-property', { property: 'LogEventsToEmail', value: 1 }],
    ] as const;
    for (const [command, parameters] of commands) {
      const result = await diafaan.api.sendServerCommand(command, parameters);
      expect(result.line).toMatch(/^OK: /);
    }
    expect(simulator.requestLog.find((entry) => entry.form['command'] === 'stop-connector')!.form['connector']).toBe('SQL Connector;Web Connector');
    expect(simulator.requestLog.find((entry) => entry.form['command'] === 'set-gateway-property')!.form).toMatchObject({ value: '100', reload: '0' });
    expect(simulator.routing.get('SQL Connector|GSM Modem Gateway')).toEqual({ Receive: '0' });
    const configuration = await diafaan.api.sendServerCommand('get-server-configuration');
    expect(JSON.stringify(configuration.xml)).toContain('"SendLimit":"100"');
    const settings = await diafaan.admin('get-server-settings');
    expect(JSON.stringify(settings.data)).toContain('"LogEventsToEmail":"1"');
  });

  it('polls the inbox oldest first without removing anything, skipping what the cursor handed out already', async () => {
    const diafaan = client();
    simulator.injectReceivedMessage({ from: '+447700900001', text: 'first' });
    clock.advance(1000);
    simulator.injectReceivedMessage({ from: '+447700900002', text: 'second' });
    const page = await diafaan.inbox();
    expect(page.messages.map((message) => message.text)).toEqual(['first', 'second']);
    expect(page.messages[0]).toMatchObject({ from: '+447700900001', gateway: 'diafaan', port: 'GSM Modem Gateway', receivedAt: '2026-01-15T10:29:53' });
    const request = simulator.requestLog.at(-1)!;
    expect(request.form).toMatchObject({ limit: '50' });
    expect(request.form.remove).toBeUndefined();
    expect(request.form.order).toBeUndefined();
    expect(simulator.network.inbox).toHaveLength(2);
    const again = await diafaan.inbox(page.cursor);
    expect(again.messages).toEqual([]);
    simulator.injectReceivedMessage({ from: '+447700900003', text: 'third' });
    expect((await diafaan.inbox(again.cursor)).messages.map((message) => message.text)).toEqual(['third']);
    expect(simulator.requestLog.filter((entry) => entry.form.remove !== undefined || entry.query.remove !== undefined)).toEqual([]);
  });

  it('acknowledges by removing the handed-out head of the list, and no message behind one that was not acknowledged', async () => {
    const diafaan = client();
    for (const text of ['a', 'b', 'c']) {
      simulator.injectReceivedMessage({ from: '+447700900001', text });
      clock.advance(1000);
    }
    const page = await diafaan.inbox();
    const [a, b, c] = page.messages;
    // b only: a (older, not acknowledged) is first in the list, so nothing can be removed yet.
    await diafaan.acknowledge([b!]);
    expect(simulator.network.inbox.map((message) => message.text)).toEqual(['a', 'b', 'c']);
    // a as well: a and b are the acknowledged head and go; c stays.
    await diafaan.acknowledge([a!]);
    expect(simulator.network.inbox.map((message) => message.text)).toEqual(['c']);
    const removal = simulator.requestLog.filter((entry) => entry.form.remove === '1');
    expect(removal.map((entry) => entry.form.limit)).toEqual(['2']);
    await diafaan.acknowledge([c!]);
    expect(simulator.network.inbox).toEqual([]);
  });

  it('keeps skipping acknowledged messages the server did not remove (remove=1 is unreliable on some servers)', async () => {
    simulator.removeIsUnreliable = true;
    const diafaan = client();
    simulator.injectReceivedMessage({ from: '+447700900001', text: 'stays' });
    const page = await diafaan.inbox();
    await diafaan.acknowledge(page.messages);
    expect(simulator.network.inbox).toHaveLength(1);
    expect((await diafaan.inbox(page.cursor)).messages).toEqual([]);
  });

  it('finds new messages at the newest end when the oldest page is all handed out and still on the server', async () => {
    const diafaan = client({ inboxPageSize: 2 });
    simulator.injectReceivedMessage({ from: '+447700900001', text: 'a' });
    clock.advance(10);
    simulator.injectReceivedMessage({ from: '+447700900001', text: 'b' });
    const page = await diafaan.inbox();
    clock.advance(10);
    simulator.injectReceivedMessage({ from: '+447700900001', text: 'c' });
    const next = await diafaan.inbox(page.cursor);
    expect(next.messages.map((message) => message.text)).toEqual(['c']);
    expect(simulator.requestLog.at(-1)!.form).toMatchObject({ limit: '2', order: 'newest' });
  });

  it('hands out a message that a removal took although nobody acknowledged it (another program removed one in between)', async () => {
    const diafaan = client({ inboxPageSize: 1 });
    simulator.injectReceivedMessage({ from: '+447700900001', text: 'first' });
    clock.advance(10);
    simulator.injectReceivedMessage({ from: '+447700900001', text: 'second' });
    const page = await diafaan.inbox();
    expect(page.messages.map((message) => message.text)).toEqual(['first']);
    const originalTake = simulator.faults.take.bind(simulator.faults);
    simulator.faults.take = (method, path) => {
      // Another reader of the same Diafaan user removes "first" just before our removal arrives.
      if (path === '/http/request-received-messages' && simulator.requestLog.at(-1)!.form.remove === '1') simulator.network.removeInbound([simulator.network.inbox[0]!.id]);
      return originalTake(method, path);
    };
    await diafaan.acknowledge(page.messages);
    simulator.faults.take = originalTake;
    expect(simulator.network.inbox).toEqual([]);
    expect((await diafaan.inbox(page.cursor)).messages.map((message) => message.text)).toEqual(['second']);
  });

  it('keeps messages on the server in "keep" mode, reading the newest page', async () => {
    const diafaan = client({ inboxMode: 'keep', inboxPageSize: 10 });
    simulator.injectReceivedMessage({ from: '+447700900001', text: 'a' });
    clock.advance(10);
    simulator.injectReceivedMessage({ from: '+447700900002', text: 'b' });
    const page = await diafaan.inbox();
    expect(page.messages.map((message) => message.text)).toEqual(['a', 'b']);
    expect(simulator.network.inbox).toHaveLength(2);
    expect(simulator.requestLog.at(-1)!.form).toMatchObject({ order: 'newest' });
    expect((await diafaan.inbox(page.cursor)).messages).toEqual([]);
    await diafaan.acknowledge(page.messages);
    expect(simulator.network.inbox).toHaveLength(2);
  });

  it('reads locale dates and applies the server offset', async () => {
    simulator.dateStyle = 'us-locale';
    simulator.injectReceivedMessage({ from: '+447700900001', text: 'pm' });
    const [message] = (await client({ serverUtcOffsetMinutes: 60 }).inbox()).messages;
    expect(message!.receivedAt).toBe('2026-01-15T10:29:53+01:00');
    expect(message!.raw).toMatchObject({ SendTime: '1/15/2026 10:29:53 AM' });
  });

  it('refuses a cursor it did not write', async () => {
    await expect(client().inbox('not json')).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('starts a USSD request whose reply arrives as a gsm.ussd received message', async () => {
    const diafaan = client();
    const exchange = await diafaan.ussd({ code: '*100#', port: 'GSM Modem Gateway' });
    expect(exchange).toMatchObject({ code: '*100#', state: 'pending', awaitingInput: false, gateway: 'diafaan' });
    expect(simulator.requestLog.at(-1)!.form).toMatchObject({ to: '*100#', 'message-type': 'gsm.ussd', gateway: 'GSM Modem Gateway' });
    clock.advance(30);
    const [reply] = (await diafaan.inbox()).messages;
    expect(reply).toMatchObject({ from: '*100#', text: expect.stringContaining('balance'), raw: expect.objectContaining({ MessageType: 'gsm.ussd' }) });
  });

  it('keeps the checks only Diafaan knows, before anything is sent (the shared ones run in front of send)', async () => {
    const diafaan = client();
    await expect(diafaan.api.sendMessage({ message: 'x' })).rejects.toThrow(/"to".*"contact-name"/);
    await expect(diafaan.send({ to: ['+447700900123', '+447700900124'], text: 'x', vendorOptions: { messageGuid: 'g' } })).rejects.toThrow(/one recipient/);
    await expect(diafaan.send({ to: ['Team;Alice'], text: 'x' })).rejects.toThrow(/semicolon/);
    await expect(diafaan.admin('format-disk')).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(diafaan.admin('server-status')).rejects.toBeInstanceOf(InvalidRequestError);
    expect(simulator.requestLog).toHaveLength(0);
  });

  it('fails the whole send when the first recipient fails (nothing was queued)', async () => {
    simulator.faults.add({ kind: 'auth-refused', path: '/http/send-message' });
    await expect(client().send({ to: ['+447700900123', '+447700900124'], text: 'x' })).rejects.toBeInstanceOf(GatewayAuthError);
    expect(simulator.network.messages.size).toBe(0);
  });

  it('keeps results of earlier recipients when a later one fails, and stops after an auth failure', async () => {
    const partial = await sendAfterFirst(client(), simulator);
    expect(partial.map((result) => [result.accepted, result.state])).toEqual([
      [true, 'queued'],
      [false, 'failed'],
      [false, 'failed'],
    ]);
    // The result carries the vendor's own code (ERROR:304), as every vendor's results do.
    expect(partial[1]!.errorCode).toBe(304);
    expect(partial[2]!.errorMessage).toMatch(/^Not sent: /);
    expect(simulator.requestLog.filter((entry) => entry.path === '/http/send-message')).toHaveLength(2);
  });

  it('marks a later recipient "unknown" when its answer was lost after the server acted', async () => {
    const diafaan = client();
    let calls = 0;
    const originalTake = simulator.faults.take.bind(simulator.faults);
    simulator.faults.take = (method, path) => {
      calls += 1;
      if (calls === 2) simulator.faults.add({ kind: 'drop-connection', afterHandling: true });
      return originalTake(method, path);
    };
    const results = await diafaan.send({ to: ['+447700900141', '+447700900142', '+447700900143'], text: 'x' });
    expect(results.map((result) => result.state)).toEqual(['queued', 'unknown', 'queued']);
    expect(results[1]!.errorCode).toBe('SMSB_GATEWAY_MALFORMED_RESPONSE');
    expect(simulator.network.messages.size).toBe(3);
  });
});

/** Sends to three recipients with the auth fault armed after the first request passed. */
async function sendAfterFirst(diafaan: DiafaanClient, simulator: DiafaanSimulator) {
  const originalTake = simulator.faults.take.bind(simulator.faults);
  let calls = 0;
  simulator.faults.take = (method, path) => {
    calls += 1;
    if (calls === 2) simulator.faults.add({ kind: 'auth-refused' });
    return originalTake(method, path);
  };
  try {
    return await diafaan.send({ to: ['+447700900131', '+447700900132', '+447700900133'], text: 'x' });
  } finally {
    simulator.faults.take = originalTake;
  }
}
