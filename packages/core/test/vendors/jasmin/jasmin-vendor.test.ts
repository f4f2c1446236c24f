import { LoopbackPushReceiver } from '../../../src/cli/demo/loopback-push-receiver';
import { InvalidRequestError } from '../../../src/errors';
import type { GatewayClient } from '../../../src/vendors/gateway-client';
import { jasminVendor } from '../../../src/vendors/jasmin';
import { JasminSimulator } from '../../../src/vendors/jasmin/jasmin-simulator';
import { createVendorRegistry } from '../../../src/vendors/registry';
import { ManualClock } from '../../../src/testing/manual-clock';
import { rejectionOf } from '../shared/rejection';
import { useVendorFixture } from '../shared/vendor-fixture';

// Nothing listens here; with a manual clock no report is ever pushed.
const DLR_URL = 'http://127.0.0.1:9/dlr';
const ID = 'f7a4e5a0-3c3b-4c59-b8d6-2a8f5f8c9e11';

const registry = createVendorRegistry();
const fixture = useVendorFixture('jasmin', { simulator: (clock) => new JasminSimulator({ clock, noRoutePrefixes: ['4479'] }), clientsOnManualClock: true });
let simulator: JasminSimulator;
let clock: ManualClock;
beforeEach(() => {
  simulator = fixture.simulator;
  clock = fixture.clock;
});
/** A client as a host opens one: form values through `registry.open`. */
const open = (values: Record<string, unknown> = {}): GatewayClient => fixture.client(values);

const lastRequest = () => simulator.requestLog.at(-1)!;
const lastBody = () => JSON.parse(lastRequest().body) as Record<string, unknown>;

function refusalOf(run: () => unknown): InvalidRequestError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}


describe('jasminVendor: the entry a host builds its forms from', () => {
  it('names the vendor document and says what it can do, as data', () => {
    expect(jasminVendor.describe).toMatchObject({ key: 'jasmin', defaultPort: 8080, document: 'Jasmin SMS Gateway REST API (Direct7 legacy REST)' });
    expect(jasminVendor.describe).not.toHaveProperty('seed');
    expect(jasminVendor).not.toHaveProperty('createClient');
    expect(jasminVendor).not.toHaveProperty('createSimulator');
    expect(jasminVendor.capabilities).toMatchObject({
      operations: ['send', 'admin', 'verify'],
      statuses: 'push',
      inbound: 'none',
      sendFields: ['from', 'statusReport', 'validityMinutes', 'scheduleAt'],
    });
    expect(jasminVendor.connection.map((field) => field.name).slice(6)).toEqual(['defaultFrom', 'defaultCountry', 'dlrUrl', 'dlrLevel', 'dlrMethod', 'batchCallbackUrl', 'batchErrbackUrl']);
    expect(jasminVendor.sendOptions.map((field) => field.name)).toEqual(['hex_content', 'coding', 'priority', 'dlr_url', 'dlr_level', 'dlr_method', 'tags', 'sdt']);
    expect(jasminVendor.sendOptions.find((field) => field.name === 'hex_content')!.replacesText).toBe(true);
    expect(jasminVendor.adminCommands.map((command) => [command.name, command.changesState, command.args.map((arg) => arg.name)])).toEqual([
      ['balance', false, []],
      ['rate', false, ['to', 'text']],
      ['ping', false, []],
    ]);
    expect(jasminVendor.push).toMatchObject({ carries: ['status'], methods: ['POST', 'GET'], setup: { how: 'per-send', sendOption: 'dlr_url' } });
  });
});

