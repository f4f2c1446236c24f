import { SpangwSimulator } from '../../../src/vendors/spangw/spangw-simulator';
import { GatewayAuthError, GatewayRateLimitedError, GatewayUnreachableError, InvalidRequestError } from '../../../src/errors';
import { UndiciHttpTransport } from '../../../src/transport/undici-http-transport';
import { createSimulator } from '../../../src/testing/simulator-catalog';
import { createVendorRegistry } from '../../../src/vendors/registry';
import { spangwVendor } from '../../../src/vendors/spangw';
import { CountingTransport } from '../shared/counting-transport';
import { expectNoSecretIn, rejectionOf } from '../shared/rejection';
import { useVendorFixture } from '../shared/vendor-fixture';
import { eventually, PushCollector } from './push-collector';

const registry = createVendorRegistry();

describe('spangw through registry.open: the contract', () => {
  const fixture = useVendorFixture('spangw', { simulator: () => createSimulator('spangw', { network: { sendDelayMs: 5, deliveryDelayMs: 5 } }) as SpangwSimulator, clientsOnManualClock: false });
  let simulator: SpangwSimulator;
  beforeEach(() => {
    simulator = fixture.simulator;
  });
  const values = (extra: Record<string, unknown> = {}) => fixture.values(extra);
  const open = (extra: Record<string, unknown> = {}) => fixture.client(extra);

  it.each([
    ['letters', 'abc', /not a phone number/],
    ['40 digits', `+${'4'.repeat(40)}`, /has 40 digits/],
  ])('refuses a recipient of %s before any request: no login, no span lookup', async (_name, to, message) => {
    const error = await rejectionOf(() => open().send({ to: [to], text: 'x' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toMatch(message);
    expect(simulator.requestLog).toHaveLength(0);
  });

  it.each([
    ['scheduleAt', { scheduleAt: new Date(Date.UTC(2030, 0, 1)) }],
    ['from', { from: 'Shop' }],
    ['statusReport', { statusReport: true }],
  ])('refuses %s, which the gateway cannot honour, unless best effort drops it', async (field, extra) => {
    const error = await rejectionOf(() => open().send({ to: ['+447700900123'], text: 'x', ...extra }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.details).toMatchObject({ field });
    expect(simulator.requestLog).toHaveLength(0);
    const [sent] = await open().send({ to: ['+447700900123'], text: 'x', ...extra, bestEffort: true });
    expect(sent).toMatchObject({ accepted: true });
  });

  it('refuses a per-send option it does not know, naming the ones it takes', async () => {
    await expect(open().send({ to: ['+447700900123'], text: 'x', vendorOptions: { priority: 3 } })).rejects.toThrow(/"priority" does not exist: use spans, mode/);
    expect(simulator.requestLog).toHaveLength(0);
  });

  it('a first request that fails throws; accepted sends land in the simulated network', async () => {
    const results = await open().send({ to: ['+447700900123', '+447700900124'], text: 'both' });
    expect(results.map((result) => result.accepted)).toEqual([true, true]);
    expect([...simulator.network.messages.values()].map((message) => message.to)).toEqual(['+447700900123', '+447700900124']);
    const wrong = open({ password: 'not-the-password' });
    const error = await rejectionOf(() => wrong.send({ to: ['+447700900125'], text: 'x', vendorOptions: { spans: [1] } }));
    expect(error).toBeInstanceOf(GatewayAuthError);
    expect(error.outcome).toBe('refused');
  });

  it('honours Retry-After as given: a wait beyond the budget is thrown at once with retryAfterMs, a short one is waited', async () => {
    simulator.faults.add({ kind: 'http-status', status: 429, headers: { 'retry-after': '3600' }, path: '/sms/send' });
    const error = await rejectionOf(() => open({ spans: '1' }).send({ to: ['+447700900123'], text: 'x' }));
    expect(error).toBeInstanceOf(GatewayRateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 3_600_000, outcome: 'not-sent' });
    expect(simulator.faults.fired).toHaveLength(1);
    expect(simulator.network.messages.size).toBe(0);

    simulator.faults.add({ kind: 'http-status', status: 429, headers: { 'retry-after': '0' }, path: '/sms/send' });
    const [sent] = await open({ spans: '1' }).send({ to: ['+447700900123'], text: 'x' });
    expect(sent).toMatchObject({ accepted: true });
    expect(simulator.network.messages.size).toBe(1);
  });

  it('verify: verified by the span list, failed for a wrong password or an unreachable gateway', async () => {
    expect(await open().verify()).toEqual({ status: 'verified', message: 'The span gateway accepted the account: 4 spans, 3 available to send.' });
    const wrong = open({ password: 'not-the-password' });
    const failed = await wrong.verify();
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.status === 'failed' && failed.error).toBeInstanceOf(GatewayAuthError);
    const working = values();
    await simulator.stop();
    const unreachable = fixture.clientFor({ ...working, timeoutMs: 500 });
    const down = await unreachable.verify();
    expect(down.status === 'failed' && down.error).toBeInstanceOf(GatewayUnreachableError);
    expectNoSecretIn([failed.status === 'failed' ? failed.error : undefined, down.status === 'failed' ? down.error : undefined], ['spangw-secret']);
    await simulator.start();
  });

  it('close() leaves a transport it was given open, and closes the one it built', async () => {
    const given = new CountingTransport(new UndiciHttpTransport({ baseUrl: simulator.baseUrl, gateway: 'spangw' }));
    const client = registry.open('spangw', values(), { transport: given });
    expect((await client.verify()).status).toBe('verified');
    await client.close();
    expect(given.closed).toBe(false);
    expect(given.requests).toBe(1);
    const built = spangwVendor.connect({ url: simulator.baseUrl, ...simulator.describe().credentials });
    expect((await built.verify()).status).toBe('verified');
    await built.close();
    // Its own transport is closed: the next request cannot go out.
    await expect(built.verify()).resolves.toMatchObject({ status: 'failed' });
  });

  it('push: configure points the gateway at the URL under the document\'s fields; receive reads what it then pushes', async () => {
    const collector = new PushCollector();
    const base = await collector.start();
    try {
      const client = open({ pushParameterNames: '{"url_status": "state"}' });
      simulator.pushConfig.names.status = 'state';
      await spangwVendor.push!.setup.configure!(client, `${base}/hooks/sms?token=t0k`);
      expect(JSON.parse(simulator.requestLog.filter((logged) => logged.path === '/smsoutbox/set_config').at(-1)!.body)).toMatchObject({
        enable: 1,
        reports_enable: 1,
        results_enable: 1,
        url_http: 'http',
        url_host: '127.0.0.1',
        url_port: String(collector.port),
        url_path: '/hooks/sms',
        url_user_defined: 'token=t0k',
        url_status: 'state',
        url_from_num: 'from',
      });
      const [sent] = await client.send({ to: ['+447700900555'], text: 'track me', vendorOptions: { spans: [2] } });
      simulator.injectInbound({ from: '+447700900777', text: 'reply', port: 4 });
      await eventually(() => (collector.calls.length >= 3 ? true : undefined));
      const settings = { gatewayUtcOffsetMinutes: 0, pushParameterNames: { url_status: 'state' } };
      const receipts = collector.calls.map((call) => spangwVendor.push!.receive({ method: call.method, query: call.query }, settings));
      expect(receipts.every((receipt) => receipt.error === undefined && receipt.answer.status === 200)).toBe(true);
      expect(collector.calls.every((call) => call.url.startsWith('/hooks/sms?') && call.query.endsWith('token=t0k'))).toBe(true);
      expect(receipts.flatMap((receipt) => receipt.inbound)).toEqual([expect.objectContaining({ from: '+447700900777', text: 'reply', port: 'gsm-1.4' })]);
      const statuses = receipts.flatMap((receipt) => receipt.statuses);
      expect(statuses.map((status) => status.state)).toEqual(expect.arrayContaining(['sent', 'delivered']));
      expect(statuses.every((status) => status.to === sent!.to)).toBe(true);
      const unreadable = spangwVendor.push!.receive({ query: 'x=1' }, settings);
      expect(unreadable).toMatchObject({ inbound: [], statuses: [], ussd: [], answer: { status: 400 } });
      expect(unreadable.error).toBeInstanceOf(InvalidRequestError);
    } finally {
      await collector.stop();
    }
  });
});
