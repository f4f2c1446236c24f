import { DinstarSimulator } from '../../../src/vendors/dinstar/dinstar-simulator';
import * as dinstar from '../../../src/vendors/dinstar';
import { UndiciHttpTransport } from '../../../src/transport/undici-http-transport';
import { ManualClock } from '../../../src/testing/manual-clock';
import { eventually, PushCollector } from '../spangw/push-collector';

const { DinstarAuthenticatingTransport } = dinstar;
type Simulator = InstanceType<typeof DinstarSimulator>;

const SN = 'dc42-0b30-7a1e-5f21';

describe('dinstar simulator', () => {
  let simulator: Simulator;
  let raw: UndiciHttpTransport;
  let authed: InstanceType<typeof DinstarAuthenticatingTransport>;

  const call = async (method: 'GET' | 'POST', operation: string, options: { query?: Record<string, string | number>; body?: unknown } = {}) => {
    const response = await authed.request({
      method,
      path: `/api/${operation}`,
      ...(options.query ? { query: options.query } : {}),
      ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body), headers: { 'content-type': 'application/json' } }),
    });
    expect(response.status).toBe(200);
    return JSON.parse(response.body) as Record<string, unknown>;
  };

  beforeEach(async () => {
    simulator = new DinstarSimulator({ network: { sendDelayMs: 5, deliveryDelayMs: 5, ussdDelayMs: 5 }, resetDelayMs: 5 });
    await simulator.start();
    raw = new UndiciHttpTransport({ baseUrl: simulator.baseUrl });
    authed = new DinstarAuthenticatingTransport({ transport: new UndiciHttpTransport({ baseUrl: simulator.baseUrl }), username: 'admin', password: 'dinstar-secret' });
  });
  afterEach(async () => {
    await raw.close();
    await authed.close();
    await simulator.stop();
  });

  it('challenges with Digest (MD5, qop=auth) and refuses wrong answers', async () => {
    const bare = await raw.request({ method: 'GET', path: '/api/query_sms_in_queue' });
    expect(bare.status).toBe(401);
    expect(bare.headers['www-authenticate']).toMatch(/^Digest realm="dinstar", qop="auth", nonce="[0-9a-f]{32}", opaque="[0-9a-f]{32}", algorithm=MD5$/);
    const nonce = /nonce="([^"]+)"/.exec(bare.headers['www-authenticate']!)![1];
    const forged = await raw.request({
      method: 'GET',
      path: '/api/query_sms_in_queue',
      headers: { authorization: `Digest username="admin", realm="dinstar", nonce="${nonce}", uri="/api/query_sms_in_queue", response="00000000000000000000000000000000", qop=auth, nc=00000001, cnonce="x"` },
    });
    expect(forged.status).toBe(401);
    const basic = await raw.request({ method: 'GET', path: '/api/query_sms_in_queue', headers: { authorization: `Basic ${Buffer.from('admin:dinstar-secret').toString('base64')}` } });
    expect(basic.status).toBe(401);
    expect(await call('GET', 'query_sms_in_queue')).toEqual({ error_code: 200, sn: SN, in_queue: 0 });
  });

  it('answers send_sms with 202, the queue and a task id, expanding #param# per number', async () => {
    const answer = await call('POST', 'send_sms', {
      body: { text: '#param#', port: [2, 3], param: [{ number: '10086', text_param: ['bj'], user_id: 1 }, { number: '10087', text_param: ['ye'], user_id: 2 }] },
    });
    expect(answer).toEqual({ error_code: 202, sn: SN, sms_in_queue: 2, task_id: 1 });
    expect([...simulator.network.messages.values()].map((message) => [message.to, message.text, message.channel])).toEqual([
      ['10086', 'bj', 'port-2'],
      ['10087', 'ye', 'port-3'],
    ]);
  });

  it('forgets the oldest tasks, reports and finished messages beyond their limits', async () => {
    await simulator.stop();
    await authed.close();
    simulator = new DinstarSimulator({ network: { sendDelayMs: 5, deliveryDelayMs: 5, maxFinishedMessages: 2 }, historyLimit: 2 });
    await simulator.start();
    authed = new DinstarAuthenticatingTransport({ transport: new UndiciHttpTransport({ baseUrl: simulator.baseUrl }), username: 'admin', password: 'dinstar-secret' });
    const taskIds: unknown[] = [];
    for (const number of ['10081', '10082', '10083', '10084']) {
      taskIds.push((await call('POST', 'send_sms', { body: { text: 'x', port: [0], param: [{ number }] } })).task_id);
    }
    expect(simulator.tasks.size).toBe(2);
    await eventually(() => (simulator.network.messages.size === 2 && [...simulator.network.messages.values()].every((message) => message.state === 'delivered') ? true : undefined));
    expect([...simulator.network.messages.values()].map((message) => message.to)).toEqual(['10083', '10084']);
    // Four reports written: trimmed back to the limit once past it by a quarter (at least one).
    expect(simulator.reports.map((report) => report.number)).toEqual(['10083', '10084']);
    expect(await call('GET', 'stop_sms', { query: { task_id: taskIds[0] as number } })).toEqual({ error_code: 404, sn: SN });
    expect(await call('GET', 'stop_sms', { query: { task_id: taskIds[3] as number } })).toMatchObject({ error_code: 200 });
    expect(await call('GET', 'query_sms_in_queue')).toMatchObject({ in_queue: 0 });
  });

  it('writes errors as error_code in HTTP 200 bodies', async () => {
    expect(await call('POST', 'send_sms', { body: '{"text":' })).toEqual({ error_code: 400, sn: SN });
    expect(await call('POST', 'send_sms', { body: { text: 'x', param: [{ number: '1'.repeat(25) }] } })).toEqual({ error_code: 400, sn: SN });
    const many = Array.from({ length: 129 }, (_, index) => ({ number: `1380000${index}` }));
    expect(await call('POST', 'send_sms', { body: { text: 'x', param: many } })).toEqual({ error_code: 413, sn: SN });
    expect(await call('POST', 'send_sms', { body: { text: 'x'.repeat(1501), param: [{ number: '1' }] } })).toEqual({ error_code: 413, sn: SN });
    expect(await call('POST', 'send_sms', { body: { text: 'x', port: [1], param: [{ number: '1' }] } })).toEqual({ error_code: 550, sn: SN });
    expect(await call('POST', 'query_sms_result', { body: { number: Array.from({ length: 33 }, (_, index) => String(index)) } })).toEqual({ error_code: 413, sn: SN });
    expect(await call('GET', 'stop_sms', { query: { task_id: 99 } })).toEqual({ error_code: 404, sn: SN });
    expect(await call('GET', 'get_port_info', { query: { info_type: 'imei,shoe_size' } })).toEqual({ error_code: 400, sn: SN });
    expect(await call('POST', 'send_ussd', { body: { port: [0], command: 'send', text: '' } })).toEqual({ error_code: 400, sn: SN });
  });

  it('moves results SENDING → SENT_OK → DELIVERED and writes TP-Status reports per part', async () => {
    simulator.network.pause();
    await call('POST', 'send_sms', { body: { text: 'x'.repeat(200), port: [0], encoding: 'gsm-7bit', param: [{ number: '10086', user_id: 7 }, { number: '10999', user_id: 8 }] } });
    const queued = await call('POST', 'query_sms_result', { body: { user_id: [7] } });
    expect(queued).toMatchObject({ error_code: 200, result: [{ port: 0, user_id: 7, number: '10086', status: 'SENDING', count: 2, succ_count: 0, ref_id: 0 }] });
    expect(await call('GET', 'query_sms_in_queue')).toMatchObject({ in_queue: 2 });
    simulator.network.resume();
    await eventually(() => (simulator.reports.length === 4 ? true : undefined));
    const results = await call('POST', 'query_sms_result', { body: { port: [0] } });
    expect((results.result as Array<Record<string, unknown>>).map((entry) => [entry.user_id, entry.status, entry.ref_id])).toEqual([
      [7, 'DELIVERED', 0],
      [8, 'SENT_OK', 2],
    ]);
    const reports = await call('POST', 'query_sms_deliver_status', { body: { number: ['10086', '10999'], time_after: '2000-01-01 00:00:00' } });
    expect((reports.result as Array<Record<string, unknown>>).map((entry) => [entry.number, entry.ref_id, entry.status_code])).toEqual([
      ['10086', 0, 0],
      ['10086', 1, 0],
      ['10999', 2, 65],
      ['10999', 3, 65],
    ]);
    expect(await call('POST', 'query_sms_deliver_status', { body: { time_after: 'yesterday' } })).toEqual({ error_code: 400, sn: SN });
  });

  it('marks unread SMS read when read with flag=unread, never with flag=all', async () => {
    simulator.injectInbound({ from: '123456789', text: 'This is a test', port: 2 });
    simulator.injectInbound({ from: '6717', text: 'second', port: 3 });
    const all = await call('GET', 'query_incoming_sms', { query: { flag: 'all' } });
    expect(all).toMatchObject({ error_code: 200, read: 0, unread: 2 });
    expect((all.sms as unknown[])[0]).toEqual({ incoming_sms_id: 1, port: 2, number: '123456789', smsc: '+8613010868500', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), text: 'This is a test' });
    expect(await call('GET', 'query_incoming_sms', { query: { flag: 'all', incoming_sms_id: 1 } })).toMatchObject({ sms: [{ incoming_sms_id: 2 }] });
    const unread = await call('GET', 'query_incoming_sms');
    expect((unread.sms as unknown[]).length).toBe(2);
    expect(await call('GET', 'query_incoming_sms')).toMatchObject({ sms: [], read: 2, unread: 0 });
    expect(await call('GET', 'query_incoming_sms', { query: { flag: 'read' } })).toMatchObject({ sms: [{}, {}] });
  });

  it('sends USSD per port: 200, 486 busy, 503 unavailable; a single space until the reply comes', async () => {
    expect(await call('GET', 'query_ussd_reply', { query: { port: '0,1' } })).toEqual({ error_code: 200, sn: SN, reply: [{ port: 0, text: '' }, { port: 1, text: '' }] });
    simulator.network.pause('port-3');
    await call('POST', 'send_sms', { body: { text: 'hold', port: [3], param: [{ number: '1' }] } });
    simulator.network.ussdDelayMs = 60_000;
    const sent = await call('POST', 'send_ussd', { body: { text: '*100#', port: [0, 1, 3], command: 'send' } });
    expect(sent).toEqual({ error_code: 202, sn: SN, result: [{ port: 0, status: 200 }, { port: 1, status: 503 }, { port: 3, status: 486 }] });
    expect(await call('GET', 'query_ussd_reply', { query: { port: '0' } })).toMatchObject({ reply: [{ port: 0, text: ' ' }] });
    simulator.network.injectUssdReply('port-0', 'Your balance is 10.00 EUR.');
    expect(await call('GET', 'query_ussd_reply', { query: { port: '0' } })).toMatchObject({ reply: [{ port: 0, text: 'Your balance is 10.00 EUR.' }] });
    expect(await call('POST', 'send_ussd', { body: { port: [0], command: 'cancel' } })).toMatchObject({ error_code: 202, result: [{ port: 0, status: 200 }] });
  });

  it('stops tasks, reports port info and changes state on reset/power/slot', async () => {
    simulator.network.pause();
    const { task_id: taskId } = await call('POST', 'send_sms', { body: { text: 'stop me', param: [{ number: '1', user_id: 1 }] } });
    expect(await call('GET', 'stop_sms', { query: { task_id: taskId as number } })).toEqual({ error_code: 200, sn: SN });
    expect(await call('POST', 'query_sms_result', { body: { user_id: [1] } })).toMatchObject({ result: [{ status: 'FAILED' }] });
    expect(await call('GET', 'get_port_info', { query: { port: '1,2', info_type: 'imei,imsi,iccid,smsc,type,number,reg' } })).toEqual({
      error_code: 200,
      sn: SN,
      info: [
        { port: 1, imei: '863070017005173', imsi: '', iccid: '', smsc: '', type: 'WCDMA', number: '', reg: 'NO_SIM' },
        { port: 2, imei: '358967042917201', imsi: '460016529802215', iccid: '89860114840400428150', smsc: '+8613010868500', type: 'GSM', number: '', reg: 'REGISTER_OK' },
      ],
    });
    expect(await call('GET', 'set_port_info', { query: { port: 2, action: 'power', param: 'off' } })).toEqual({ error_code: 200, sn: SN });
    expect(simulator.ports[2]!.reg).toBe('POWER_OFF');
    const collector = new PushCollector();
    simulator.pushUrl = await collector.start();
    try {
      await call('GET', 'set_port_info', { query: { port: 2, action: 'reset' } });
      // The module drops off the network and registers again: a down then an up event.
      await eventually(() => (collector.calls.length >= 2 ? true : undefined));
      const events = collector.calls.map((pushed) => (JSON.parse(pushed.body) as { register: Array<{ port: number; status: string }> }).register[0]);
      expect(events.map((event) => `${event!.port}:${event!.status}`).sort()).toEqual(['2:down', '2:up']);
      expect(simulator.ports[2]!.reg).toBe('REGISTER_OK');
    } finally {
      await collector.stop();
    }
    await call('GET', 'set_port_info', { query: { port: 3, action: 'slot', param: 2 } });
    expect(simulator.ports[3]!.slot).toBe(2);
    expect(await call('GET', 'set_port_info', { query: { port: 3, action: 'explode' } })).toEqual({ error_code: 400, sn: SN });
    expect(await call('POST', 'get_status', { body: ['performance'] })).toMatchObject({ error_code: 200, performance: { cpu_used: expect.any(Number) } });
    expect(await call('POST', 'get_cdr', { body: {} })).toEqual({ error_code: 200, sn: SN, cdr: [] });
  });

  it('waits a resetDelayMs longer than one Node timer holds before the port registers again, and stop cancels the wait', async () => {
    const DAY_MS = 24 * 60 * 60 * 1000;
    const clock = new ManualClock();
    const slow = new DinstarSimulator({ clock, resetDelayMs: 30 * DAY_MS });
    await slow.start();
    const transport = new DinstarAuthenticatingTransport({ transport: new UndiciHttpTransport({ baseUrl: slow.baseUrl }), username: 'admin', password: 'dinstar-secret' });
    try {
      expect((await transport.request({ method: 'GET', path: '/api/set_port_info', query: { port: 2, action: 'reset' } })).status).toBe(200);
      expect(slow.ports[2]!.reg).toBe('SEARCHING_NETWORK');
      clock.advance(1);
      expect(slow.ports[2]!.reg).toBe('SEARCHING_NETWORK');
      clock.advance(30 * DAY_MS - 2);
      expect(slow.ports[2]!.reg).toBe('SEARCHING_NETWORK');
      clock.advance(1);
      expect(slow.ports[2]!.reg).toBe('REGISTER_OK');

      expect((await transport.request({ method: 'GET', path: '/api/set_port_info', query: { port: 2, action: 'slot', param: 1 } })).status).toBe(200);
      expect(slow.ports[2]!.reg).toBe('SEARCHING_NETWORK');
      await slow.stop();
      clock.advance(31 * DAY_MS);
      expect(slow.ports[2]!.reg).toBe('SEARCHING_NETWORK');
    } finally {
      await transport.close();
      await slow.stop();
    }
  });

  it('leaves sn out for older firmware', async () => {
    const old = new DinstarSimulator({ sn: null });
    await old.start();
    const transport = new DinstarAuthenticatingTransport({ transport: new UndiciHttpTransport({ baseUrl: old.baseUrl }), username: 'admin', password: 'dinstar-secret' });
    try {
      const response = await transport.request({ method: 'GET', path: '/api/query_sms_in_queue' });
      expect(JSON.parse(response.body)).toEqual({ error_code: 200, in_queue: 0 });
    } finally {
      await transport.close();
      await old.stop();
    }
  });

  it('pushes sms, sms_result, sms_deliver_status, ussd and register events as JSON with sn', async () => {
    const collector = new PushCollector();
    simulator.pushUrl = `${await collector.start()}/push`;
    try {
      await call('POST', 'send_sms', { body: { text: 'hi', param: [{ number: '10086', user_id: 3 }], port: [0] } });
      simulator.injectInbound({ from: '6717', text: 'test', port: 0 });
      await call('POST', 'send_ussd', { body: { text: '*100#', port: [2] } });
      await call('GET', 'set_port_info', { query: { port: 3, action: 'power', param: 'off' } });
      const kinds = () => new Set(collector.calls.flatMap((pushed) => Object.keys(JSON.parse(pushed.body) as object)));
      await eventually(() => (['sms', 'sms_result', 'sms_deliver_status', 'ussd', 'register'].every((kind) => kinds().has(kind)) ? true : undefined));
      const bodies = collector.calls.map((pushed) => JSON.parse(pushed.body) as Record<string, unknown[]>);
      expect(collector.calls.every((pushed) => pushed.method === 'POST' && pushed.url === '/push')).toBe(true);
      expect(bodies.every((body) => (body as unknown as { sn: string }).sn === SN)).toBe(true);
      expect(bodies.find((body) => body.register)!.register).toEqual([{ port: 3, status: 'down', iccid: '<NULL>', imsi: '<NULL>' }]);
      expect(bodies.find((body) => body.sms)!.sms).toEqual([expect.objectContaining({ incoming_sms_id: 1, port: 0, number: '6717', text: 'test' })]);
      expect(bodies.find((body) => body.ussd)!.ussd).toEqual([{ port: 2, text: 'Your balance is 10.00 EUR. Valid until 31-12-2030.' }]);
    } finally {
      await collector.stop();
    }
  });

  it('writes bodies byte for byte in the shape of the notes’ examples', async () => {
    const collector = new PushCollector();
    simulator.pushUrl = `${await collector.start()}/push`;
    try {
      const sent = await authed.request({
        method: 'POST',
        path: '/api/send_sms',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'hi', port: [0], request_status_report: true, param: [{ number: '10086', user_id: 1 }] }),
      });
      expect(sent.body).toBe(`{"error_code":202,"sn":"${SN}","sms_in_queue":1,"task_id":1}`);
      await eventually(() => (simulator.reports.length === 1 ? true : undefined));
      const reports = await authed.request({ method: 'POST', path: '/api/query_sms_deliver_status', body: '{"number":["10086"]}' });
      expect(reports.body).toMatch(
        new RegExp(`^\\{"error_code":200,"sn":"${SN}","result":\\[\\{"port":0,"number":"10086","time":"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d","ref_id":0,"status_code":0,"imsi":"460016529802214"\\}\\]\\}$`),
      );
      simulator.injectInbound({ from: '6717', text: 'test', port: 1, smsc: '+8613800757511' });
      await eventually(() => collector.calls.find((call) => call.body.includes('"sms":[')));
      expect(collector.calls.find((call) => call.body.includes('"sms":['))!.body).toMatch(
        new RegExp(`^\\{"sn":"${SN}","sms":\\[\\{"incoming_sms_id":1,"port":1,"number":"6717","smsc":"\\+8613800757511","timestamp":"[0-9: -]{19}","text":"test"\\}\\]\\}$`),
      );
      expect(collector.calls[0]!.headers['content-type']).toBe('application/json');
    } finally {
      await collector.stop();
    }
  });
});
