import { LoopbackPushReceiver } from '../../../src/cli/demo/loopback-push-receiver';
import { InvalidRequestError } from '../../../src/errors';
import type { GatewayClient } from '../../../src/vendors/gateway-client';
import { createVendorRegistry } from '../../../src/vendors/registry';
import { routesmsVendor } from '../../../src/vendors/routesms';
import { createSimulator } from '../../../src/testing/simulator-catalog';
import { ManualClock } from '../../../src/testing/manual-clock';
import type { RoutesmsSimulator } from '../../../src/vendors/routesms/routesms-simulator';
import { expectNoSecretIn, rejectionOf } from '../shared/rejection';
import { useVendorFixture } from '../shared/vendor-fixture';

const registry = createVendorRegistry();
const fixture = useVendorFixture('routesms', { simulator: (clock) => createSimulator('routesms', { clock }) as RoutesmsSimulator, clientsOnManualClock: true });
let simulator: RoutesmsSimulator;
let clock: ManualClock;
beforeEach(() => {
  simulator = fixture.simulator;
  clock = fixture.clock;
});
/** A client as a host opens one: form values through `registry.open`. */
const open = (values: Record<string, unknown> = {}): GatewayClient => fixture.client(values);

const lastRequest = () => simulator.requestLog.at(-1)!;


describe('routesmsVendor: the entry a host builds its forms from', () => {
  it('names the vendor document and says what it can do, as data', () => {
    expect(routesmsVendor.describe).toMatchObject({ key: 'routesms', defaultPort: 8080, document: expect.stringMatching(/SMSPLUS Bulk HTTP API v1\.0\.1/) });
    expect(routesmsVendor.describe).not.toHaveProperty('seed');
    expect(routesmsVendor).not.toHaveProperty('createClient');
    expect(routesmsVendor).not.toHaveProperty('createSimulator');
    expect(routesmsVendor.capabilities).toMatchObject({ operations: ['send'], statuses: 'push', inbound: 'none', sendFields: ['from', 'flash', 'statusReport', 'scheduleAt'] });
    expect(routesmsVendor.capabilities.limits.maxUrlLength).toBe(7_000);
    expect(routesmsVendor.connection.map((field) => field.name)).toEqual([
      'url',
      'username',
      'password',
      'allowUnauthorizedCerts',
      'ca',
      'timeoutMs',
      'defaultSource',
      'timeZone',
      'defaultCountry',
      'deliveryReports',
    ]);
    expect(routesmsVendor.sendOptions.map((field) => field.name)).toEqual(['type', 'entityid', 'tempid', 'tmid', 'url', 'extraParameters']);
    expect(routesmsVendor.adminCommands).toEqual([]);
    expect(routesmsVendor.push).toMatchObject({ carries: ['status'], methods: ['POST'], setup: { how: 'gateway-ui' } });
  });
});

