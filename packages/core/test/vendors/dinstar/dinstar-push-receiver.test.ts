import { DinstarSimulator } from '../../../src/vendors/dinstar/dinstar-simulator';
import { InvalidRequestError } from '../../../src/errors';
import { UndiciHttpTransport } from '../../../src/transport/undici-http-transport';
import * as dinstar from '../../../src/vendors/dinstar';
import { eventually, PushCollector } from '../spangw/push-collector';

const { parseDinstarPush, receiveDinstarPush, DinstarClient } = dinstar;

describe('dinstar push receiver', () => {
  it('reads the notes’ sms example into an inbound message', () => {
    const batch = parseDinstarPush(
      '{"sn":"xxxx-xxxx-xxxx-xxxx","sms":[{"incoming_sms_id":1,"port":1,"number":"6717","smsc":"+8613800757511","timestamp":"2016-07-12 15:46:18","text":"test"}]}',
      { gatewayUtcOffsetMinutes: 480 },
    );
    expect(batch.sn).toBe('xxxx-xxxx-xxxx-xxxx');
    expect(batch.inbound).toEqual([
      {
        id: '1',
        from: '6717',
        text: 'test',
        receivedAt: '2016-07-12T15:46:18+08:00',
        smsc: '+8613800757511',
        port: 1,
        gateway: 'dinstar',
        raw: { incoming_sms_id: 1, port: 1, number: '6717', smsc: '+8613800757511', timestamp: '2016-07-12 15:46:18', text: 'test' },
      },
    ]);
    expect(batch.statuses).toEqual([]);
  });

  it('reads results, delivery reports, USSD, register events with <NULL>, CDRs and the device objects', () => {
    const batch = parseDinstarPush({
      sn: 'dc42-0b30-7a1e-5f21',
      sms_result: [{ port: 2, user_id: 9, number: '10086', time: '2016-07-12 15:46:50', status: 'SENT_OK', count: 1, succ_count: 1, ref_id: 215 }],
      sms_deliver_status: [
        { port: 1, number: '10086', time: '2016-07-12 15:46:53', ref_id: 215, status_code: 0, imsi: '460004642148063' },
        { port: 1, number: '10087', time: '2016-07-12 15:46:54', ref_id: 216, status_code: 48 },
        { port: 1, number: '10088', time: '2016-07-12 15:46:55', ref_id: 217, status_code: 65 },
      ],
      ussd: [{ port: 3, text: 'Balance 5' }, { port: 4, text: ' ' }],
      register: [{ port: 5, status: 'down', iccid: '<NULL>', imsi: '<NULL>' }, { port: 6, status: 'up', iccid: '8986', imsi: '4600' }],
      cdr: [{ port: 1, start_date: '2016-07-12 15:00:00', duration: 12 }, 'junk'],
      device: { model: 'DWG2000' },
      exception_info: { type: 'reboot' },
      something_new: [{ ignored: true }],
    });
    expect(batch.statuses.map((status) => [status.messageId, status.state, status.rawStatus])).toEqual([
      ['9|10086', 'sent', 'SENT_OK'],
      ['10086#1:215', 'delivered', 0],
      ['10087#1:216', 'sent', 48],
      ['10088#1:217', 'failed', 65],
    ]);
    expect(batch.statuses[3]).toMatchObject({ errorCode: 65, to: '10088' });
    expect(batch.ussd).toEqual([
      { code: '', reply: 'Balance 5', awaitingInput: false, state: 'replied', port: 3, gateway: 'dinstar' },
      { code: '', awaitingInput: false, state: 'pending', port: 4, gateway: 'dinstar' },
    ]);
    expect(batch.registrations).toEqual([
      { port: 5, raw: { port: 5, status: 'down', iccid: '<NULL>', imsi: '<NULL>' } },
      { port: 6, iccid: '8986', imsi: '4600', raw: expect.any(Object) },
    ]);
    expect(batch.callRecords).toEqual([{ port: 1, start_date: '2016-07-12 15:00:00', duration: 12 }]);
    expect(batch).toMatchObject({ device: { model: 'DWG2000' }, exceptionInfo: { type: 'reboot' } });
  });

  it('answers 200 {"error_code":200}, or 400 with the reason', () => {
    expect(receiveDinstarPush('{"sn":"x"}').answer).toEqual({ status: 200, contentType: 'application/json', body: '{"error_code":200}' });
    const broken = receiveDinstarPush('{"sms":[');
    expect(broken.answer.status).toBe(400);
    expect(broken.error).toBeInstanceOf(InvalidRequestError);
    expect(() => parseDinstarPush('[1,2]')).toThrow(InvalidRequestError);
  });

  it('turns what the simulator pushes into the model, matching the client’s message ids', async () => {
    const collector = new PushCollector();
    const simulator = new DinstarSimulator({ network: { sendDelayMs: 5, deliveryDelayMs: 5 } });
    await simulator.start();
    simulator.pushUrl = `${await collector.start()}/dinstar`;
    const client = new DinstarClient({ transport: new UndiciHttpTransport({ baseUrl: simulator.baseUrl }), ownsTransport: true, username: 'admin', password: 'dinstar-secret' });
    try {
      const [sent] = await client.send({ to: ['10086'], text: 'push', statusReport: true });
      simulator.injectInbound({ from: '6717', text: 'hello', port: 2 });
      await eventually(() => (collector.calls.length >= 4 ? true : undefined));
      const batches = collector.calls.map((call) => parseDinstarPush(call.body));
      const statuses = batches.flatMap((batch) => batch.statuses);
      expect(statuses.filter((status) => status.messageId === sent!.messageId).map((status) => status.state).sort()).toEqual(['delivered', 'sent']);
      expect(statuses.some((status) => status.messageId.startsWith('10086#') && status.state === 'delivered')).toBe(true);
      expect(batches.flatMap((batch) => batch.inbound)).toEqual([expect.objectContaining({ from: '6717', text: 'hello', port: 2 })]);
    } finally {
      await client.close();
      await simulator.stop();
      await collector.stop();
    }
  });
});
