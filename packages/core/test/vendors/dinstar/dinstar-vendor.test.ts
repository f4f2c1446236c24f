import { DinstarSimulator } from '../../../src/vendors/dinstar/dinstar-simulator';
import { InvalidRequestError } from '../../../src/errors';
import type { SendResult } from '../../../src/model/send-result';
import { createVendorRegistry } from '../../../src/vendors/registry';
import type { GatewayClient } from '../../../src/vendors/gateway-client';
import { connectionArgs, runGatewayCommand } from '../../cli/gateway-run';

const registry = createVendorRegistry();
const OWN_KEYS = ['authScheme', 'keepAlive', 'ports', 'gatewayUtcOffsetMinutes', 'requestStatusReport'];

describe('dinstarVendor: connection settings read by their descriptors', () => {
  let simulator: DinstarSimulator;
  const clients: GatewayClient[] = [];

  beforeEach(async () => {
    simulator = new DinstarSimulator({ authScheme: 'either', network: { sendDelayMs: 5, deliveryDelayMs: 5 } });
    await simulator.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await simulator.stop();
  });

  function open(settings: Record<string, unknown>): GatewayClient {
    const client = registry.open('dinstar', { url: simulator.baseUrl, ...simulator.describe().credentials, ...settings });
    clients.push(client);
    return client;
  }
  const lastApiRequest = (operation: string) => simulator.requestLog.filter((request) => request.path === `/api/${operation}` && request.headers.authorization).at(-1)!;

  it('lists every vendor setting after the shared HTTP ones', () => {
    expect(registry.get('dinstar').connection.map((field) => field.name)).toEqual(['url', 'username', 'password', 'allowUnauthorizedCerts', 'ca', 'timeoutMs', ...OWN_KEYS]);
  });

  it('sends with Basic auth, Connection: close, the given ports and a report request, as form text gives them', async () => {
    const [result] = await open({ authScheme: 'Basic', keepAlive: 'FALSE', ports: '2', requestStatusReport: 'True' }).send({ to: ['10086'], text: 'x' });
    expect(result).toMatchObject({ accepted: true });
    const request = lastApiRequest('send_sms');
    expect(request.headers.authorization).toMatch(/^Basic /);
    expect(request.headers.connection).toBe('close');
    expect(JSON.parse(request.body)).toMatchObject({ port: [2], request_status_report: true });
  });

  it('talks Digest on kept-alive connections and lets the gateway pick the port by default', async () => {
    await open({}).send({ to: ['10086'], text: 'x' });
    const request = lastApiRequest('send_sms');
    expect(request.headers.authorization).toMatch(/^Digest /);
    expect(request.headers.connection).not.toBe('close');
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(body.port).toBeUndefined();
    expect(body.request_status_report).toBeUndefined();
    await open({ authScheme: 'DIGEST', keepAlive: true, ports: [0, '1'], requestStatusReport: false }).send({ to: ['10086'], text: 'x' });
    expect(lastApiRequest('send_sms').headers.authorization).toMatch(/^Digest /);
    expect(JSON.parse(lastApiRequest('send_sms').body)).toMatchObject({ port: [0, 1] });
  });

  it('writes query times in the gateway clock of gatewayUtcOffsetMinutes', async () => {
    const [sent] = await open({ gatewayUtcOffsetMinutes: '480' }).send({ to: ['10086'], text: 'x' });
    await open({ gatewayUtcOffsetMinutes: '480' }).status!(sent!.messageId!);
    expect(JSON.parse(lastApiRequest('query_sms_result').body)).toMatchObject({ user_id: [Number(sent!.messageId!.split('|')[0])], number: ['10086'] });
  });

  it('refuses an unknown key, naming it and every accepted key, without repeating its value', () => {
    let error: InvalidRequestError | undefined;
    try {
      open({ authScheme: 'basic', secret: 'hunter2' });
    } catch (caught) {
      error = caught as InvalidRequestError;
    }
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error!.message).toMatch(/^The Dinstar GSM gateway \(HTTP API\) setting "secret" does not exist: use url, username, password, /);
    expect(error!.details).toMatchObject({ gateway: 'dinstar', option: 'secret', accepted: expect.arrayContaining(OWN_KEYS) });
    expect(JSON.stringify(error!.toJSON())).not.toContain('hunter2');
    expect(clients).toHaveLength(0);
  });

  it.each<[string, unknown, RegExp]>([
    ['authScheme', 'ntlm', /takes digest or basic; got "ntlm"/],
    ['authScheme', true, /takes digest or basic; got boolean true/],
    ['keepAlive', 'no', /takes true or false; got "no"/],
    ['keepAlive', 2, /takes true or false; got number 2/],
    ['ports', '1,two', /takes a list of integers from 0 to 255/],
    ['ports', [-1], /takes a list of integers from 0 to 255.*; got a list/],
    ['gatewayUtcOffsetMinutes', true, /takes an integer from -720 to 840; got boolean true/],
    ['gatewayUtcOffsetMinutes', 1000, /takes an integer from -720 to 840; got number 1000/],
    ['requestStatusReport', 'sometimes', /takes true or false/],
  ])('refuses %s = %p, naming the key and what it takes', (key, value, message) => {
    const run = () => open({ [key]: value });
    expect(run).toThrow(InvalidRequestError);
    expect(run).toThrow(message);
    expect(run).toThrow(`"${key}"`);
  });

  it('takes the settings from the command line: smsbridge send --option …', async () => {
    const { args, password } = connectionArgs(simulator);
    const options = ['--option', 'authScheme=Basic', '--option', 'ports:=[3]', '--option', 'keepAlive=false'];
    const sent = await runGatewayCommand(['send', ...args, '--to', '10087', '--text', 'cli', ...options], { SMSBRIDGE_PASSWORD: password });
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    expect((JSON.parse(sent.stdout) as SendResult[])[0]).toMatchObject({ accepted: true });
    const request = lastApiRequest('send_sms');
    expect(request.headers).toMatchObject({ authorization: expect.stringMatching(/^Basic /), connection: 'close' });
    expect(JSON.parse(request.body)).toMatchObject({ port: [3] });

    const refused = await runGatewayCommand(['send', ...args, '--to', '10087', '--text', 'cli', '--option', 'authScheme=plain'], { SMSBRIDGE_PASSWORD: password });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('"authScheme" takes digest or basic');
  });

  it('a send the gateway refuses on its first request is an error on stderr, not a result row', async () => {
    const { args, password } = connectionArgs(simulator);
    const refused = await runGatewayCommand(['send', ...args, '--to', '10087', '--text', 'cli', '--option', 'ports=1'], { SMSBRIDGE_PASSWORD: password });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('error_code 550');
  });
});
