import type { Clock } from '../../../src/clock';
import { GatewayMalformedResponseError, GatewayUnreachableError, InvalidRequestError } from '../../../src/errors';
import type { SendResult } from '../../../src/model/send-result';
import type { HttpTransport } from '../../../src/transport/http-transport';
import { DiafaanSimulator } from '../../../src/vendors/diafaan';
import { connectionArgs, runGatewayCommand } from '../../cli/gateway-run';
import { failureOf } from '../shared/creation-failure';
import { useVendorFixture } from '../shared/vendor-fixture';

const ADMIN = { username: 'admin', password: 'diafaan-admin' };
const ACCEPTED_KEYS = [
  'method',
  'defaultGateway',
  'phoneNumberFormat',
  'defaultCountry',
  'inboxMode',
  'inboxPageSize',
  'serverUtcOffsetMinutes',
  'dateOrder',
  'retry',
  'messageIdPattern',
];

describe('diafaanVendor.createClient: vendorOptions', () => {
  const fixture = useVendorFixture('diafaan', { simulator: (clock) => new DiafaanSimulator({ clock, gateways: ['GSM1', 'GSM2'] }), clientsOnManualClock: true, credentials: ADMIN });
  const { client } = fixture;

  const lastRequest = (path: string) => fixture.simulator.requestLog.filter((entry) => entry.path === path).at(-1)!;

  it('sends over GET through the default gateways, writing national numbers in E.164', async () => {
    const diafaan = client({ method: 'get', defaultGateway: ['GSM2', ' GSM1 '], phoneNumberFormat: 'e164', defaultCountry: 'gb' });
    const [result] = await diafaan.send({ to: ['07700 900123'], text: 'x' });
    expect(result).toMatchObject({ to: '+447700900123', accepted: true });
    const request = lastRequest('/http/send-message');
    expect(request.method).toBe('GET');
    expect(request.form).toEqual({});
    expect(request.query).toMatchObject({ to: '+447700900123', gateway: 'GSM2;GSM1' });
    expect(fixture.simulator.network.get(result!.messageId!)!.channel).toBe('GSM2');
  });

  it('sends as-is over POST without vendorOptions, as before', async () => {
    const [result] = await client({}).send({ to: ['07700 900123'], text: 'x' });
    expect(result!.to).toBe('07700900123');
    const request = lastRequest('/http/send-message');
    expect(request.method).toBe('POST');
    expect(request.form.gateway).toBeUndefined();
  });

  it('keeps the inbox on the server, reading the newest page of the given size', async () => {
    fixture.simulator.injectReceivedMessage({ from: '+447700900001', text: 'a' });
    const page = await client({ inboxMode: 'Keep', inboxPageSize: '10' }).inbox!();
    expect(page.messages.map((message) => message.text)).toEqual(['a']);
    const request = lastRequest('/http/request-received-messages');
    expect(request.form).toMatchObject({ limit: '10', order: 'newest' });
    expect(request.form.remove).toBeUndefined();
    expect(fixture.simulator.network.inbox).toHaveLength(1);
    await client({}).inbox!();
    expect(lastRequest('/http/request-received-messages').form).toMatchObject({ limit: '100', remove: '1' });
    expect(fixture.simulator.network.inbox).toHaveLength(0);
  });

  it('reads a 24-hour a/b/yyyy date in the dateOrder and zone the options give', async () => {
    // A server in a 24-hour locale with slashes writes 1 June as 6/1/2026 (month first) or 1/6/2026.
    const answerWithDate = (date: string) =>
      fixture.simulator.faults.add({
        kind: 'http-status',
        status: 200,
        path: '/http/request-received-messages',
        body: `<?xml version='1.0' encoding='UTF-8'?>\r\n<MessageList Count="1">\r\n <Message>\r\n   <From>+447700900001</From>\r\n   <MessageText>a</MessageText>\r\n   <MessageId>m-1</MessageId>\r\n   <SendTime>${date}</SendTime>\r\n   <ReceiveTime>${date}</ReceiveTime>\r\n </Message>\r\n</MessageList>\r\n`,
      });
    answerWithDate('6/1/2026 10:29:53');
    const [monthFirst] = (await client({ serverUtcOffsetMinutes: '-300', dateOrder: 'mdy' }).inbox!()).messages;
    expect(monthFirst!.receivedAt).toBe('2026-06-01T10:29:53-05:00');
    answerWithDate('6/1/2026 10:29:53');
    const [dayFirst] = (await client({ serverUtcOffsetMinutes: 60, dateOrder: 'DMY' }).inbox!()).messages;
    expect(dayFirst!.receivedAt).toBe('2026-01-06T10:29:53+01:00');
  });

  it('accepts the message ids messageIdPattern describes, as a whole', async () => {
    const answerWith = (id: string) => fixture.simulator.faults.add({ kind: 'http-status', status: 200, body: `OK: ${id}\r\n`, path: '/http/send-message' });
    answerWith('12345');
    await expect(client({}).send({ to: ['+447700900123'], text: 'x' })).rejects.toBeInstanceOf(GatewayMalformedResponseError);
    answerWith('12345');
    expect((await client({ messageIdPattern: '\\d+' }).send({ to: ['+447700900123'], text: 'x' }))[0]!.messageId).toBe('12345');
    answerWith('12345');
    await expect(client({ messageIdPattern: '\\d{3}' }).send({ to: ['+447700900123'], text: 'x' })).rejects.toBeInstanceOf(GatewayMalformedResponseError);
    answerWith('anything at all');
    expect((await client({ messageIdPattern: null }).send({ to: ['+447700900123'], text: 'x' }))[0]!.messageId).toBe('anything at all');
  });

  describe('retry', () => {
    /** A server nobody can reach, and a clock that records the waits between attempts. */
    function unreachable() {
      const attempts: string[] = [];
      const transport: HttpTransport = {
        request: async (request) => {
          attempts.push(request.path);
          throw new GatewayUnreachableError('connection refused (test)');
        },
        close: async () => undefined,
      };
      const waits: number[] = [];
      const recording: Clock = {
        now: () => 0,
        setTimeout: (fn, ms) => {
          waits.push(ms);
          return setImmediate(fn);
        },
        clearTimeout: (handle) => clearImmediate(handle as NodeJS.Immediate),
      };
      return { attempts, waits, extra: { transport, clock: recording } };
    }

    it('makes one attempt by default', async () => {
      const { attempts, waits, extra } = unreachable();
      await expect(client({}, extra).send({ to: ['+447700900123'], text: 'x' })).rejects.toBeInstanceOf(GatewayUnreachableError);
      expect([attempts.length, waits]).toEqual([1, []]);
    });

    it('retries as often as a number says, on the vendor clock', async () => {
      const { attempts, waits, extra } = unreachable();
      await expect(client({ retry: '3' }, extra).send({ to: ['+447700900123'], text: 'x' })).rejects.toBeInstanceOf(GatewayUnreachableError);
      expect(attempts).toEqual(['/http/send-message', '/http/send-message', '/http/send-message']);
      expect(waits).toEqual([500, 1000]);
    });

    it('takes attempts and delays from an object', async () => {
      const { attempts, waits, extra } = unreachable();
      const diafaan = client({ retry: { maxAttempts: 4, initialDelayMs: 200, maxDelayMs: 500 } }, extra);
      await expect(diafaan.send({ to: ['+447700900123'], text: 'x' })).rejects.toBeInstanceOf(GatewayUnreachableError);
      expect([attempts.length, waits]).toEqual([4, [200, 400, 500]]);
    });
  });

  it('refuses an unknown key, naming it and every accepted key', () => {
    const error = failureOf(() => client({ inboxMode: 'keep', inboxmode: 'keep' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toBe(`"inboxmode" is not a Diafaan option: use ${ACCEPTED_KEYS.join(', ')}.`);
    expect(error.details).toEqual({ gateway: 'diafaan', option: 'inboxmode', accepted: ACCEPTED_KEYS });
    // A password put in the wrong place is not repeated.
    const misplaced = failureOf(() => client({ password: 'hunter2' }));
    expect(JSON.stringify(misplaced.toJSON())).not.toContain('hunter2');
    expect(fixture.clients).toHaveLength(0);
  });

  it.each<[string, unknown, RegExp]>([
    ['method', 'PUT', /takes POST or GET; got "PUT"/],
    ['method', 1, /takes POST or GET; got number 1/],
    ['defaultGateway', [], /takes a gateway name/],
    ['defaultGateway', ['GSM1', 2], /takes a gateway name/],
    ['defaultGateway', ' ; ', /takes a gateway name/],
    ['phoneNumberFormat', 'national', /takes as-is or e164 or e164-no-plus/],
    ['defaultCountry', 'GBR', /takes a two-letter ISO country code/],
    ['defaultCountry', 44, /takes a two-letter ISO country code/],
    ['inboxMode', true, /takes remove or keep; got boolean true/],
    ['inboxPageSize', 'ten', /takes an integer from 1 to 10000/],
    ['inboxPageSize', 0, /takes an integer from 1 to 10000/],
    ['inboxPageSize', 1.5, /takes an integer from 1 to 10000/],
    ['inboxPageSize', [10], /takes an integer from 1 to 10000; got a list/],
    ['serverUtcOffsetMinutes', 900, /takes an integer from -720 to 840/],
    ['dateOrder', 'ymd', /takes dmy or mdy/],
    ['retry', 'often', /takes a number of attempts \(1 to 10\)/],
    ['retry', 0, /takes a number of attempts \(1 to 10\)/],
    ['retry', [3], /takes a number of attempts .* or an object/],
    ['retry', { tries: 3 }, /has no field "tries": use maxAttempts, initialDelayMs, maxDelayMs/],
    ['retry', { maxAttempts: 2, initialDelayMs: -1 }, /"retry.initialDelayMs" takes an integer from 0 to 600000/],
    ['messageIdPattern', 5, /takes a regular expression the whole id must match, or null/],
    ['messageIdPattern', '(', /is not a valid regular expression/],
  ])('refuses %s = %p, naming the key and what it takes', (key, value, message) => {
    const error = failureOf(() => client({ [key]: value }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain(`"${key}`);
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ gateway: 'diafaan' });
    expect(String(error.details.option)).toMatch(new RegExp(`^${key}`));
  });

  it('takes the settings from the command line: smsbridge send --option …', async () => {
    const { args, password } = connectionArgs(fixture.simulator);
    const sent = await runGatewayCommand(
      ['send', ...args, '--to', '07700 900124', '--text', 'cli', '--option', 'method=GET', '--option', 'defaultGateway=GSM2', '--option', 'phoneNumberFormat=e164', '--option', 'defaultCountry=GB'],
      { SMSBRIDGE_PASSWORD: password },
    );
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    expect((JSON.parse(sent.stdout) as SendResult[])[0]).toMatchObject({ to: '+447700900124', accepted: true });
    expect(lastRequest('/http/send-message')).toMatchObject({ method: 'GET', query: { to: '+447700900124', gateway: 'GSM2' } });

    const refused = await runGatewayCommand(['send', ...args, '--to', '+447700900124', '--text', 'cli', '--option', 'inboxMode=sometimes'], { SMSBRIDGE_PASSWORD: password });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('"inboxMode" takes remove or keep');
  });
});
