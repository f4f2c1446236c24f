import { InvalidRequestError } from '../../../src/errors';
import type { SendResult } from '../../../src/model/send-result';
import { DinstarClient, DinstarSimulator } from '../../../src/vendors/dinstar';
import { connectionArgs, runGatewayCommand } from '../../cli/gateway-run';
import { failureOf } from '../shared/creation-failure';
import { useVendorFixture } from '../shared/vendor-fixture';

const ACCEPTED_KEYS = ['authScheme', 'keepAlive', 'ports', 'gatewayUtcOffsetMinutes', 'requestStatusReport'];

describe('dinstarVendor.createClient: vendorOptions', () => {
  const fixture = useVendorFixture('dinstar', { simulator: () => new DinstarSimulator({ authScheme: 'either', network: { sendDelayMs: 5, deliveryDelayMs: 5 } }), clientsOnManualClock: false });
  const client = (vendorOptions: Record<string, unknown>) => fixture.client(vendorOptions) as DinstarClient;
  const lastApiRequest = (operation: string) => fixture.simulator.requestLog.filter((request) => request.path === `/api/${operation}` && request.headers.authorization).at(-1)!;

  it('sends with Basic auth, Connection: close, the given ports and a report request, whatever the letter case', async () => {
    const [result] = await client({ authScheme: 'Basic', keepAlive: 'FALSE', ports: '2', requestStatusReport: 'True' }).send({ to: ['10086'], text: 'x' });
    expect(result).toMatchObject({ accepted: true });
    const request = lastApiRequest('send_sms');
    expect(request.headers.authorization).toMatch(/^Basic /);
    expect(request.headers.connection).toBe('close');
    expect(JSON.parse(request.body)).toMatchObject({ port: [2], request_status_report: true });
  });

  it('talks Digest on kept-alive connections and lets the gateway pick the port by default', async () => {
    await client({}).send({ to: ['10086'], text: 'x' });
    const request = lastApiRequest('send_sms');
    expect(request.headers.authorization).toMatch(/^Digest /);
    expect(request.headers.connection).not.toBe('close');
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(body.port).toBeUndefined();
    expect(body.request_status_report).toBeUndefined();
    await client({ authScheme: 'DIGEST', keepAlive: true, ports: [0, '1'], requestStatusReport: false }).send({ to: ['10086'], text: 'x' });
    expect(lastApiRequest('send_sms').headers.authorization).toMatch(/^Digest /);
    expect(JSON.parse(lastApiRequest('send_sms').body)).toMatchObject({ port: [0, 1] });
  });

  it('writes query times in the gateway clock of gatewayUtcOffsetMinutes', async () => {
    await client({ gatewayUtcOffsetMinutes: '480' }).querySmsResult({ after: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) });
    expect(JSON.parse(lastApiRequest('query_sms_result').body)).toMatchObject({ time_after: '2026-01-02 11:04:05' });
  });

  it('refuses an unknown key, naming it and every accepted key, without repeating its value', () => {
    const error = failureOf(() => client({ authScheme: 'basic', secret: 'hunter2' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toBe(`"secret" is not a Dinstar option: use ${ACCEPTED_KEYS.join(', ')}.`);
    expect(error.details).toEqual({ gateway: 'dinstar', option: 'secret', accepted: ACCEPTED_KEYS });
    expect(JSON.stringify(error.toJSON())).not.toContain('hunter2');
    expect(fixture.clients).toHaveLength(0);
  });

  it.each<[string, unknown, RegExp]>([
    ['authScheme', 'ntlm', /takes digest or basic; got "ntlm"/],
    ['authScheme', true, /takes digest or basic; got boolean true/],
    ['keepAlive', 'no', /takes true or false; got "no"/],
    ['keepAlive', 0, /takes true or false; got number 0/],
    ['ports', '1,two', /takes a list of port numbers from 0 to 255/],
    ['ports', [-1], /takes a list of port numbers from 0 to 255.*; got a list/],
    ['ports', '', /takes a list of port numbers/],
    ['gatewayUtcOffsetMinutes', true, /takes an integer from -720 to 840; got boolean true/],
    ['gatewayUtcOffsetMinutes', 1000, /takes an integer from -720 to 840; got number 1000/],
    ['requestStatusReport', 'sometimes', /takes true or false/],
  ])('refuses %s = %p, naming the key and what it takes', (key, value, message) => {
    const error = failureOf(() => client({ [key]: value }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain(`The Dinstar option "${key}"`);
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ gateway: 'dinstar', option: key });
  });

  it('takes the settings from the command line: smsbridge send --option …', async () => {
    const { args, password } = connectionArgs(fixture.simulator);
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
});
