/**
 * The modem bridge in front of the virtual modem on a pseudo-terminal (the real serialport
 * package), reached through the registry's modembridge client over HTTP: sends once, journals
 * before the SIM lets go, pushes until answered, survives restarts without losing or repeating.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { BridgeJournal } from '../../src/bridge/bridge-journal';
import { GatewayAuthError } from '../../src/errors';
import { expectNoSecretIn } from '../vendors/shared/rejection';
import { BridgeFixture, PushReceiver, PUSH_SECRET, TOKEN, waitFor } from './bridge-fixture';

jest.setTimeout(60_000);

describe('modem bridge over a pty', () => {
  let fixture: BridgeFixture;
  const receivers: PushReceiver[] = [];

  beforeEach(async () => {
    fixture = new BridgeFixture();
    await fixture.start();
  });

  afterEach(async () => {
    await fixture.stop();
    await Promise.all(receivers.splice(0).map((receiver) => receiver.stop()));
  });

  it('sends once through the bridge, and reports the status by id up to delivered', async () => {
    await fixture.startBridge();
    const client = fixture.client();
    await expect(client.verify()).resolves.toMatchObject({ status: 'verified' });
    const [result] = await client.send({ to: ['+447700900123'], text: 'through the bridge', statusReport: true });
    expect(result).toMatchObject({ accepted: true, state: 'sent', gateway: 'modembridge', parts: 1 });
    expect(fixture.pty.modem.submitted).toHaveLength(1);
    expect(fixture.pty.modem.submitted[0]!.destination.replace(/\D/g, '')).toBe('447700900123');
    await waitFor(async () => (await client.status!(result!.messageId!)).state === 'delivered', 'the status report reached the bridge');
    // Nothing was sent again on the way.
    expect(fixture.pty.modem.submitted).toHaveLength(1);
  });

  it('deletes an inbound SMS from the SIM only once it is in the journal, lists it until acknowledged', async () => {
    // A slow disk: the journal takes 300 ms to write, so a SIM delete that did not wait for it would come first.
    const addInbound = BridgeJournal.prototype.addInbound;
    const slow = jest.spyOn(BridgeJournal.prototype, 'addInbound').mockImplementation(async function (this: BridgeJournal, ...args) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return addInbound.apply(this, args);
    });
    await fixture.startBridge();
    const journalFile = join(fixture.journal, 'journal.jsonl');
    const journaledAtDelete: boolean[] = [];
    fixture.pty.modem.on('command', (line: string) => {
      if (/^\+CMGD=/i.test(line)) journaledAtDelete.push(readFileSync(journalFile, 'utf8').includes('kept before deleted'));
    });
    fixture.pty.modem.injectSms({ from: '+447700900555', text: 'kept before deleted' });
    await waitFor(() => fixture.pty.modem.storage('SM').indexes().length === 0 && journaledAtDelete.length > 0, 'the SIM was emptied');
    expect(journaledAtDelete).toEqual([true]);
    slow.mockRestore();

    const client = fixture.client();
    const page = await client.inbox!();
    expect(page.messages.map((message) => [message.text, message.from, message.gateway])).toEqual([['kept before deleted', '+447700900555', 'modembridge']]);
    // Not acknowledged: a consumer that restarts without the cursor gets it again.
    expect((await fixture.client().inbox!()).messages).toHaveLength(1);
    await client.acknowledge!(page.messages);
    expect((await fixture.client().inbox!()).messages).toHaveLength(0);
    expect((await client.inbox!(page.cursor)).messages).toHaveLength(0);

    // Acknowledged is final, across a restart of the bridge too.
    await fixture.stopBridge();
    await fixture.startBridge();
    expect((await fixture.client().inbox!()).messages).toHaveLength(0);
  });

  it('retries a push the receiver failed and delivers it once, never again after a 2xx (not even after a restart)', async () => {
    const receiver = new PushReceiver([500]);
    receivers.push(receiver);
    const url = await receiver.start();
    await fixture.startBridge({ push: [{ url, secret: PUSH_SECRET }] });
    fixture.pty.modem.injectSms({ from: '+447700900555', text: 'pushed after a failure' });
    await waitFor(() => receiver.taken().length === 1, 'the push was retried and taken');
    expect(receiver.calls.map((call) => call.status)).toEqual([500, 200]);
    expect(receiver.calls[0]!.pushId).toBe(receiver.calls[1]!.pushId);
    // Taken by every push target: done, so it leaves the inbox too (once the bridge journaled the answer).
    await waitFor(async () => (await fixture.client().inbox!()).messages.length === 0, 'the pushed SMS to leave the inbox');

    await fixture.stopBridge();
    await fixture.startBridge({ push: [{ url, secret: PUSH_SECRET }] });
    fixture.pty.modem.injectSms({ from: '+447700900555', text: 'the next one' });
    await waitFor(() => receiver.taken().length === 2, 'the next push was taken');
    expect(receiver.taken()).toEqual(['pushed after a failure', 'the next one']);
    expect(receiver.calls).toHaveLength(3);
    expect(fixture.log.join('\n')).toContain('failed (HTTP 500)');
    // The push URL carries the receiver's secret in its path: it is never logged.
    expect(fixture.log.join('\n')).not.toContain(PUSH_SECRET);
  });

  it('loses and repeats nothing when the bridge restarts between two inbound SMS', async () => {
    const receiver = new PushReceiver();
    receivers.push(receiver);
    const url = await receiver.start();
    const push = [{ url, secret: PUSH_SECRET }];
    await fixture.startBridge({ push });
    const journaled = new Promise((resolve) => fixture.bridge!.once('journaled', resolve));
    fixture.pty.modem.injectSms({ from: '+447700900555', text: 'before the restart' });
    await journaled;
    await fixture.stopBridge();

    // While the bridge is down the SMS waits on the SIM.
    fixture.pty.modem.injectSms({ from: '+447700900556', text: 'while it was down' });
    expect(fixture.pty.modem.storage('SM').indexes().length).toBeGreaterThan(0);
    await fixture.startBridge({ push });
    await waitFor(() => receiver.taken().length === 2, 'both pushes were taken');
    expect(receiver.taken().sort()).toEqual(['before the restart', 'while it was down']);
    await waitFor(() => fixture.pty.modem.storage('SM').indexes().length === 0, 'the SIM was emptied');

    // And the inbox of a bridge without push targets: each once.
    await fixture.stopBridge();
    fixture.pty.modem.injectSms({ from: '+447700900557', text: 'third, no push' });
    await fixture.startBridge();
    await waitFor(async () => (await fixture.client().inbox!()).messages.length === 1, 'the third SMS was journaled');
    expect((await fixture.client().inbox!()).messages.map((message) => message.text)).toEqual(['third, no push']);
    expect(receiver.calls.length).toBe(2);
  });

  it('refuses a wrong token with 401 and no detail, and the token appears nowhere', async () => {
    await fixture.startBridge();
    const wrong = 'wrong-token-0123456789abcdef';
    const client = fixture.client({ password: wrong });
    const verified = await client.verify();
    expect(verified.status).toBe('failed');
    const sendError = await client.send({ to: ['+447700900123'], text: 'refused' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(sendError).toBeInstanceOf(GatewayAuthError);
    expect(fixture.pty.modem.submitted).toHaveLength(0);
    expectNoSecretIn([sendError, verified.status === 'failed' ? verified.error : undefined], [wrong, TOKEN]);

    const raw = await request(`${fixture.bridge!.url}/v1/inbox`, { headers: { authorization: `Bearer ${wrong}` } });
    const body = await raw.body.text();
    expect(raw.statusCode).toBe(401);
    expect(JSON.parse(body)).toEqual({ error: { code: 'SMSB_GATEWAY_AUTH', message: 'Unauthorized', retryable: false, outcome: 'refused' } });
    const none = await request(`${fixture.bridge!.url}/v1/send`, { method: 'POST', body: '{}' });
    await none.body.dump();
    expect(none.statusCode).toBe(401);
    expect(fixture.log.join('\n')).not.toContain(TOKEN);
    expect(fixture.log.join('\n')).not.toContain(wrong);
  });

  it('answers USSD menus and the modem commands through the bridge', async () => {
    await fixture.startBridge();
    const client = fixture.client();
    await expect(client.ussd!({ code: '*100#' })).resolves.toMatchObject({ reply: 'Balance 1.00', gateway: 'modembridge' });
    const info = await client.admin!('info', {});
    expect(info).toMatchObject({ ok: true, gateway: 'modembridge', data: { modem: 1 } });
    expect(String(info.data['manufacturer'])).toMatch(/quectel/i);
    const modems = await client.admin!('modems', {});
    expect(modems.data).toMatchObject({ modems: [{ number: 1, name: fixture.pty.path }], journal: { inbox: 0 } });
    await expect(client.admin!('info', { modem: '7' })).rejects.toMatchObject({ code: 'SMSB_INVALID_REQUEST' });
  });
});
