import { JasminSimulator } from '../../../src/vendors/jasmin/jasmin-simulator';
import { ManualClock } from '../../../src/testing/manual-clock';
import { eventually, PushReceiverServer } from '../routesms/push-receiver-server';
import { basic, rawHttp } from './raw-http';

type Simulator = InstanceType<typeof JasminSimulator>;

const AUTH = { authorization: basic('foo', 'bar') };
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DAY_S = 24 * 60 * 60;
const DAY_MS = DAY_S * 1000;

let simulator: Simulator;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock();
  simulator = new JasminSimulator({ clock, accounts: [{ username: 'foo', password: 'bar' }], network: { sendDelayMs: 10, deliveryDelayMs: 10 } });
  await simulator.start();
});

afterEach(async () => {
  await simulator.stop();
});

const post = (path: string, body: string, headers: Record<string, string> = AUTH) => rawHttp(simulator.baseUrl, 'POST', path, { headers, body });
const get = (path: string, headers: Record<string, string> = AUTH) => rawHttp(simulator.baseUrl, 'GET', path, { headers });

describe('Jasmin simulator: the notes table, byte for byte', () => {
  it('send OK with "to" as a number or a string: the closing quote is missing', async () => {
    for (const to of ['19012233451', '"19012233451"']) {
      const answer = await post('/secure/send', `{"to": ${to}, "from": "D7sms", "content": "Hello"}`);
      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(answer.body).toMatch(new RegExp(`^\\{"data": "Success \\\\"${UUID}"\\}$`));
    }
  });

  it('balance OK with numbers, not strings', async () => {
    expect((await get('/secure/balance')).body).toBe('{"data": {"balance": 1000.23, "sms_count": "ND"}}');
  });

  it('wrong credentials: 403 on send and balance, 412 on sendbatch', async () => {
    const wrong = { authorization: basic('foo', 'nope') };
    expect(await post('/secure/send', '{"to": 1, "content": "x"}', wrong)).toMatchObject({ status: 403, body: '{"message": "Error \\"Authentication failure for username:foo"}' });
    expect(await get('/secure/balance', wrong)).toMatchObject({ status: 403, body: '{"message": "Error \\"Authentication failure for username:foo"}' });
    expect(await post('/secure/sendbatch', '{"messages": []}', wrong)).toMatchObject({
      status: 412,
      body: '{"title": "Authentication failed", "description": "Authentication failed for user: foo"}',
    });
  });

  it('401 only without (or with a malformed) Basic header', async () => {
    const missing = await post('/secure/send', '{"to": 1, "content": "x"}', {});
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ title: 'Authentication required', description: 'Please provide a valid Basic auth token' });
    expect((await get('/secure/balance', { authorization: 'Basic' })).status).toBe(401);
  });

  it('400 for an unknown argument or a bad to', async () => {
    expect(await post('/secure/send', '{"to": 1, "content": "x", "foo": 1}')).toMatchObject({ status: 400, body: '{"message": "Error \\"Argument [foo] is unknown."}' });
    expect(await post('/secure/send', '{"to": "abc", "content": "x"}')).toMatchObject({ status: 400, body: '{"message": "Error \\"Argument [to] has an invalid value: [abc]."}' });
  });

  it('412 for no route, unparseable JSON and schedule errors', async () => {
    expect(await post('/secure/send', '{"to": "0001234", "content": "x"}')).toMatchObject({ status: 412, body: '{"message": "Error \\"No route found"}' });
    const json = await post('/secure/send', '{"to": 1,');
    expect(json.status).toBe(412);
    expect(JSON.parse(json.body).title).toBe('Cannot parse JSON data');
    const unparseable = await post('/secure/sendbatch', '{"batch_config": {"schedule_at": "tomorrow"}, "messages": []}');
    expect(unparseable.status).toBe(412);
    expect(JSON.parse(unparseable.body).title).toBe('Cannot parse scheduled_at value');
    const past = await post('/secure/sendbatch', '{"batch_config": {"schedule_at": "2017-11-15 09:00:00"}, "messages": []}');
    expect(past.status).toBe(412);
    expect(JSON.parse(past.body).title).toBe('Cannot schedule batch in past date');
  });

  it('404 for an unknown path, 405 for a wrong method', async () => {
    expect(await get('/secure/nothing')).toMatchObject({ status: 404, body: '{"title": "404 Not Found"}' });
    expect((await get('/secure/send')).status).toBe(405);
    expect((await post('/ping', '')).status).toBe(405);
  });

  it('ping without auth, rate as in the notes', async () => {
    expect(await get('/ping', {})).toMatchObject({ status: 200, body: '{"data": "Jasmin/PONG"}' });
    expect((await get(`/secure/rate?to=19012233451&content=${'a'.repeat(200)}`)).body).toBe('{"data": {"submit_sm_count": 2, "unit_rate": 2.8}}');
  });

  it('415 when the client refuses JSON', async () => {
    expect((await get('/secure/balance', { ...AUTH, accept: 'text/html' })).status).toBe(415);
  });
});