describe('routesmsVendor: connection settings read by their descriptors', () => {
  it('sends from the default sender, writes national numbers in the default country, form text converted', async () => {
    const [result] = await open({ defaultSource: ' ACME ', defaultCountry: 'gb', deliveryReports: 'false', timeoutMs: '5000' }).send({ to: ['07700 900123'], text: 'x' });
    expect(result).toMatchObject({ to: '447700900123', accepted: true });
    expect(lastRequest().query).toMatchObject({ source: 'ACME', destination: '447700900123', dlr: '0' });
  });

  it('asks for a report only when the send asks, unless deliveryReports says so for sends that do not say', async () => {
    await open({ defaultSource: 'ACME' }).send({ to: ['447700900123'], text: 'x' });
    expect(lastRequest().query.dlr).toBe('0');
    await open({ defaultSource: 'ACME' }).send({ to: ['447700900123'], text: 'x', statusReport: true });
    expect(lastRequest().query.dlr).toBe('1');
    await open({ defaultSource: 'ACME', deliveryReports: 'True' }).send({ to: ['447700900123'], text: 'x' });
    expect(lastRequest().query.dlr).toBe('1');
  });

  it('writes the scheduler time in the timeZone', async () => {
    const at = new Date(clock.now() + 3 * 86_400_000);
    await open({ defaultSource: '447700900999', timeZone: 'Asia/Kolkata' }).send({ to: ['919898000001'], text: 'Later', scheduleAt: at });
    expect(lastRequest()).toMatchObject({ path: '/bulksms/schedulemsg', query: { gmt: 'GMT +05:30', source: '447700900999' } });
  });

  it('refuses an unknown setting by name, listing the accepted ones, without repeating its value', () => {
    const error = rejectionSync(() => open({ defaultSource: 'ACME', defaultsource: 'hunter2' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toMatch(/setting "defaultsource" does not exist: use url, username, password, .*defaultSource, timeZone, defaultCountry, deliveryReports/);
    expect(JSON.stringify(error.toJSON())).not.toContain('hunter2');
    // A per-send option is not a connection setting.
    expect(rejectionSync(() => open({ type: 2 })).details).toMatchObject({ option: 'type' });
  });

  it.each<[string, unknown, RegExp]>([
    ['defaultSource', 'ACME-RETAIL-UK', /takes a sender id of the account: up to 18 digits or 11 plain ASCII characters/],
    ['defaultSource', '+4477009001234567890', /takes a sender id/],
    ['timeZone', 'Mars/Olympus', /takes an IANA time zone such as Asia\/Kolkata or UTC/],
    ['defaultCountry', 'IND', /takes a two-letter ISO country code/],
    ['deliveryReports', 'yes', /takes true or false; got "yes"/],
  ])('refuses %s = %p, naming the setting and what it takes', (key, value, message) => {
    const error = rejectionSync(() => open({ [key]: value }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain(`"${key}"`);
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ gateway: 'routesms', option: key });
  });

  it('needs a username and a password', () => {
    expect(() => registry.open('routesms', { url: simulator.baseUrl, username: 'routesms' }, { clock })).toThrow(/"password" .* is required/);
  });
});

describe('routesmsVendor: per-send options and fields', () => {
  it('passes the DLT ids, the WAP push URL and extra parameters, typed by their descriptors', async () => {
    const client = open({ defaultSource: 'ACME' });
    await client.send({ to: ['919898000001'], text: 'OTP 1234', vendorOptions: { entityid: '1101', tempid: '1207', tmid: '1,2', extraParameters: '{"ip": "10.0.0.1"}' } });
    expect(lastRequest().query).toMatchObject({ entityid: '1101', tempid: '1207', tmid: '1,2', ip: '10.0.0.1' });
    const [wap] = await client.send({ to: ['919898000001'], text: 'Offer', vendorOptions: { type: '4', url: 'http://example.com/o' } });
    expect(wap).toMatchObject({ accepted: true, encoding: '8bit' });
    expect(lastRequest().query).toMatchObject({ type: '4', url: 'http://example.com/o' });
  });

  it('refuses an unknown option, a wrong type and a parameter the client owns, before any request', async () => {
    const client = open({ defaultSource: 'ACME' });
    const before = simulator.requestLog.length;
    expect((await rejectionOf(client.send({ to: ['919898000001'], text: 'x', vendorOptions: { ip: '1' } }))).message).toMatch(/send option "ip" does not exist: use type, entityid/);
    expect((await rejectionOf(client.send({ to: ['919898000001'], text: 'x', vendorOptions: { type: '3' } }))).message).toMatch(/"type" takes 0 or 1 or 2 or 4/);
    expect((await rejectionOf(client.send({ to: ['919898000001'], text: 'x', vendorOptions: { extraParameters: { password: 'hunter2' } } }))).message).toMatch(/set by the Route Mobile client itself/);
    expect((await rejectionOf(client.send({ to: ['919898000001'], text: 'x', vendorOptions: { extraParameters: '[1]' } }))).message).toMatch(/takes a JSON object/);
    expect(simulator.requestLog.length).toBe(before);
  });

  it('refuses a validity period it cannot honour, or drops it with best effort', async () => {
    const client = open({ defaultSource: 'ACME' });
    expect((await rejectionOf(client.send({ to: ['919898000001'], text: 'x', validityMinutes: 30 }))).message).toMatch(/cannot honour a validity period/);
    const [result] = await client.send({ to: ['919898000001'], text: 'x', validityMinutes: 30, bestEffort: true });
    expect(result!.accepted).toBe(true);
  });

  it('refuses through the contract a text whose URL would be too long, with no request sent', async () => {
    const client = open({ defaultSource: 'ACME' });
    const before = simulator.requestLog.length;
    const error = await rejectionOf(client.send({ to: ['919898000001'], text: 'c'.repeat(30_000) }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toMatch(/Route Mobile takes at most 7000/);
    expect(simulator.requestLog.length).toBe(before);
  });

  it('sends accepted messages into the simulated network', async () => {
    const [result] = await open({ defaultSource: 'ACME' }).send({ to: ['+44 7700 900777'], text: 'counted' });
    expect(simulator.network.get(result!.messageId!)).toMatchObject({ to: '447700900777', text: 'counted' });
  });

  it('verify() is unverifiable through the registry too', async () => {
    expect((await open().verify()).status).toBe('unverifiable');
  });
});

describe('routesmsVendor.push', () => {
  const push = routesmsVendor.push!;
  const fields = {
    sSender: 'ACME',
    sMobileNo: '919898000001',
    sStatus: 'DELIVRD',
    dtSubmit: '2026-01-15 16:00:00',
    dtDone: '2026-01-15 16:00:05',
    sMessageId: 'abc-1',
    iCostPerSms: '0.05',
    iCharge: '0.05',
    iMCCMNC: '40410',
    iErrCode: '000',
  };

  it('reads a DLR form POST into a status and answers 200, dates in the account zone', () => {
    const receipt = push.receive({ method: 'POST', body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' }, { timeZone: 'Asia/Kolkata' });
    expect(receipt.answer.status).toBe(200);
    expect(receipt.inbound).toEqual([]);
    expect(receipt.ussd).toEqual([]);
    expect(receipt.statuses).toEqual([expect.objectContaining({ state: 'delivered', messageId: 'abc-1', to: '919898000001', at: '2026-01-15T10:30:05.000Z', gateway: 'routesms' })]);
    expect(receipt.error).toBeUndefined();
  });

  it('refuses a call that is not a DLR with 400 and the reason, without throwing', () => {
    const receipt = push.receive({ method: 'POST', body: 'hello=1' });
    expect(receipt.answer.status).toBe(400);
    expect(receipt.statuses).toEqual([]);
    expect(receipt.error).toBeInstanceOf(InvalidRequestError);
  });

  it('tells the user to hand the URL to the provider', () => {
    expect(push.setup.instructions('https://hooks.example/dlr')).toMatch(/Route Mobile .* https:\/\/hooks\.example\/dlr/);
  });

  it('the simulator pushes what the descriptor reads, for sends that asked', async () => {
    const calls: string[] = [];
    const receiver = new LoopbackPushReceiver({}, (call) => {
      calls.push(call.body);
      const receipt = push.receive({ method: call.method, body: call.body, contentType: call.contentType });
      return { status: receipt.answer.status, contentType: receipt.answer.contentType, body: receipt.answer.body };
    });
    await receiver.start();
    try {
      simulator.dlrUrl = receiver.url('/dlr');
      const client = open({ defaultSource: 'ACME' });
      await client.send({ to: ['447700900123'], text: 'quiet' });
      const [asked] = await client.send({ to: ['447700900124'], text: 'loud', statusReport: true });
      clock.advance(60_000);
      await simulator.pushes.settle();
      expect(calls).toHaveLength(1);
      expect(push.receive({ body: calls[0]! }).statuses[0]).toMatchObject({ messageId: asked!.messageId, state: 'delivered' });
    } finally {
      await receiver.stop();
    }
  });
});

describe('routesmsVendor: secrets', () => {
  it('never shows the password in an error', async () => {
    const client = fixture.clientFor({ url: simulator.baseUrl, username: 'routesms', password: 'wrong-p4ss', defaultSource: 'ACME' });
    const error = await rejectionOf(client.send({ to: ['447700900123'], text: 'x' }));
    expect(error.code).toBe('SMSB_GATEWAY_AUTH');
    expectNoSecretIn([error], ['wrong-p4ss']);
  });
});

function rejectionSync(run: () => unknown): InvalidRequestError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
