import { InvalidRequestError } from '../../../src/errors';
import type { SendResult } from '../../../src/model/send-result';
import { JasminSimulator } from '../../../src/vendors/jasmin';
import { connectionArgs, runGatewayCommand } from '../../cli/gateway-run';
import { failureOf } from '../shared/creation-failure';
import { useVendorFixture } from '../shared/vendor-fixture';

const ACCEPTED_KEYS = ['defaultFrom', 'defaultCountry', 'dlrUrl', 'dlrLevel', 'dlrMethod', 'batchCallbackUrl', 'batchErrbackUrl'];
// Nothing listens here; with a manual clock no report is ever pushed.
const DLR_URL = 'http://127.0.0.1:9/dlr';

describe('jasminVendor.createClient: vendorOptions', () => {
  const fixture = useVendorFixture('jasmin', { simulator: (clock) => new JasminSimulator({ clock, balance: 'ND' }), clientsOnManualClock: true });
  const { client } = fixture;
  const lastRequest = () => fixture.simulator.requestLog.at(-1)!;
  const lastBody = () => JSON.parse(lastRequest().body) as Record<string, unknown>;

  it('sends from the default sender to national numbers in the default country, asking for reports as configured', async () => {
    const jasmin = client({ defaultFrom: ' ACME ', defaultCountry: 'gb', dlrUrl: DLR_URL, dlrLevel: '3', dlrMethod: 'get' });
    const [result] = await jasmin.send({ to: ['07700 900123'], text: 'Hello' });
    expect(result).toMatchObject({ to: '447700900123', accepted: true });
    expect(lastBody()).toMatchObject({ to: '447700900123', from: 'ACME', dlr: 'yes', 'dlr-url': DLR_URL, 'dlr-level': 3, 'dlr-method': 'GET' });
  });

  it('asks for level-1 reports by POST when only dlrUrl is set, and for none without it', async () => {
    await client({ dlrUrl: DLR_URL }).send({ to: ['19012233451'], text: 'x' });
    expect(lastBody()).toMatchObject({ dlr: 'yes', 'dlr-url': DLR_URL, 'dlr-level': 1, 'dlr-method': 'POST' });
    await client({ dlrUrl: DLR_URL, dlrLevel: 2, dlrMethod: 'Post' }).send({ to: ['19012233451'], text: 'x' });
    expect(lastBody()).toMatchObject({ 'dlr-level': 2, 'dlr-method': 'POST' });
    await client({}).send({ to: ['19012233451'], text: 'x' });
    expect(lastBody()).toEqual({ to: '19012233451', content: 'x' });
  });

  it('gives scheduled sends the batch callback and errback URLs', async () => {
    const jasmin = client({ batchCallbackUrl: 'http://127.0.0.1:9/ok', batchErrbackUrl: 'https://127.0.0.1:9/ko' });
    await jasmin.send({ to: ['19012233451'], text: 'Later', scheduleAt: new Date(fixture.clock.now() + 86_400_000) });
    expect(lastRequest().path).toBe('/secure/sendbatch');
    expect([...fixture.simulator.batches.values()]).toEqual([expect.objectContaining({ callbackUrl: 'http://127.0.0.1:9/ok', errbackUrl: 'https://127.0.0.1:9/ko' })]);
  });

  it('refuses an unknown key, naming it and every accepted key, without repeating its value', () => {
    const error = failureOf(() => client({ dlrUrl: DLR_URL, dlr_url: 'http://user:hunter2@example.com/' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toBe(`"dlr_url" is not a Jasmin option: use ${ACCEPTED_KEYS.join(', ')}.`);
    expect(error.details).toEqual({ gateway: 'jasmin', option: 'dlr_url', accepted: ACCEPTED_KEYS });
    expect(JSON.stringify(error.toJSON())).not.toContain('hunter2');
    expect(fixture.clients).toHaveLength(0);
  });

  it.each<[string, unknown, RegExp]>([
    ['defaultFrom', '  ', /takes a sender \(a name or a number\); got "  "/],
    ['defaultCountry', 'GBR', /takes a two-letter ISO country code/],
    ['dlrUrl', 'ftp://127.0.0.1/dlr', /takes an http:\/\/ or https:\/\/ URL; got "ftp:\/\/127.0.0.1\/dlr"/],
    ['dlrUrl', 'not a url', /takes an http:\/\/ or https:\/\/ URL/],
    ['dlrLevel', 5, /takes an integer from 1 to 3; got number 5/],
    ['dlrLevel', '2.5', /takes an integer from 1 to 3/],
    ['dlrLevel', true, /takes an integer from 1 to 3; got boolean true/],
    ['dlrMethod', 'PUT', /takes GET or POST; got "PUT"/],
    ['batchCallbackUrl', 'callback', /takes an http:\/\/ or https:\/\/ URL/],
    ['batchErrbackUrl', ['http://127.0.0.1:9/ko'], /takes an http:\/\/ or https:\/\/ URL; got a list/],
  ])('refuses %s = %p, naming the key and what it takes', (key, value, message) => {
    const error = failureOf(() => client({ dlrUrl: DLR_URL, [key]: value }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain(`The Jasmin option "${key}"`);
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ gateway: 'jasmin', option: key });
  });

  it.each([['dlrLevel', 2], ['dlrMethod', 'GET']])('refuses %s without dlrUrl rather than dropping it', (key, value) => {
    const error = failureOf(() => client({ [key]: value }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toBe(`The Jasmin option "${key}" needs dlrUrl, where Jasmin pushes the delivery reports.`);
    expect(error.details).toEqual({ gateway: 'jasmin', option: key });
  });

  it('takes the settings from the command line: smsbridge send --option …', async () => {
    const { args, password } = connectionArgs(fixture.simulator);
    const options = ['--option', `dlrUrl=${DLR_URL}`, '--option', 'dlrLevel=2', '--option', 'dlrMethod=get', '--option', 'defaultFrom=ACME'];
    const sent = await runGatewayCommand(['send', ...args, '--to', '+19012233452', '--text', 'cli', ...options], { SMSBRIDGE_PASSWORD: password });
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    expect((JSON.parse(sent.stdout) as SendResult[])[0]).toMatchObject({ to: '19012233452', accepted: true });
    expect(lastBody()).toMatchObject({ from: 'ACME', 'dlr-url': DLR_URL, 'dlr-level': 2, 'dlr-method': 'GET' });

    const refused = await runGatewayCommand(['send', ...args, '--to', '+19012233452', '--text', 'cli', '--option', `dlrUrl=${DLR_URL}`, '--option', 'dlrLevel=5'], {
      SMSBRIDGE_PASSWORD: password,
    });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('"dlrLevel" takes an integer from 1 to 3');
  });
});
