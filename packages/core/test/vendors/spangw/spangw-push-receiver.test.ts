import { SpangwSimulator } from '../../../src/vendors/spangw/spangw-simulator';
import * as spangw from '../../../src/vendors/spangw';
import { InvalidRequestError } from '../../../src/errors';
import { UndiciHttpTransport } from '../../../src/transport/undici-http-transport';
import { eventually, PushCollector } from './push-collector';

const { parseSpangwPush, receiveSpangwPush, parseSpangwMessageReference, SpangwClient } = spangw;

const names = { fromNumber: 'sender', toNumber: 'rcpt', portName: 'span', message: 'text', time: 'stamp', imsi: 'sim', status: 'state' };

describe('spangw push receiver', () => {
  it('reads a delivery report with the configured names, DELIVERD → delivered', () => {
    const event = parseSpangwPush(
      { query: '?sender=%2B447700900101&rcpt=%2B447700900555&span=gsm-1.1&text=push+me&stamp=2024-03-26+14%3A05%3A09&sim=2341&state=DELIVERD&token=t0k' },
      { names, gatewayUtcOffsetMinutes: 60 },
    );
    expect(event.kind).toBe('status');
    if (event.kind !== 'status') return;
    expect(event.status).toMatchObject({ state: 'delivered', rawStatus: 'DELIVERD', to: '+447700900555', at: '2024-03-26T14:05:09+01:00', gateway: 'spangw' });
    expect(event.status.raw).toMatchObject({ token: 't0k', sim: '2341' });
    expect(parseSpangwMessageReference(event.status.messageId)).toMatchObject({ phoneNumber: '+447700900555', sentAt: Date.UTC(2024, 2, 26, 13, 5, 9) });
  });

  it('reads a received SMS (no status) from a form body, names matched without case', () => {
    const event = parseSpangwPush(
      { body: 'SENDER=%2B447700900777&RCPT=%2B447700900102&span=gsm-1.2&text=hello&stamp=2024-03-26+14%3A05%3A09', contentType: 'application/x-www-form-urlencoded' },
      { names },
    );
    expect(event).toMatchObject({ kind: 'inbound', message: { from: '+447700900777', to: '+447700900102', text: 'hello', port: 'gsm-1.2', receivedAt: '2024-03-26T14:05:09+00:00' } });
  });

  it('falls back to the default names and accepts JSON bodies and parsed objects', () => {
    expect(parseSpangwPush({ body: '{"from":"+1","to":"+2","message":"m","status":"SENT"}', contentType: 'application/json' })).toMatchObject({ kind: 'status', status: { state: 'sent' } });
    expect(parseSpangwPush({ query: { from: '+1', message: ['m', 'ignored'] } })).toMatchObject({ kind: 'inbound', message: { text: 'm' } });
  });

  it('tells what is missing, and answers 400 with the reason', () => {
    expect(() => parseSpangwPush({ query: 'state=SENT' }, { names })).toThrow(/"rcpt"/);
    expect(() => parseSpangwPush({ query: 'unrelated=1' }, { names })).toThrow(InvalidRequestError);
    expect(() => parseSpangwPush({ body: '{"from":', contentType: 'application/json' })).toThrow(InvalidRequestError);
    const refused = receiveSpangwPush({ query: 'x=1' });
    expect(refused.answer.status).toBe(400);
    expect(refused.error).toBeInstanceOf(InvalidRequestError);
    expect(receiveSpangwPush({ query: 'from=1&message=hi' }).answer).toEqual({ status: 200, contentType: 'text/plain; charset=utf-8', body: 'OK' });
  });

  it('reads what the simulator pushes after the client configured custom names', async () => {
    const collector = new PushCollector();
    const simulator = new SpangwSimulator({ network: { sendDelayMs: 5, deliveryDelayMs: 5 } });
    await simulator.start();
    const base = await collector.start();
    const client = new SpangwClient({
      transport: new UndiciHttpTransport({ baseUrl: simulator.baseUrl }),
      ownsTransport: true,
      username: 'admin',
      password: 'spangw-secret',
    });
    try {
      const current = await client.api.getPushConfig();
      await client.api.setPushConfig({ ...current, enabled: true, reportsEnabled: true, resultsEnabled: true, host: '127.0.0.1', port: base.split(':')[2]!, path: '/in', names });
      const [sent] = await client.send({ to: ['+447700900555'], text: 'track me', vendorOptions: { spans: [2] } });
      simulator.injectInbound({ from: '+447700900777', text: 'reply', port: 4 });
      await eventually(() => (collector.calls.length >= 3 ? true : undefined));
      const events = collector.calls.map((call) => parseSpangwPush({ query: call.query }, { names }));
      const report = events.find((event) => event.kind === 'status' && event.status.state === 'delivered');
      const inbound = events.find((event) => event.kind === 'inbound');
      expect(inbound).toMatchObject({ message: { from: '+447700900777', text: 'reply', port: 'gsm-1.4', to: '+447700900104' } });
      // The report names the same number and text as the client's id; only the clock differs.
      const ours = parseSpangwMessageReference(sent!.messageId!)!;
      const theirs = parseSpangwMessageReference((report as { status: { messageId: string } }).status.messageId)!;
      expect(theirs.textHash).toBe(ours.textHash);
      expect(theirs.phoneNumber).toBe(ours.phoneNumber);
    } finally {
      await client.close();
      await simulator.stop();
      await collector.stop();
    }
  });
});