describe('jasminVendor: connection settings read by their descriptors', () => {
  it('sends from the default sender to national numbers in the default country, asking for reports as configured', async () => {
    const [result] = await open({ defaultFrom: ' ACME ', defaultCountry: 'gb', dlrUrl: DLR_URL, dlrLevel: '3', dlrMethod: 'get' }).send({ to: ['07700 900123'], text: 'Hello' });
    expect(result).toMatchObject({ to: '447700900123', accepted: true });
    expect(lastBody()).toMatchObject({ to: '447700900123', from: 'ACME', dlr: 'yes', 'dlr-url': DLR_URL, 'dlr-level': 3, 'dlr-method': 'GET' });
  });

  it('asks for level-1 reports by POST when only dlrUrl is set, for none without it, and none when the send says no', async () => {
    await open({ dlrUrl: DLR_URL }).send({ to: ['19012233451'], text: 'x' });
    expect(lastBody()).toMatchObject({ dlr: 'yes', 'dlr-url': DLR_URL, 'dlr-level': 1, 'dlr-method': 'POST' });
    await open({ dlrUrl: DLR_URL }).send({ to: ['19012233451'], text: 'x', statusReport: false });
    expect(lastBody()).toEqual({ to: '19012233451', content: 'x' });
    await open({}).send({ to: ['19012233451'], text: 'x' });
    expect(lastBody()).toEqual({ to: '19012233451', content: 'x' });
  });

  it('gives scheduled sends the batch callback and errback URLs', async () => {
    const results = await open({ batchCallbackUrl: 'http://127.0.0.1:9/ok', batchErrbackUrl: 'https://127.0.0.1:9/ko' }).send({
      to: ['19012233451', '19012233452'],
      text: 'Later',
      scheduleAt: new Date(clock.now() + 86_400_000),
    });
    expect(lastRequest().path).toBe('/secure/sendbatch');
    expect(results.map((result) => [result.to, result.state, result.messageId])).toEqual([
      ['19012233451', 'queued', undefined],
      ['19012233452', 'queued', undefined],
    ]);
    expect([...simulator.batches.values()]).toEqual([expect.objectContaining({ callbackUrl: 'http://127.0.0.1:9/ok', errbackUrl: 'https://127.0.0.1:9/ko', messageCount: 2 })]);
  });

  it('refuses an unknown setting by name without repeating its value', () => {
    const error = refusalOf(() => open({ dlrUrl: DLR_URL, dlr_url: 'http://user:hunter2@example.com/' }));
    expect(error.message).toMatch(/setting "dlr_url" does not exist: use url, .*dlrUrl, dlrLevel, dlrMethod, batchCallbackUrl, batchErrbackUrl/);
    expect(JSON.stringify(error.toJSON())).not.toContain('hunter2');
  });

  it.each<[string, unknown, RegExp]>([
    ['defaultCountry', 'GBR', /takes a two-letter ISO country code/],
    ['dlrUrl', 'ftp://127.0.0.1/dlr', /"dlrUrl" takes an http/],
    ['dlrLevel', 5, /"dlrLevel" takes an integer from 1 to 3; got number 5/],
    ['dlrLevel', '2.5', /"dlrLevel" takes an integer from 1 to 3/],
    ['dlrMethod', 'PUT', /"dlrMethod" takes POST or GET; got "PUT"/],
    ['batchErrbackUrl', 'callback', /"batchErrbackUrl" takes an http/],
  ])('refuses %s = %p, naming the setting and what it takes', (key, value, message) => {
    const error = refusalOf(() => open({ dlrUrl: DLR_URL, [key]: value }));
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ gateway: 'jasmin', option: key });
  });

  it.each([['dlrLevel', 2], ['dlrMethod', 'GET']])('refuses %s without dlrUrl rather than dropping it', (key, value) => {
    const error = refusalOf(() => open({ [key]: value }));
    expect(error.message).toBe(`The Jasmin setting "${key}" needs dlrUrl, where Jasmin pushes the delivery reports.`);
  });
});

