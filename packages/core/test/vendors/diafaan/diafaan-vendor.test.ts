import type { Clock } from '../../../src/clock';
import { GatewayAuthError, GatewayMalformedResponseError, GatewayUnreachableError, InvalidRequestError, SmsBridgeError } from '../../../src/errors';
import { createSimulator } from '../../../src/testing/simulator-catalog';
import { ManualClock } from '../../../src/testing/manual-clock';
import type { HttpTransport } from '../../../src/transport/http-transport';
import { UndiciHttpTransport } from '../../../src/transport';
import { diafaanVendor } from '../../../src/vendors/diafaan';
import { DiafaanSimulator } from '../../../src/vendors/diafaan/diafaan-simulator';
import type { GatewayClient } from '../../../src/vendors/gateway-client';
import { createVendorRegistry } from '../../../src/vendors/registry';
import { connectionArgs, runGatewayCommand } from '../../cli/gateway-run';
import type { ConnectContext } from '../../../src/vendors/vendor-entry';

const registry = createVendorRegistry();
const ADMIN = { username: 'admin', password: 'diafaan-admin' };

function failureOf(run: () => unknown): SmsBridgeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SmsBridgeError);
    return error as SmsBridgeError;
  }
  throw new Error('expected a failure');
}

async function rejectionOf(promise: Promise<unknown>): Promise<SmsBridgeError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(SmsBridgeError);
  return outcome as SmsBridgeError;
}

describe('diafaanVendor: the entry as data', () => {
  it('describes the vendor by its document, without seed, operations or factories', () => {
    expect(diafaanVendor.describe).toEqual({
      key: 'diafaan',
      displayName: 'Diafaan SMS Server',
      summary: expect.stringContaining('/http/<command>'),
      defaultPort: 9710,
      document: expect.stringMatching(/^Diafaan SMS Server manual, Web connector "HTTP API specifications"/),
      documentationUrl: 'https://www.diafaan.com/',
    });
    expect(diafaanVendor).not.toHaveProperty('createClient');
    expect(diafaanVendor).not.toHaveProperty('createSimulator');
    expect(createSimulator('diafaan')).toBeInstanceOf(DiafaanSimulator);
  });

  it('states what it can do: named recipients, no delivery report request, statuses and inbound by poll and push', () => {
    expect(diafaanVendor.capabilities).toEqual({
      operations: ['send', 'status', 'inbox', 'acknowledge', 'ussd', 'admin', 'verify'],
      statuses: 'both',
      inbound: 'both',
      sendFields: ['from', 'flash', 'validityMinutes', 'scheduleAt'],
      namedRecipients: true,
      limits: { maxParts: 255, maxNumberDigits: 15 },
    });
  });

  it('describes every connection setting the client reads, after the shared HTTP fields', () => {
    expect(diafaanVendor.connection.map((field) => field.name)).toEqual([
      'url',
      'username',
      'password',
      'allowUnauthorizedCerts',
      'ca',
      'timeoutMs',
      'method',
      'defaultGateway',
      'phoneNumberFormat',
      'defaultCountry',
      'inboxMode',
      'inboxPageSize',
      'serverUtcOffsetMinutes',
      'dateOrder',
      'retry',
      'messageIdPattern',
    ]);
    // Omitted credentials mean the guest account.
    expect(diafaanVendor.connection.filter((field) => field.required).map((field) => field.name)).toEqual(['url']);
    expect(diafaanVendor.sendOptions.map((field) => [field.name, field.type])).toEqual([
      ['priority', 'number'],
      ['gateway', 'list'],
      ['messageGuid', 'string'],
      ['messageInfo', 'string'],
      ['messageType', 'choice'],
    ]);
  });

  it('offers one admin command per API command, saying which change the server', () => {
    const commands = Object.fromEntries(diafaanVendor.adminCommands.map((command) => [command.name, command]));
    expect(Object.keys(commands)).toHaveLength(18);
    expect(Object.entries(commands).filter(([, command]) => !command.changesState).map(([name]) => name)).toEqual([
      'request-server-status',
      'request-status-update',
      'get-server-configuration',
      'get-server-settings',
    ]);
    expect(commands['remove-queued-message']!.args.map((arg) => [arg.name, arg.required])).toEqual([['messageId', true]]);
    expect(commands['request-status-update']!.args.find((arg) => arg.name === 'info')!.choices!.map((choice) => choice.value)).toEqual(['status', 'error-code', 'gateway']);
    expect(commands['set-routing-property']!.args.map((arg) => arg.name)).toEqual(['connector', 'gateway', 'property', 'value', 'reload']);
    expect(commands['stop-gateway']!.description).toMatch(/SendServerCommandEnabled/);
  });

  describe('push', () => {
    const push = diafaanVendor.push!;

    it('is set up in the gateway\'s own settings and carries inbound and statuses', () => {
      expect(push.carries).toEqual(['inbound', 'status']);
      expect(push.setup.how).toBe('gateway-ui');
      expect(push.setup.instructions('https://host.example/hook')).toContain('https://host.example/hook');
    });

    it('reads message_in and message_out, answering result=1 as the server expects', () => {
      const inbound = push.receive({ method: 'GET', query: 'action=message_in&from=%2B447700900001&message=Hi&message_id=m-1&send_time=20100219200855' });
      expect(inbound.inbound).toEqual([expect.objectContaining({ id: 'm-1', from: '+447700900001', text: 'Hi', gateway: 'diafaan' })]);
      expect(inbound.answer).toEqual({ status: 200, contentType: 'application/x-www-form-urlencoded', body: 'result=1' });
      const status = push.receive({ method: 'POST', body: 'action=message_out&to=%2B447700900002&message_id=m-2&status_code=201&status_text=Received', contentType: 'application/x-www-form-urlencoded' });
      expect(status.statuses).toEqual([expect.objectContaining({ messageId: 'm-2', state: 'delivered' })]);
      expect(status.inbound).toEqual([]);
    });

    it('answers 400 (never result=0, which would discard a message) to a call it cannot read', () => {
      const receipt = push.receive({ query: { from: 'x' } });
      expect(receipt.error).toBeInstanceOf(InvalidRequestError);
      expect(receipt.answer.status).toBe(400);
      expect(receipt.answer.body).not.toContain('result=');
    });
  });
});

