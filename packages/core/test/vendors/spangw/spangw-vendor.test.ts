import { SpangwSimulator } from '../../../src/vendors/spangw/spangw-simulator';
import { InvalidRequestError } from '../../../src/errors';
import type { SendResult } from '../../../src/model/send-result';
import { createSimulator } from '../../../src/testing/simulator-catalog';
import { createVendorRegistry } from '../../../src/vendors/registry';
import type { GatewayClient } from '../../../src/vendors/gateway-client';
import { connectionArgs, runGatewayCommand } from '../../cli/gateway-run';
import { rejectionOf } from '../shared/rejection';

const registry = createVendorRegistry();
const entry = registry.get('spangw');
const OWN_KEYS = ['successCodes', 'parameterPlacement', 'sendMode', 'spans', 'gatewayUtcOffsetMinutes', 'pushParameterNames'];

describe('spangwVendor: connection settings read by their descriptors', () => {
  let simulator: SpangwSimulator;
  const clients: GatewayClient[] = [];

  beforeEach(async () => {
    simulator = createSimulator('spangw', { network: { sendDelayMs: 5, deliveryDelayMs: 5 } }) as SpangwSimulator;
    await simulator.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await simulator.stop();
  });

  function open(settings: Record<string, unknown>): GatewayClient {
    const client = registry.open('spangw', { url: simulator.baseUrl, ...simulator.describe().credentials, ...settings });
    clients.push(client);
    return client;
  }
  const lastBody = (path: string) => JSON.parse(simulator.requestLog.filter((logged) => logged.path === path).at(-1)!.body) as Record<string, unknown>;

  it('names its document and lists every vendor setting after the shared HTTP ones', () => {
    expect(entry.describe.document).toBe('POST API for send and receive sms (revision 2024-03-26)');
    expect(entry.connection.map((field) => field.name)).toEqual(['url', 'username', 'password', 'allowUnauthorizedCerts', 'ca', 'timeoutMs', ...OWN_KEYS]);
    expect(entry.sendOptions.map((field) => field.name)).toEqual(['spans', 'mode']);
    expect(entry.adminCommands.map((command) => [command.name, command.changesState])).toEqual([
      ['spans', false],
      ['outbox', false],
      ['get-push-config', false],
      ['set-push-config', true],
    ]);
    expect(entry.capabilities).toMatchObject({ operations: ['send', 'status', 'admin', 'verify'], inbound: 'push', statuses: 'both', sendFields: [] });
  });

  it('sends synchronously through the given spans with the parameters under data, as form text gives them', async () => {
    const [result] = await open({ sendMode: 'SYNC', parameterPlacement: 'Data', spans: ' 2, 4' }).send({ to: ['+447700900123'], text: 'x' });
    expect(result).toMatchObject({ accepted: true });
    expect(lastBody('/sms/send')).toMatchObject({ data: { spans: [2, 4], dest_num: '+447700900123', msg: 'x', mode: 1 } });
  });

  it('sends asynchronously with top-level parameters through every available span by default', async () => {
    await open({}).send({ to: ['+447700900123'], text: 'x' });
    expect(lastBody('/sms/send')).toMatchObject({ spans: [1, 2, 4], dest_num: '+447700900123', mode: 0 });
    await open({ spans: [1], sendMode: 'async', parameterPlacement: 'top-level' }).send({ to: ['+447700900123'], text: 'x', vendorOptions: { mode: 'sync', spans: '4' } });
    expect(lastBody('/sms/send')).toMatchObject({ spans: [4], mode: 1 });
  });

  it('accepts the configured success codes, as a list, digits in a list, or text', async () => {
    simulator.successCode = 7;
    expect(await open({}).verify()).toMatchObject({ status: 'failed', message: expect.stringMatching(/add it to the accepted success codes/) });
    for (const successCodes of [[7], ['0', '7'], '0, 7', 7]) {
      expect(await open({ successCodes }).verify()).toMatchObject({ status: 'verified', message: expect.stringContaining('4 spans, 3 available') });
    }
  });

  it('writes outbox filters in the gateway clock of gatewayUtcOffsetMinutes', async () => {
    await open({ gatewayUtcOffsetMinutes: '120' }).admin!('outbox', { from: '2020-01-02T03:04:05Z' });
    expect(lastBody('/smsoutbox/get')).toMatchObject({ start_datetime_filter: '2020-01-02 05:04:05' });
    await open({ gatewayUtcOffsetMinutes: -300 }).admin!('outbox', { from: new Date(Date.UTC(2020, 0, 2, 3, 4, 5)) });
    expect(lastBody('/smsoutbox/get')).toMatchObject({ start_datetime_filter: '2020-01-01 22:04:05' });
  });

  it('refuses an unknown key, naming it and every accepted key, without repeating its value', () => {
    const error = (() => {
      try {
        open({ spans: [1], apiKey: 'hunter2' });
      } catch (caught) {
        return caught as InvalidRequestError;
      }
      throw new Error('expected open to refuse');
    })();
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toMatch(/^The Span-based GSM gateway \(JSON POST API\) setting "apiKey" does not exist: use url, username, password, /);
    expect(error.details).toMatchObject({ gateway: 'spangw', option: 'apiKey', accepted: expect.arrayContaining(OWN_KEYS) });
    expect(JSON.stringify(error.toJSON())).not.toContain('hunter2');
    // `mode` is the per-send spelling (SendRequest.vendorOptions); the connection setting is sendMode.
    expect(() => open({ mode: 'sync' })).toThrow(/"mode" does not exist/);
    expect(clients).toHaveLength(0);
  });

  it.each<[string, unknown, RegExp]>([
    ['sendMode', 'SYNCHRONOUS', /takes async or sync; got "SYNCHRONOUS"/],
    ['sendMode', 1, /takes async or sync; got number 1/],
    ['parameterPlacement', 'body', /takes top-level or data/],
    ['spans', 'a,b', /takes a list of integers from 0 to 255/],
    ['spans', [1, 'x'], /takes a list of integers.*; got a list/],
    ['spans', 300, /takes a list of integers from 0 to 255.*; got number 300/],
    ['successCodes', 'ok', /takes a list of integers/],
    ['successCodes', [0, 1.5], /takes a list of integers/],
    ['gatewayUtcOffsetMinutes', true, /takes an integer from -720 to 840; got boolean true/],
    ['gatewayUtcOffsetMinutes', '2h', /takes an integer from -720 to 840/],
    ['pushParameterNames', '{"url_host":"x"}', /"pushParameterNames" takes the keys url_from_num, url_to_num/],
    ['pushParameterNames', '{oops', /takes a JSON value/],
  ])('refuses %s = %p, naming the key and what it takes', (key, value, message) => {
    const run = () => open({ [key]: value });
    expect(run).toThrow(InvalidRequestError);
    expect(run).toThrow(message);
  });

  it('takes the settings from the command line: smsbridge send --option …', async () => {
    const { args, password } = connectionArgs(simulator);
    const sent = await runGatewayCommand(['send', ...args, '--to', '+447700900124', '--text', 'cli', '--option', 'sendMode=SYNC', '--option', 'spans=2,4'], {
      SMSBRIDGE_PASSWORD: password,
    });
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    expect((JSON.parse(sent.stdout) as SendResult[])[0]).toMatchObject({ accepted: true });
    expect(lastBody('/sms/send')).toMatchObject({ spans: [2, 4], dest_num: '+447700900124', mode: 1 });

    const refused = await runGatewayCommand(['send', ...args, '--to', '+447700900124', '--text', 'cli', '--option', 'sendMode=later'], { SMSBRIDGE_PASSWORD: password });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('"sendMode" takes async or sync');
  });

  it('a send the gateway refuses on its first request is an error on stderr, not a result row', async () => {
    const { args, password } = connectionArgs(simulator);
    const refused = await runGatewayCommand(['send', ...args, '--to', '+447700900124', '--text', 'cli', '--option', 'spans=3'], { SMSBRIDGE_PASSWORD: password });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('No available span');
    await expect(rejectionOf(() => open({ spans: '3' }).send({ to: ['+447700900124'], text: 'x' }))).resolves.toMatchObject({ vendorCode: 503 });
  });
});
