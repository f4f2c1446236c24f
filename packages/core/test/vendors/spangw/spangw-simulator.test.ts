import { SpangwSimulator } from '../../../src/vendors/spangw/spangw-simulator';
import { UndiciHttpTransport } from '../../../src/transport/undici-http-transport';
import { eventually, PushCollector } from './push-collector';

const account = { username: 'admin', password: 'spangw-secret' };

describe('spangw simulator bodies', () => {
  let simulator: InstanceType<typeof SpangwSimulator>;
  let http: UndiciHttpTransport;
  const post = async (path: string, body: unknown) => {
    const response = await http.request({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: response.status, type: response.headers['content-type'], json: JSON.parse(response.body) as Record<string, unknown> };
  };

  beforeEach(async () => {
    simulator = new SpangwSimulator({ network: { sendDelayMs: 5, deliveryDelayMs: 5 }, outboxPageSize: 2 });
    await simulator.start();
    http = new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: 'test' });
  });
  afterEach(async () => {
    await http.close();
    await simulator.stop();
  });

  it('lists spans in the {uri, code, msg, data} envelope', async () => {
    const answer = await post('/sms/get_valid_spans', account);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/json');
    expect(answer.json).toEqual({
      uri: '/sms/get_valid_spans',
      code: 200,
      msg: 'success',
      data: [
        { port: 1, port_name: 'gsm-1.1', status: 1 },
        { port: 2, port_name: 'gsm-1.2', status: 1 },
        { port: 3, port_name: 'gsm-1.3', status: 0 },
        { port: 4, port_name: 'gsm-1.4', status: 1 },
      ],
    });
  });

  it('refuses wrong credentials, bad JSON, bad parameters and unknown URIs in the envelope', async () => {
    expect((await post('/sms/get_valid_spans', { username: 'admin', password: 'nope' })).json).toEqual({
      uri: '/sms/get_valid_spans',
      code: 401,
      msg: 'Authentication failed: wrong username or password',
      data: [],
    });
    expect((await post('/sms/send', '{"username":')).json).toMatchObject({ code: 400, msg: 'Invalid JSON' });
    expect((await post('/sms/send', { ...account, spans: [1], msg: 'hi' })).json).toMatchObject({ code: 400 });
    expect((await post('/sms/send', { ...account, spans: [3], dest_num: '+447700900123', msg: 'hi' })).json).toMatchObject({ code: 503, msg: 'No available span' });
    expect((await post('/sms/nothing', account)).json).toMatchObject({ uri: '/sms/nothing', code: 404 });
  });

  it('accepts function parameters at the top level or under data, and a configurable success code', async () => {
    simulator.successCode = 0;
    expect((await post('/sms/send', { ...account, spans: [2], dest_num: '+447700900123', msg: 'top', mode: 0 })).json).toEqual({ uri: '/sms/send', code: 0, msg: 'success', data: [] });
    expect((await post('/sms/send', { ...account, data: { spans: [2], dest_num: '+447700900124', msg: 'nested', mode: 0 } })).json).toMatchObject({ code: 0 });
    expect([...simulator.network.messages.values()].map((message) => [message.to, message.channel])).toEqual([
      ['+447700900123', 'gsm-1.2'],
      ['+447700900124', 'gsm-1.2'],
    ]);
  });

  it('answers a synchronous send once the module has sent it', async () => {
    const answer = await post('/sms/send', { ...account, spans: [4], dest_num: '+447700900666', msg: 'will fail', mode: 1 });
    expect(answer.json).toEqual({ uri: '/sms/send', code: 200, msg: 'success', data: [{ port: 4, port_name: 'gsm-1.4', dest_num: '+447700900666', status: 'FAILED' }] });
  });

  it('moves outbox entries through SENT to DELIVERD, with pages and 4-digit-year filters', async () => {
    for (const to of ['+447700900001', '+447700900002', '+447700900003']) {
      await post('/sms/send', { ...account, spans: [1], dest_num: to, msg: `to ${to}`, mode: 0 });
    }
    await eventually(() => ([...simulator.network.messages.values()].every((message) => message.state === 'delivered') ? true : undefined));
    const first = (await post('/smsoutbox/get', { ...account, current_page: 1 })).json;
    const second = (await post('/smsoutbox/get', { ...account, current_page: 2 })).json;
    expect((first.data as unknown[]).length).toBe(2);
    expect((second.data as unknown[]).length).toBe(1);
    expect(first.data).toEqual(expect.arrayContaining([expect.objectContaining({ port_name: 'gsm-1.1', status: 'DELIVERD', time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) })]));
    const filtered = (await post('/smsoutbox/get', { ...account, phone_number_filter: '900002' })).json;
    expect(filtered.data).toEqual([expect.objectContaining({ phonenumber: '+447700900002', message: 'to +447700900002' })]);
    const future = (await post('/smsoutbox/get', { ...account, start_datetime_filter: '2999-01-01 00:00:00' })).json;
    expect(future.data).toEqual([]);
    expect((await post('/smsoutbox/get', { ...account, start_datetime_filter: 'last week' })).json).toMatchObject({ code: 400 });
  });

  it('stores the push configuration and pushes with the configured names to the configured URL', async () => {
    const collector = new PushCollector();
    await collector.start();
    try {
      const set = await post('/smsoutbox/set_config', {
        ...account,
        enable: 1,
        reports_enable: 1,
        results_enable: 1,
        url_http: 'http',
        url_host: '127.0.0.1',
        url_port: String(collector.port),
        url_path: '/hook',
        url_from_num: 'sender',
        url_to_num: 'rcpt',
        url_portname: 'span',
        url_message: 'text',
        url_time: 'stamp',
        url_imsi: 'sim',
        url_status: 'state',
        url_user_defined: 'token=t0k',
      });
      expect(set.json).toEqual({ uri: '/smsoutbox/set_config', code: 200, msg: 'success', data: [] });
      expect((await post('/smsoutbox/get_config', account)).json.data).toMatchObject({ enable: 1, url_port: String(collector.port), url_status: 'state' });
      await post('/sms/send', { ...account, spans: [1], dest_num: '+447700900555', msg: 'push me', mode: 0 });
      simulator.injectInbound({ from: '+447700900777', text: 'hello gateway', port: 2 });
      await eventually(() => (collector.calls.length >= 3 ? true : undefined));
      const queries = collector.calls.map((call) => new URLSearchParams(call.query));
      expect(collector.calls.every((call) => call.method === 'GET' && call.url.startsWith('/hook?'))).toBe(true);
      const statuses = queries.filter((query) => query.has('state')).map((query) => query.get('state'));
      expect(statuses.sort()).toEqual(['DELIVERD', 'SENT']);
      const report = queries.find((query) => query.get('state') === 'DELIVERD')!;
      expect(Object.fromEntries(report)).toMatchObject({ sender: '+447700900101', rcpt: '+447700900555', span: 'gsm-1.1', text: 'push me', sim: '234150000000101', token: 't0k' });
      const inbound = queries.find((query) => !query.has('state'))!;
      expect(Object.fromEntries(inbound)).toMatchObject({ sender: '+447700900777', rcpt: '+447700900102', span: 'gsm-1.2', text: 'hello gateway' });
    } finally {
      await collector.stop();
    }
  });
});