describe('Jasmin simulator behaviour', () => {
  it('parses JSON whatever the content type, and treats _ as -', async () => {
    const answer = await post('/secure/send', '{"to": 1, "content": "x", "dlr_url": "http://127.0.0.1:9/dlr", "dlr_level": 2}', { ...AUTH, 'content-type': 'text/plain' });
    expect(answer.status).toBe(200);
    const id = JSON.parse(answer.body).data.match(new RegExp(UUID))[0];
    expect(simulator.network.get(id)!.meta['dlr']).toEqual({ url: 'http://127.0.0.1:9/dlr', level: 2, method: 'POST' });
  });

  it('decodes coding 8 hex_content as UTF-16BE and refuses content with hex_content', async () => {
    const answer = await post('/secure/send', '{"to": 971509001000, "from": "D7sms", "coding": 8, "hex_content": "0623063106460628"}');
    const id = JSON.parse(answer.body).data.match(new RegExp(UUID))[0];
    expect(simulator.network.get(id)!.text).toBe('أرنب');
    expect((await post('/secure/send', '{"to": 1, "content": "x", "hex_content": "00"}')).status).toBe(400);
  });

  it('sendbatch: globals, several destinations, skipped messages, scheduled answer', async () => {
    const body = {
      globals: { from: 'Brand2' },
      messages: [
        { from: 'Brand1', to: ['55555551', '55555552', '55555553'], content: 'Message 1' },
        { to: '7777771', content: 'Message 3' },
        { content: 'no destination' },
        { to: '7777772' },
      ],
    };
    const now = JSON.parse((await post('/secure/sendbatch', JSON.stringify(body))).body);
    expect(now).toEqual({ data: { batchId: expect.stringMatching(new RegExp(`^${UUID}$`)), messageCount: 4 } });
    clock.advance(1);
    const sent = [...simulator.network.messages.values()];
    expect(sent.map((m) => [m.to, m.from])).toEqual([
      ['55555551', 'Brand1'],
      ['55555552', 'Brand1'],
      ['55555553', 'Brand1'],
      ['7777771', 'Brand2'],
    ]);

    const later = await post('/secure/sendbatch', JSON.stringify({ batch_config: { schedule_at: '86400s' }, messages: [{ to: '7777771', content: 'Good morning !' }] }));
    expect(later.body).toMatch(new RegExp(`^\\{"data": \\{"batchId": "${UUID}", "messageCount": 1, "scheduled": "86400s"\\}\\}$`));
    clock.advance(86_399_000);
    expect(simulator.network.messages.size).toBe(4);
    clock.advance(1_000);
    expect(simulator.network.messages.size).toBe(5);
  });

  it('sendbatch with an absolute schedule_at in the server zone', async () => {
    await simulator.stop();
    simulator = new JasminSimulator({ clock, accounts: [{ username: 'foo', password: 'bar' }], serverTimeZone: 'Asia/Dubai' });
    await simulator.start();
    // ManualClock starts 2026-01-15 10:30 UTC = 14:30 in Dubai.
    const answer = JSON.parse((await post('/secure/sendbatch', '{"batch_config": {"schedule_at": "2026-01-15 15:30:00"}, "messages": [{"to": 1, "content": "x"}]}')).body);
    expect(answer.data.scheduled).toBe('3600.0s');
  });

  it.each([
    ['a relative', `${60 * DAY_S}s`],
    // ManualClock starts 2026-01-15 10:30 UTC; 60 days later is 16 March.
    ['an absolute', '2026-03-16 10:30:00'],
  ])('sendbatch with %s schedule_at 60 days ahead: nothing at day 30, the batch at day 60', async (_kind, scheduleAt) => {
    const answer = await post('/secure/sendbatch', JSON.stringify({ batch_config: { schedule_at: scheduleAt }, messages: [{ to: '7777773', content: 'In two months' }] }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.scheduled).toMatch(/^5184000(\.0)?s$/);
    clock.advance(1);
    expect(simulator.network.messages.size).toBe(0);
    clock.advance(30 * DAY_MS);
    expect(simulator.network.messages.size).toBe(0);
    clock.advance(30 * DAY_MS - 2);
    expect(simulator.network.messages.size).toBe(0);
    clock.advance(1);
    expect([...simulator.network.messages.values()].map((message) => [message.to, message.text])).toEqual([['7777773', 'In two months']]);
  });

  it('stop cancels a batch still waiting for its schedule', async () => {
    await post('/secure/sendbatch', JSON.stringify({ batch_config: { schedule_at: `${60 * DAY_S}s` }, messages: [{ to: '7777774', content: 'x' }] }));
    clock.advance(30 * DAY_MS);
    expect(clock.pendingTimers).toBeGreaterThan(0);
    await simulator.stop();
    expect(clock.pendingTimers).toBe(0);
    clock.advance(60 * DAY_MS);
    expect(simulator.network.messages.size).toBe(0);
  });
});

describe('Jasmin simulator pushes', () => {
  let receiver: PushReceiverServer;
  let answerWith: { status: number; body: string };
  beforeEach(async () => {
    answerWith = { status: 200, body: 'ACK/Jasmin' };
    receiver = new PushReceiverServer(() => answerWith);
    await receiver.start();
  });
  afterEach(async () => {
    await simulator.pushes.settle();
    await receiver.stop();
  });

  const sendWithDlr = async (level: number, method = 'POST', to = '19012233451') => {
    const answer = await post('/secure/send', JSON.stringify({ to, content: 'Hello', dlr: 'yes', 'dlr-url': receiver.url, 'dlr-level': level, 'dlr-method': method }));
    return JSON.parse(answer.body).data.match(new RegExp(UUID))[0] as string;
  };
  const fields = (index: number) => {
    const call = receiver.calls[index]!;
    return Object.fromEntries(new URLSearchParams(call.method === 'GET' ? call.query : call.body));
  };

  it('level 1: one push when the SMSC takes the message', async () => {
    const id = await sendWithDlr(1);
    clock.advance(10);
    await eventually(() => receiver.calls.length === 1);
    expect(fields(0)).toEqual({ id, message_status: 'ESME_ROK', level: '1', connector: 'smppc1' });
    clock.advance(100);
    await simulator.pushes.settle();
    expect(receiver.calls).toHaveLength(1);
  });

  it('level 2: the handset receipt only, by GET when asked', async () => {
    const id = await sendWithDlr(2, 'GET');
    clock.advance(10);
    clock.advance(10);
    await eventually(() => receiver.calls.length === 1);
    expect(receiver.calls[0]!.method).toBe('GET');
    expect(fields(0)).toMatchObject({ id, message_status: 'DELIVRD', level: '2', sub: '001', dlvrd: '001', err: '000', text: 'Hello' });
    expect(Object.keys(fields(0))).toEqual(['id', 'message_status', 'level', 'connector', 'id_smsc', 'sub', 'dlvrd', 'subdate', 'donedate', 'err', 'text']);
  });

  it('level 3: both, and UNDELIV for an unreachable handset', async () => {
    await sendWithDlr(3, 'POST', '19012233999');
    clock.advance(10);
    await eventually(() => receiver.calls.length === 1);
    clock.advance(10);
    await eventually(() => receiver.calls.length === 2);
    expect([fields(0).message_status, fields(0).level]).toEqual(['ESME_ROK', '1']);
    expect([fields(1).message_status, fields(1).level, fields(1).dlvrd]).toEqual(['UNDELIV', '3', '000']);
  });

  it('retries 3 times, 30 s apart, when the receiver does not answer ACK/Jasmin', async () => {
    answerWith = { status: 200, body: 'OK' };
    await sendWithDlr(1);
    clock.advance(10);
    await eventually(() => simulator.dlrAttempts.length === 1);
    for (let attempt = 2; attempt <= 4; attempt++) {
      clock.advance(29_999);
      await simulator.pushes.settle();
      expect(simulator.dlrAttempts).toHaveLength(attempt - 1);
      clock.advance(1);
      await eventually(() => simulator.dlrAttempts.length === attempt);
    }
    clock.advance(120_000);
    await simulator.pushes.settle();
    expect(simulator.dlrAttempts.map((a) => [a.attempt, a.acknowledged])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
    ]);
  });

  it('waits a dlrRetryDelayMs longer than one Node timer holds before the retry', async () => {
    await simulator.stop();
    simulator = new JasminSimulator({ clock, accounts: [{ username: 'foo', password: 'bar' }], network: { sendDelayMs: 10 }, dlrRetryDelayMs: 40 * DAY_MS, dlrMaxRetries: 1 });
    await simulator.start();
    answerWith = { status: 200, body: 'OK' };
    await sendWithDlr(1);
    clock.advance(10);
    await eventually(() => simulator.dlrAttempts.length === 1);
    clock.advance(25 * DAY_MS);
    await simulator.pushes.settle();
    clock.advance(15 * DAY_MS - 1);
    await simulator.pushes.settle();
    expect(simulator.dlrAttempts).toHaveLength(1);
    clock.advance(1);
    await eventually(() => simulator.dlrAttempts.length === 2);
    expect(simulator.dlrAttempts.map((a) => a.attempt)).toEqual([1, 2]);
  });

  it('stops retrying once acknowledged, and never retries a 404', async () => {
    answerWith = { status: 500, body: '' };
    await sendWithDlr(1);
    clock.advance(10);
    await eventually(() => simulator.dlrAttempts.length === 1);
    answerWith = { status: 200, body: 'ACK/Jasmin\n' };
    clock.advance(30_000);
    await eventually(() => simulator.dlrAttempts.length === 2);
    expect(simulator.dlrAttempts[1]!.acknowledged).toBe(true);

    answerWith = { status: 404, body: 'Not Found' };
    await sendWithDlr(1);
    clock.advance(10);
    await eventually(() => simulator.dlrAttempts.length === 3);
    clock.advance(200_000);
    await simulator.pushes.settle();
    expect(simulator.dlrAttempts).toHaveLength(3);
  });

  it('batch callbacks and errbacks', async () => {
    const callback = receiver.url.replace('/dlr', '/ok');
    const errback = receiver.url.replace('/dlr', '/err');
    await post('/secure/sendbatch', JSON.stringify({ batch_config: { callback_url: callback, errback_url: errback }, messages: [{ to: ['7777771', '0007777'], content: 'Holà !' }] }));
    clock.advance(1);
    await eventually(() => receiver.calls.length === 2);
    const byPath = Object.fromEntries(receiver.calls.map((call) => [call.path, Object.fromEntries(new URLSearchParams(call.query))]));
    expect(receiver.calls.every((call) => call.method === 'GET')).toBe(true);
    expect(byPath['/ok']).toMatchObject({ to: '7777771', status: '1', statusText: expect.stringMatching(new RegExp(`^Success "${UUID}"$`)) });
    expect(byPath['/err']).toMatchObject({ to: '0007777', status: '0', statusText: 'HTTPAPI error: Error "No route found' });
    expect(byPath['/ok']!.batchId).toBe(byPath['/err']!.batchId);
  });
});