describe('jasminVendor: sends through the contract', () => {
  it('binary content with an empty text: hex_content replaces the text', async () => {
    const [result] = await open().send({ to: ['971509001000'], text: '', vendorOptions: { hex_content: '0b05040b8423f0', coding: '4' } });
    expect(lastBody()).toEqual({ to: '971509001000', coding: 4, hex_content: '0B05040B8423F0' });
    expect(result).toMatchObject({ accepted: true, encoding: '8bit', parts: 1 });
    expect(simulator.network.get(result!.messageId!)).toBeDefined();
  });

  it('an empty text without binary content is refused before any request', async () => {
    const before = simulator.requestLog.length;
    expect((await rejectionOf(open().send({ to: ['971509001000'], text: '' }))).message).toMatch(/text is empty/);
    expect(simulator.requestLog.length).toBe(before);
  });

  it('refuses flash (Jasmin has no class 0), or drops it with best effort', async () => {
    const error = await rejectionOf(open().send({ to: ['19012233451'], text: 'x', flash: true }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toMatch(/cannot honour flash/);
    const [result] = await open().send({ to: ['19012233451'], text: 'x', flash: true, bestEffort: true });
    expect(result!.accepted).toBe(true);
  });

  it('per-send DLR, priority, tags and validity reach Jasmin typed', async () => {
    await open().send({
      to: ['19012233451'],
      text: 'x',
      validityMinutes: 30,
      vendorOptions: { dlr_url: 'http://127.0.0.1:9/other', dlr_level: '2', dlr_method: 'get', priority: '2', tags: '1,2' },
    });
    expect(lastBody()).toEqual({
      to: '19012233451',
      content: 'x',
      dlr: 'yes',
      'dlr-url': 'http://127.0.0.1:9/other',
      'dlr-level': 2,
      'dlr-method': 'GET',
      'validity-period': 30,
      priority: 2,
      tags: '1,2',
    });
  });

  it('refuses an unknown option and a report asked for without a URL, before any request', async () => {
    const before = simulator.requestLog.length;
    expect((await rejectionOf(open().send({ to: ['19012233451'], text: 'x', vendorOptions: { foo: 1 } }))).message).toMatch(/send option "foo" does not exist: use hex_content/);
    expect((await rejectionOf(open().send({ to: ['19012233451'], text: 'x', vendorOptions: { priority: 4 } }))).message).toMatch(/"priority" takes an integer from 0 to 3/);
    expect((await rejectionOf(open().send({ to: ['19012233451'], text: 'x', statusReport: true }))).message).toMatch(/delivery report URL/);
    expect(simulator.requestLog.length).toBe(before);
  });

  it('a destination without route is that recipient\'s failed result; the others go', async () => {
    const results = await open().send({ to: ['447700900001', '+44 7912 345678', '447700900003'], text: 'Hi' });
    expect(results.map((result) => [result.accepted, result.errorCode ?? null])).toEqual([
      [true, null],
      [false, 'no-route'],
      [true, null],
    ]);
    expect(simulator.network.messages.size).toBe(2);
  });
});

describe('jasminVendor: admin commands and verify', () => {
  it('balance, rate and ping through their descriptors', async () => {
    const client = open();
    expect((await client.admin!('balance')).data).toMatchObject({ balance: 1000.23 });
    expect(await client.admin!('rate', { to: '+1 901 223 3451', text: 'a'.repeat(200) })).toMatchObject({ ok: true, data: { submitSmCount: 2, unitRate: 2.8 } });
    expect(lastRequest().query).toMatchObject({ to: '19012233451' });
    expect(await client.admin!('ping')).toEqual({ command: 'ping', ok: true, gateway: 'jasmin', data: { answer: 'Jasmin/PONG' } });
  });

  it('an unknown command or a missing argument is refused by the descriptors', async () => {
    const client = open();
    expect((await rejectionOf(client.admin!('reboot'))).message).toMatch(/"reboot" is not a Jasmin .* command: use balance, rate, ping/);
    expect((await rejectionOf(client.admin!('rate', { to: '19012233451' }))).message).toMatch(/"text" \(Text\) is required/);
  });

  it('verify() proves the credentials with the balance call', async () => {
    expect(await open().verify()).toMatchObject({ status: 'verified' });
    const wrong = fixture.clientFor({ url: simulator.baseUrl, username: 'jasmin', password: 'wrong' });
    const verdict = await wrong.verify();
    expect(verdict).toMatchObject({ status: 'failed', error: expect.objectContaining({ code: 'SMSB_GATEWAY_AUTH' }) });
    expect(JSON.stringify(verdict)).not.toContain('wrong"');
  });
});

describe('jasminVendor.push', () => {
  const push = jasminVendor.push!;

  it('a DLR is answered exactly ACK/Jasmin and read into a status', () => {
    const receipt = push.receive({ method: 'POST', body: `id=${ID}&message_status=ESME_ROK&level=1&connector=smppc1`, contentType: 'application/x-www-form-urlencoded' });
    expect(receipt.answer).toEqual({ status: 200, contentType: 'text/plain', body: 'ACK/Jasmin' });
    expect(receipt.statuses).toEqual([expect.objectContaining({ state: 'sent', messageId: ID, gateway: 'jasmin' })]);
    expect(receipt.inbound).toEqual([]);
  });

  it('a batch callback gives the message id of a recipient; an errback its failure under the batch id', () => {
    const ok = push.receive({ method: 'GET', query: { batchId: 'b-1', to: '1234567890', status: '1', statusText: `Success "${ID}"` } });
    expect(ok.answer.status).toBe(200);
    expect(ok.statuses).toEqual([{ state: 'queued', messageId: ID, to: '1234567890', rawStatus: `Success "${ID}"`, gateway: 'jasmin', raw: { batchId: 'b-1', status: 1, statusText: `Success "${ID}"` } }]);
    const ko = push.receive({ method: 'GET', query: 'batchId=b-1&to=1&status=0&statusText=HTTPAPI%20error' });
    expect(ko.statuses[0]).toMatchObject({ state: 'failed', messageId: 'b-1', to: '1', errorCode: 'batch-errback' });
  });

  it('what it cannot read is not acknowledged (so Jasmin pushes again), and never throws', () => {
    const receipt = push.receive({ method: 'POST', body: 'level=1' });
    expect(receipt.answer.status).toBe(400);
    expect(receipt.error).toBeInstanceOf(InvalidRequestError);
    expect(push.receive({ method: 'POST', body: '{not json', contentType: 'application/json' }).answer.status).toBe(400);
  });

  it('the simulator\'s DLRs for a send that carried the URL are read and acknowledged', async () => {
    const receiver = new LoopbackPushReceiver({}, (call) => {
      const receipt = push.receive({ method: call.method, query: call.query, body: call.body, contentType: call.contentType });
      return { status: receipt.answer.status, contentType: receipt.answer.contentType, body: receipt.answer.body };
    });
    await receiver.start();
    try {
      const [result] = await open().send({ to: ['19012233451'], text: 'x', vendorOptions: { dlr_url: receiver.url('/dlr'), dlr_level: 3 } });
      clock.advance(60_000);
      await simulator.pushes.settle();
      expect(simulator.dlrAttempts.map((attempt) => [attempt.id, attempt.acknowledged])).toEqual([
        [result!.messageId, true],
        [result!.messageId, true],
      ]);
    } finally {
      await receiver.stop();
    }
  });
});
