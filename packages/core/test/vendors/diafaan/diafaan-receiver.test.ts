import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidRequestError } from '../../../src/errors';
import { diafaanCallbackAnswer, parseDiafaanCallback, type DiafaanCallback } from '../../../src/vendors/diafaan';
import { DiafaanSimulator } from '../../../src/vendors/diafaan/diafaan-simulator';
import { ManualClock } from '../../../src/testing/manual-clock';

describe('Diafaan HTTP callbacks', () => {
  it('reads a message_in callback into an inbound message', () => {
    const callback = parseDiafaanCallback(
      '?source=Diafaan&action=message_in&user_id=1&user_name=admin&ip_number=10.0.0.2&from=%2B447700900001&to=%2B447700900100&message=Hi%20there&message_id=ae97a8b7-5336-445a-ae67-e658aa8f6aed&gateway=GSM%20Modem%20Gateway&send_time=20100219200855',
    );
    expect(callback.action).toBe('message_in');
    expect(callback.inbound).toEqual({
      id: 'ae97a8b7-5336-445a-ae67-e658aa8f6aed',
      from: '+447700900001',
      to: '+447700900100',
      text: 'Hi there',
      receivedAt: '2010-02-19T20:08:55',
      port: 'GSM Modem Gateway',
      gateway: 'diafaan',
      raw: expect.objectContaining({ user_name: 'admin', ip_number: '10.0.0.2' }),
    });
  });

  it('reads a message_out callback with a status code into a delivery status', () => {
    const callback = parseDiafaanCallback({ action: 'message_out', to: '+447700900001', message_id: 'abc', status_code: '201', status_text: 'Received' });
    expect(callback.status).toMatchObject({ state: 'delivered', messageId: 'abc', rawStatus: 'STATUS:201 Received', to: '+447700900001' });
    expect(parseDiafaanCallback({ action: 'message_out', to: 'x' }).status).toBeUndefined();
  });

  it('scrubs password-like parameters and refuses requests that are not callbacks', () => {
    expect(parseDiafaanCallback({ action: 'message_in', password: 'hunter2' }).parameters['password']).toBe('***');
    expect(() => parseDiafaanCallback({ from: 'x' })).toThrow(InvalidRequestError);
  });

  it('answers result=1 (keep) or result=0 (discard), URL-encoded', () => {
    expect(diafaanCallbackAnswer()).toEqual({ status: 200, contentType: 'application/x-www-form-urlencoded', body: 'result=1' });
    expect(diafaanCallbackAnswer(false).body).toBe('result=0');
  });

  describe('pushed by the simulator to a real receiver', () => {
    let receiver: Server;
    let received: DiafaanCallback[];
    let simulator: DiafaanSimulator;
    let clock: ManualClock;

    beforeEach(async () => {
      received = [];
      receiver = createServer((request, response) => {
        received.push(parseDiafaanCallback(new URL(request.url ?? '/', 'http://receiver').searchParams));
        const answer = diafaanCallbackAnswer();
        response.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      clock = new ManualClock();
      simulator = new DiafaanSimulator({ clock, callbackUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/diafaan?token=abc` });
      await simulator.start();
    });
    afterEach(async () => {
      await simulator.stop();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    });

    it('delivers message_in for received SMS and message_out for status changes', async () => {
      simulator.injectReceivedMessage({ from: '+447700900001', text: 'ping' });
      simulator.network.submit({ to: '+447700900002', text: 'pong', channel: 'GSM Modem Gateway' });
      clock.advance(100);
      await simulator.pushes.settle();
      expect(received.find((callback) => callback.action === 'message_in')?.inbound).toMatchObject({ from: '+447700900001', text: 'ping' });
      expect(received.filter((callback) => callback.action === 'message_out').map((callback) => callback.status?.state)).toEqual(['sent', 'delivered']);
      expect(simulator.pushes.deliveries.every((delivery) => delivery.status === 200 && delivery.answer === 'result=1')).toBe(true);
      expect(simulator.pushes.deliveries[0]!.url).toContain('token=abc&source=');
    });

    it('records a receiver that is down instead of failing', async () => {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      receiver = createServer();
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      simulator.callbackUrl = 'http://127.0.0.1:1/unreachable';
      simulator.injectReceivedMessage({ from: '+447700900001', text: 'ping' });
      await simulator.pushes.settle();
      expect(simulator.pushes.deliveries[0]!.error).toMatch(/ECONNREFUSED/);
    });
  });
});
