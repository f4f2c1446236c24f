import { InvalidRequestError } from '../../../src/errors';
import type { SendResult } from '../../../src/model/send-result';
import { RoutesmsSimulator } from '../../../src/vendors/routesms';
import { connectionArgs, runGatewayCommand } from '../../cli/gateway-run';
import { failureOf } from '../shared/creation-failure';
import { useVendorFixture } from '../shared/vendor-fixture';

const ACCEPTED_KEYS = ['defaultSource', 'timeZone', 'defaultCountry', 'deliveryReports'];

describe('routesmsVendor.createClient: vendorOptions', () => {
  const fixture = useVendorFixture('routesms', { simulator: (clock) => new RoutesmsSimulator({ clock }), clientsOnManualClock: true });
  const { client } = fixture;
  const lastRequest = () => fixture.simulator.requestLog.at(-1)!;

  it('sends from the default sender, writes national numbers in the default country, and asks for no report when told', async () => {
    const [result] = await client({ defaultSource: ' ACME ', defaultCountry: 'gb', deliveryReports: false }).send({ to: ['07700 900123'], text: 'x' });
    expect(result).toMatchObject({ to: '447700900123', accepted: true });
    expect(lastRequest().query).toMatchObject({ source: 'ACME', destination: '447700900123', dlr: '0' });
  });

  it('asks for reports by default, and when deliveryReports is true in any letter case', async () => {
    await client({ defaultSource: 'ACME' }).send({ to: ['447700900123'], text: 'x' });
    expect(lastRequest().query.dlr).toBe('1');
    await client({ defaultSource: 'ACME', deliveryReports: 'FALSE' }).send({ to: ['447700900123'], text: 'x' });
    expect(lastRequest().query.dlr).toBe('0');
    await client({ defaultSource: 'ACME', deliveryReports: 'True' }).send({ to: ['447700900123'], text: 'x' });
    expect(lastRequest().query.dlr).toBe('1');
  });

  it('writes the scheduler time in the timeZone', async () => {
    const at = new Date(fixture.clock.now() + 3 * 86_400_000);
    await client({ defaultSource: '447700900999', timeZone: 'Asia/Kolkata' }).send({ to: ['919898000001'], text: 'Later', scheduleAt: at });
    expect(lastRequest()).toMatchObject({ path: '/bulksms/schedulemsg', query: { gmt: 'GMT +05:30', source: '447700900999' } });
    await client({ defaultSource: 'ACME' }).send({ to: ['919898000001'], text: 'Later', scheduleAt: at });
    expect(lastRequest().query.gmt).toBe('GMT +00:00');
  });

  it('refuses an unknown key, naming it and every accepted key, without repeating its value', () => {
    const error = failureOf(() => client({ defaultSource: 'ACME', defaultsource: 'hunter2' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toBe(`"defaultsource" is not a Route Mobile option: use ${ACCEPTED_KEYS.join(', ')}.`);
    expect(error.details).toEqual({ gateway: 'routesms', option: 'defaultsource', accepted: ACCEPTED_KEYS });
    expect(JSON.stringify(error.toJSON())).not.toContain('hunter2');
    // Per-message parameters (type, entityid …) belong to the send, not to the client.
    expect(failureOf(() => client({ type: 2 })).details).toMatchObject({ option: 'type' });
    expect(fixture.clients).toHaveLength(0);
  });

  it.each<[string, unknown, RegExp]>([
    ['defaultSource', '', /takes a sender id of the account: up to 18 digits or 11 plain ASCII characters; got ""/],
    ['defaultSource', 'ACME-RETAIL-UK', /takes a sender id/],
    ['defaultSource', '+4477009001234567890', /takes a sender id/],
    ['defaultSource', 42, /takes a sender id.*; got number 42/],
    ['timeZone', 'Mars/Olympus', /takes an IANA time zone such as Asia\/Kolkata or UTC/],
    ['defaultCountry', 'IND', /takes a two-letter ISO country code/],
    ['deliveryReports', 'yes', /takes true or false; got "yes"/],
    ['deliveryReports', 1, /takes true or false; got number 1/],
  ])('refuses %s = %p, naming the key and what it takes', (key, value, message) => {
    const error = failureOf(() => client({ [key]: value }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain(`The Route Mobile option "${key}"`);
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ gateway: 'routesms', option: key });
  });

  it('takes the settings from the command line: smsbridge send --option …', async () => {
    const { args, password } = connectionArgs(fixture.simulator);
    const sent = await runGatewayCommand(
      ['send', ...args, '--to', '07700 900124', '--text', 'cli', '--option', 'defaultSource=ACME', '--option', 'defaultCountry=GB', '--option', 'deliveryReports=false'],
      { SMSBRIDGE_PASSWORD: password },
    );
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    expect((JSON.parse(sent.stdout) as SendResult[])[0]).toMatchObject({ to: '447700900124', accepted: true });
    expect(lastRequest().query).toMatchObject({ source: 'ACME', destination: '447700900124', dlr: '0' });

    const refused = await runGatewayCommand(['send', ...args, '--to', '447700900124', '--text', 'cli', '--option', 'deliveryReports=sometimes'], { SMSBRIDGE_PASSWORD: password });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('"deliveryReports" takes true or false');
  });
});
