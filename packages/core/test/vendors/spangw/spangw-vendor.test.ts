import { InvalidRequestError } from '../../../src/errors';
import type { SendResult } from '../../../src/model/send-result';
import { SpangwClient, SpangwSimulator } from '../../../src/vendors/spangw';
import { connectionArgs, runGatewayCommand } from '../../cli/gateway-run';
import { failureOf } from '../shared/creation-failure';
import { useVendorFixture } from '../shared/vendor-fixture';

const ACCEPTED_KEYS = ['successCodes', 'parameterPlacement', 'sendMode', 'spans', 'gatewayUtcOffsetMinutes'];

describe('spangwVendor.createClient: vendorOptions', () => {
  const fixture = useVendorFixture('spangw', { simulator: () => new SpangwSimulator({ network: { sendDelayMs: 5, deliveryDelayMs: 5 } }), clientsOnManualClock: false });
  const client = (vendorOptions: Record<string, unknown>) => fixture.client(vendorOptions) as SpangwClient;
  const lastBody = (path: string) => JSON.parse(fixture.simulator.requestLog.filter((entry) => entry.path === path).at(-1)!.body) as Record<string, unknown>;

  it('sends synchronously through the given spans with the parameters under data, whatever the letter case', async () => {
    const [result] = await client({ sendMode: 'SYNC', parameterPlacement: 'Data', spans: ' 2, 4' }).send({ to: ['+447700900123'], text: 'x' });
    expect(result).toMatchObject({ accepted: true });
    expect(lastBody('/sms/send')).toMatchObject({ data: { spans: [2, 4], dest_num: '+447700900123', msg: 'x', mode: 1 } });
  });

  it('sends asynchronously with top-level parameters through every available span by default', async () => {
    await client({}).send({ to: ['+447700900123'], text: 'x' });
    expect(lastBody('/sms/send')).toMatchObject({ spans: [1, 2, 4], dest_num: '+447700900123', mode: 0 });
    await client({ spans: [1], sendMode: 'async', parameterPlacement: 'top-level' }).send({ to: ['+447700900123'], text: 'x' });
    expect(lastBody('/sms/send')).toMatchObject({ spans: [1], mode: 0 });
  });

  it('accepts the configured success codes, as a list, digits in a list, or text', async () => {
    fixture.simulator.successCode = 7;
    await expect(client({}).getValidSpans()).rejects.toThrow(/add it to the accepted success codes/);
    for (const successCodes of [[7], ['0', '7'], '0, 7', 7]) {
      expect(await client({ successCodes }).getValidSpans()).toHaveLength(4);
    }
  });

  it('writes outbox filters in the gateway clock of gatewayUtcOffsetMinutes', async () => {
    await client({ gatewayUtcOffsetMinutes: '120' }).getOutbox({ from: new Date(Date.UTC(2020, 0, 2, 3, 4, 5)) });
    expect(lastBody('/smsoutbox/get')).toMatchObject({ start_datetime_filter: '2020-01-02 05:04:05' });
    await client({ gatewayUtcOffsetMinutes: -300 }).getOutbox({ from: new Date(Date.UTC(2020, 0, 2, 3, 4, 5)) });
    expect(lastBody('/smsoutbox/get')).toMatchObject({ start_datetime_filter: '2020-01-01 22:04:05' });
  });

  it('refuses an unknown key, naming it and every accepted key, without repeating its value', () => {
    const error = failureOf(() => client({ spans: [1], apiKey: 'hunter2' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toBe(`"apiKey" is not a span gateway option: use ${ACCEPTED_KEYS.join(', ')}.`);
    expect(error.details).toEqual({ gateway: 'spangw', option: 'apiKey', accepted: ACCEPTED_KEYS });
    expect(JSON.stringify(error.toJSON())).not.toContain('hunter2');
    // `mode` is the per-send spelling (SendRequest.vendorOptions); the client setting is sendMode.
    expect(failureOf(() => client({ mode: 'sync' })).details).toMatchObject({ option: 'mode' });
    expect(fixture.clients).toHaveLength(0);
  });

  it.each<[string, unknown, RegExp]>([
    ['sendMode', 'SYNCHRONOUS', /takes async or sync; got "SYNCHRONOUS"/],
    ['sendMode', 1, /takes async or sync; got number 1/],
    ['parameterPlacement', 'body', /takes top-level or data/],
    ['spans', 'a,b', /takes a list of span port numbers from 0 to 255/],
    ['spans', [1, 'x'], /takes a list of span port numbers.*; got a list/],
    ['spans', [], /takes a list of span port numbers/],
    ['spans', 300, /takes a list of span port numbers.*; got number 300/],
    ['successCodes', 'ok', /takes a list of integer codes/],
    ['successCodes', [0, 1.5], /takes a list of integer codes/],
    ['gatewayUtcOffsetMinutes', true, /takes an integer from -720 to 840; got boolean true/],
    ['gatewayUtcOffsetMinutes', '2h', /takes an integer from -720 to 840/],
  ])('refuses %s = %p, naming the key and what it takes', (key, value, message) => {
    const error = failureOf(() => client({ [key]: value }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain(`The span gateway option "${key}"`);
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ gateway: 'spangw', option: key });
  });

  it('takes the settings from the command line: smsbridge send --option …', async () => {
    const { args, password } = connectionArgs(fixture.simulator);
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
});