describe('diafaanVendor through registry.open', () => {
  let clock: ManualClock;
  let simulator: DiafaanSimulator;
  const clients: GatewayClient[] = [];

  function open(values: Record<string, unknown> = {}, context: ConnectContext = {}): GatewayClient {
    const client = registry.open('diafaan', { url: simulator.baseUrl, ...ADMIN, ...values }, { clock, ...context });
    clients.push(client);
    return client;
  }
  const lastRequest = (path: string) => simulator.requestLog.filter((entry) => entry.path === path).at(-1)!;
  const sends = () => simulator.requestLog.filter((entry) => entry.path === '/http/send-message');

  beforeEach(async () => {
    clock = new ManualClock();
    simulator = new DiafaanSimulator({ clock, gateways: ['GSM1', 'GSM2'], serverCommandsEnabled: true });
    await simulator.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await simulator.stop();
  });

  describe('settings', () => {
    it('sends over GET through the default gateways, writing national numbers in E.164', async () => {
      const diafaan = open({ method: 'get', defaultGateway: 'GSM2; GSM1 ', phoneNumberFormat: 'e164', defaultCountry: 'gb' });
      const [result] = await diafaan.send({ to: ['07700 900123'], text: 'x' });
      expect(result).toMatchObject({ to: '+447700900123', accepted: true });
      const request = lastRequest('/http/send-message');
      expect(request.method).toBe('GET');
      expect(request.form).toEqual({});
      expect(request.query).toMatchObject({ to: '+447700900123', gateway: 'GSM2;GSM1' });
      expect(simulator.network.get(result!.messageId!)!.channel).toBe('GSM2');
    });

    it('sends as-is over POST without settings of its own', async () => {
      const [result] = await open().send({ to: ['07700 900123'], text: 'x' });
      expect(result!.to).toBe('07700900123');
      const request = lastRequest('/http/send-message');
      expect(request.method).toBe('POST');
      expect(request.form.gateway).toBeUndefined();
    });

    it('keeps the inbox on the server in keep mode, reading the newest page of the given size', async () => {
      simulator.injectReceivedMessage({ from: '+447700900001', text: 'a' });
      const keep = open({ inboxMode: 'Keep', inboxPageSize: '10' });
      const page = await keep.inbox!();
      expect(page.messages.map((message) => message.text)).toEqual(['a']);
      expect(lastRequest('/http/request-received-messages').form).toMatchObject({ limit: '10', order: 'newest' });
      await keep.acknowledge!(page.messages);
      expect(simulator.network.inbox).toHaveLength(1);
    });

    it('reads a 24-hour a/b/yyyy date in the dateOrder and zone the settings give', async () => {
      const answerWithDate = (date: string) =>
        simulator.faults.add({
          kind: 'http-status',
          status: 200,
          path: '/http/request-received-messages',
          body: `<?xml version='1.0' encoding='UTF-8'?>\r\n<MessageList Count="1">\r\n <Message>\r\n   <From>+447700900001</From>\r\n   <MessageText>a</MessageText>\r\n   <MessageId>m-1</MessageId>\r\n   <SendTime>${date}</SendTime>\r\n   <ReceiveTime>${date}</ReceiveTime>\r\n </Message>\r\n</MessageList>\r\n`,
        });
      answerWithDate('6/1/2026 10:29:53');
      const [monthFirst] = (await open({ serverUtcOffsetMinutes: '-300', dateOrder: 'mdy' }).inbox!()).messages;
      expect(monthFirst!.receivedAt).toBe('2026-06-01T10:29:53-05:00');
      answerWithDate('6/1/2026 10:29:53');
      const [dayFirst] = (await open({ serverUtcOffsetMinutes: 60, dateOrder: 'DMY' }).inbox!()).messages;
      expect(dayFirst!.receivedAt).toBe('2026-01-06T10:29:53+01:00');
    });

    it('accepts the message ids messageIdPattern describes, as a whole', async () => {
      const answerWith = (id: string) => simulator.faults.add({ kind: 'http-status', status: 200, body: `OK: ${id}\r\n`, path: '/http/send-message' });
      const idOf = async (values: Record<string, unknown>) => (await open(values).send({ to: ['+447700900123'], text: 'x' }))[0]!;
      answerWith('12345');
      // A cut-off answer: the server may have queued it, so the result is unknown, never an exception.
      expect(await idOf({})).toMatchObject({ state: 'unknown', errorCode: 'SMSB_GATEWAY_MALFORMED_RESPONSE' });
      answerWith('12345');
      expect((await idOf({ messageIdPattern: '\\d+' })).messageId).toBe('12345');
      answerWith('12345');
      expect((await idOf({ messageIdPattern: '\\d{3}' })).state).toBe('unknown');
      answerWith('anything at all');
      expect((await idOf({ messageIdPattern: '.*' })).messageId).toBe('anything at all');
    });

    describe('retry', () => {
      /** A server nobody can reach, and a clock that records the waits between attempts. */
      function unreachable(): { attempts: string[]; waits: number[]; context: ConnectContext } {
        const attempts: string[] = [];
        const transport: HttpTransport = {
          request: async (request) => {
            attempts.push(request.path);
            throw new GatewayUnreachableError('connection refused (test)');
          },
          close: async () => undefined,
        };
        const waits: number[] = [];
        const recording: Clock = {
          now: () => 0,
          setTimeout: (fn, ms) => {
            waits.push(ms);
            return setImmediate(fn);
          },
          clearTimeout: (handle) => clearImmediate(handle as NodeJS.Immediate),
        };
        return { attempts, waits, context: { transport, clock: recording } };
      }

      it.each<[string, Record<string, unknown>, number, number[]]>([
        ['one attempt by default', {}, 1, []],
        ['as many attempts as a number in text says, on the given clock', { retry: '3' }, 3, [500, 1000]],
        ['attempts and delays from an object', { retry: { maxAttempts: 4, initialDelayMs: 200, maxDelayMs: 500 } }, 4, [200, 400, 500]],
        ['attempts and delays from JSON text', { retry: '{"maxAttempts":2,"initialDelayMs":50}' }, 2, [50]],
        ['one attempt for false', { retry: 'false' }, 1, []],
      ])('makes %s', async (_what, values, attempts, waits) => {
        const run = unreachable();
        const error = await rejectionOf(open(values, run.context).send({ to: ['+447700900123'], text: 'x' }));
        expect(error).toBeInstanceOf(GatewayUnreachableError);
        expect([run.attempts.length, run.waits]).toEqual([attempts, waits]);
      });
    });

    it('refuses an unknown setting, naming it and every accepted one, and never repeats a misplaced password', () => {
      const error = failureOf(() => open({ inboxMode: 'keep', inboxmode: 'keep' }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).toBe(`The Diafaan SMS Server setting "inboxmode" does not exist: use ${diafaanVendor.connection.map((field) => field.name).join(', ')}.`);
      const misplaced = failureOf(() => open({ passwort: 'hunter2' }));
      expect(JSON.stringify(misplaced.toJSON())).not.toContain('hunter2');
      expect(clients).toHaveLength(0);
    });

    it.each<[string, unknown, RegExp]>([
      ['method', 'PUT', /takes POST or GET; got "PUT"/],
      ['phoneNumberFormat', 'national', /takes as-is or e164 or e164-no-plus/],
      ['defaultCountry', 'GBR', /takes a two-letter ISO country code/],
      ['inboxMode', 'sometimes', /takes remove or keep/],
      ['inboxPageSize', 'ten', /takes an integer from 1 to 100/],
      ['inboxPageSize', 0, /takes an integer from 1 to 100/],
      ['inboxPageSize', 1.5, /takes an integer from 1 to 100/],
      // The cursor remembers twice the page: more would pass the few KB a host stores.
      ['inboxPageSize', 1000, /takes an integer from 1 to 100/],
      ['serverUtcOffsetMinutes', 900, /takes an integer from -720 to 840/],
      ['dateOrder', 'ymd', /takes dmy or mdy/],
      ['retry', 'often', /takes a JSON value/],
      ['retry', 0, /"retry" takes a number of attempts \(1 to 10\)/],
      ['retry', [3], /"retry" takes a number of attempts .* or an object/],
      ['retry', { tries: 3 }, /has no field "tries": use maxAttempts, initialDelayMs, maxDelayMs/],
      ['retry', { maxAttempts: 2, initialDelayMs: -1 }, /field "initialDelayMs" takes an integer from 0 to 600000/],
      ['messageIdPattern', '(', /is not a valid regular expression/],
    ])('refuses %s = %p, naming the setting and what it takes', (key, value, message) => {
      const error = failureOf(() => open({ [key]: value }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).toContain(`"${key}"`);
      expect(error.message).toMatch(message);
      expect(error.details).toMatchObject({ gateway: 'diafaan', option: key });
    });
    it('takes the settings from the command line: smsbridge send --option …', async () => {
      const { args, password } = connectionArgs(simulator);
      const sent = await runGatewayCommand(
        ['send', ...args, '--to', '07700 900124', '--text', 'cli', '--option', 'method=GET', '--option', 'defaultGateway=GSM2', '--option', 'phoneNumberFormat=e164', '--option', 'defaultCountry=GB'],
        { SMSBRIDGE_PASSWORD: password },
      );
      expect(sent.stderr).toBe('');
      expect(sent.code).toBe(0);
      expect((JSON.parse(sent.stdout) as { to: string; accepted: boolean }[])[0]).toMatchObject({ to: '+447700900124', accepted: true });
      expect(lastRequest('/http/send-message')).toMatchObject({ method: 'GET', query: { to: '+447700900124', gateway: 'GSM2' } });

      const refused = await runGatewayCommand(['send', ...args, '--to', '+447700900124', '--text', 'cli', '--option', 'inboxMode=sometimes'], { SMSBRIDGE_PASSWORD: password });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('"inboxMode" takes remove or keep');
    });
  });

  describe('send', () => {
    it.each<[string, string[], string]>([
      ['an empty text', ['+447700900123'], ''],
      ['a 40-digit number', [`+${'4'.repeat(40)}`], 'hello'],
      ['a 100,000-character text (654 parts)', ['+447700900123'], 'x'.repeat(100_000)],
    ])('refuses %s before any request', async (_what, to, text) => {
      const error = await rejectionOf(open().send({ to, text }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.outcome).toBe('not-sent');
      expect(simulator.requestLog).toHaveLength(0);
    });

    it('refuses a GET request line the server would cut (16,000 characters), while POST carries the same text', async () => {
      const text = 'Привет '.repeat(700);
      const error = await rejectionOf(open({ method: 'GET' }).send({ to: ['+447700900123'], text }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).toMatch(/takes at most 16000/);
      expect(sends()).toHaveLength(0);
      const [result] = await open().send({ to: ['+447700900123'], text });
      expect(result).toMatchObject({ accepted: true, encoding: 'ucs2' });
    });

    it('refuses a delivery report request, which Diafaan cannot make per message, unless best effort', async () => {
      const error = await rejectionOf(open().send({ to: ['+447700900123'], text: 'x', statusReport: true }));
      expect(error.message).toMatch(/Diafaan SMS Server cannot honour delivery reports/);
      expect(sends()).toHaveLength(0);
      const [result] = await open().send({ to: ['+447700900123'], text: 'x', statusReport: true, bestEffort: true });
      expect(result!.accepted).toBe(true);
    });

    it('reads per-send options as typed values: priority "3" goes out as priority 3, gateways as a list', async () => {
      await open().send({ to: ['+447700900123'], text: 'x', vendorOptions: { priority: '3', gateway: 'GSM2;GSM1', messageInfo: 'order 42', messageType: 'SMS.TEXT' } });
      expect(lastRequest('/http/send-message').form).toMatchObject({ priority: '3', gateway: 'GSM2;GSM1', 'message-info': 'order 42', 'message-type': 'sms.text' });
      const error = await rejectionOf(open().send({ to: ['+447700900123'], text: 'x', vendorOptions: { priority: 'high' } }));
      expect(error.message).toMatch(/"priority" takes an integer/);
      expect(sends()).toHaveLength(1);
    });

    it('sends names that are not numbers as contact-name: a group answers one result per member', async () => {
      const results = await open().send({ to: ['Team', '+447700900123', 'Nobody'], text: 'x' });
      expect(results.map((result) => [result.to, result.accepted, result.state])).toEqual([
        ['Team', true, 'queued'],
        ['Team', true, 'queued'],
        ['+447700900123', true, 'queued'],
        ['Nobody', false, 'failed'],
      ]);
      expect(results[3]).toMatchObject({ errorCode: 301, errorMessage: 'No recipients found' });
      expect(sends().map((entry) => [entry.form.to, entry.form['contact-name']])).toEqual([
        [undefined, 'Team'],
        ['+447700900123', undefined],
        [undefined, 'Nobody'],
      ]);
      expect([...simulator.network.messages.values()].map((message) => message.to)).toEqual(['+447700900001', '+447700900002', '+447700900123']);
    });

    it('throws only when nothing reached the server; after that, every recipient has a result', async () => {
      simulator.faults.add({ kind: 'auth-refused', path: '/http/send-message' });
      const refused = await rejectionOf(open().send({ to: ['+447700900123', '+447700900124'], text: 'x' }));
      expect(refused).toBeInstanceOf(GatewayAuthError);
      expect(refused).toMatchObject({ outcome: 'refused', vendorCode: 304 });
      expect(sends()).toHaveLength(1);
    });
  });

  describe('admin', () => {
    it('reaches request-status-update with info=gateway and error-code', async () => {
      const diafaan = open();
      const [sent] = await diafaan.send({ to: ['+447700900123'], text: 'x' });
      clock.advance(100);
      const gateway = await diafaan.admin!('request-status-update', { messageId: sent!.messageId, info: 'gateway' });
      expect(gateway).toEqual({ command: 'request-status-update', ok: true, gateway: 'diafaan', data: { info: 'gateway', gatewayName: 'GSM1', line: 'GATEWAY:GSM1' } });
      expect((await diafaan.admin!('request-status-update', { messageId: sent!.messageId })).data).toMatchObject({ info: 'status', code: 201 });
      expect(lastRequest('/http/request-status-update').form.info).toBeUndefined();
    });

    it('reads arguments by their descriptors: a gateway list from text, reload from "false"', async () => {
      const diafaan = open();
      await diafaan.admin!('stop-gateway', { gateway: 'GSM1;GSM2' });
      expect(lastRequest('/http/send-server-command').form).toMatchObject({ command: 'stop-gateway', gateway: 'GSM1;GSM2' });
      expect([...simulator.gateways.values()].map((gateway) => gateway.active)).toEqual([false, false]);
      await diafaan.admin!('set-gateway-property', { gateway: 'GSM1', property: 'SendLimit', value: '100', reload: 'false' });
      expect(lastRequest('/http/send-server-command').form).toMatchObject({ property: 'SendLimit', value: '100', reload: '0' });
    });

    it('refuses unknown commands, unknown arguments and missing required ones before any request', async () => {
      const diafaan = open();
      expect((await rejectionOf(diafaan.admin!('format-disk'))).message).toMatch(/"format-disk" is not a Diafaan SMS Server command: use request-server-status, request-status-update/);
      expect((await rejectionOf(diafaan.admin!('remove-queued-message', { 'message-id': 'x' }))).message).toMatch(/"message-id" does not exist: use messageId/);
      expect((await rejectionOf(diafaan.admin!('set-settings-property', { property: 'LogEventsToEmail' }))).message).toMatch(/"value" \(Value\) is required/);
      expect(simulator.requestLog).toHaveLength(0);
    });
  });

  describe('verify', () => {
    it('proves URL and credentials with a status request for an id nobody has, as a plain user too', async () => {
      expect(await open().verify()).toEqual({ status: 'verified', message: expect.stringContaining('accepted user "admin"') });
      expect(await open({ username: 'user', password: 'diafaan-user' }).verify()).toMatchObject({ status: 'verified' });
      expect(lastRequest('/http/request-status-update').form).toMatchObject({ 'message-id': '00000000-0000-0000-0000-000000000000' });
      expect(simulator.network.messages.size).toBe(0);
    });

    it('reports a wrong password, a disabled guest account and an unreachable server as failed', async () => {
      const wrong = await open({ password: 'wrong-3141' }).verify();
      expect(wrong).toMatchObject({ status: 'failed', error: expect.any(GatewayAuthError) });
      expect(JSON.stringify(wrong)).not.toContain('wrong-3141');
      simulator.guestEnabled = false;
      expect(await open({ username: '', password: '' }).verify()).toMatchObject({ status: 'failed', message: expect.stringMatching(/303 Guest login not available/) });
      simulator.guestEnabled = true;
      expect(await open({ username: '', password: '' }).verify()).toMatchObject({ status: 'verified', message: expect.stringContaining('guest account') });
      const url = simulator.baseUrl;
      await simulator.stop();
      const down = registry.open('diafaan', { url, ...ADMIN, timeoutMs: 500 });
      clients.push(down);
      expect(await down.verify()).toMatchObject({ status: 'failed', error: expect.any(GatewayUnreachableError) });
      await simulator.start();
    });

    it('treats an unreadable answer as failed, not verified', async () => {
      simulator.faults.add({ kind: 'malformed-body', body: 'Hello?', path: '/http/request-status-update' });
      expect(await open().verify()).toMatchObject({ status: 'failed', error: expect.any(GatewayMalformedResponseError) });
    });
  });

  describe('inbox', () => {
    it('hands out without removing, so a host that crashes before storing its cursor loses nothing', async () => {
      simulator.network.injectInbound({ from: '+447700900777', text: 'kept' });
      const first = await open().inbox!();
      expect(first.messages.map((message) => message.text)).toEqual(['kept']);
      const again = await open().inbox!();
      expect(again.messages.map((message) => message.text)).toEqual(['kept']);
      await open().acknowledge!(again.messages);
      expect(simulator.network.inbox).toEqual([]);
      expect((await open().inbox!(again.cursor)).messages).toEqual([]);
    });

    it('keeps its cursor within a few KB however many messages passed', async () => {
      for (let index = 0; index < 250; index += 1) simulator.network.injectInbound({ from: '+447700900777', text: `m${index}` });
      const diafaan = open({ inboxPageSize: 100, inboxMode: 'keep' });
      let cursor: string | undefined;
      let seen = 0;
      for (let poll = 0; poll < 3; poll += 1) {
        const page = await diafaan.inbox!(cursor);
        seen += page.messages.length;
        cursor = page.cursor;
        expect(cursor!.length).toBeLessThan(4096);
      }
      expect(seen).toBe(100);
    });
  });

  it('leaves a transport it was given open when it closes', async () => {
    const transport = new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: 'diafaan' });
    try {
      const diafaan = open({}, { transport });
      await diafaan.send({ to: ['+447700900123'], text: 'x' });
      await diafaan.close();
      const response = await transport.request({ method: 'GET', path: '/http/request-status-update', query: { ...ADMIN, 'message-id': 'x' }, idempotent: true });
      expect(response.body).toBe('ERROR:309 Message id not found\r\n');
    } finally {
      await transport.close();
    }
  });
});
