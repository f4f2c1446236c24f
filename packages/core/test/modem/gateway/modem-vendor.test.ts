import { decodePdu } from '../../../src/codec/pdu/decode-pdu';
import { GatewayAuthError, GatewayRejectedError, GatewayUnreachableError, InvalidRequestError } from '../../../src/errors/gateway-errors';
import type { InboundMessage } from '../../../src/model/inbound-message';
import { ModemHub } from '../../../src/modem/gateway/modem-hub';
import { modemVendor } from '../../../src/modem/gateway/modem-vendor';
import { VendorRegistry } from '../../../src/vendors/registry';
import { waitUntil } from '../helpers/wait-until';
import { PORT, virtualModemPortsPerTest } from './virtual-modem-ports';

const { setUp, afterThisTest } = virtualModemPortsPerTest();

/** Every string reachable from an error: message, JSON, and the same for each cause. */
function textsOf(error: unknown): string {
  const texts: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 10; current = current.cause, depth++) {
    texts.push(current.message, JSON.stringify(current), JSON.stringify((current as { details?: unknown }).details ?? null));
  }
  return texts.join('\n');
}

describe('modemVendor: the entry', () => {
  it('describes the modem as data: document, operations, arrival modes, honoured fields, fields without URL or account', () => {
    expect(modemVendor.key).toBe('modem');
    expect(modemVendor.describe.document).toBe('3GPP TS 27.005 / 27.007 AT commands');
    expect(modemVendor.capabilities).toMatchObject({ statuses: 'push', inbound: 'both', sendFields: ['flash', 'statusReport', 'validityMinutes'] });
    expect(modemVendor.capabilities.operations).toEqual(['send', 'inbox', 'acknowledge', 'ussd', 'ussdContinue', 'ussdCancel', 'subscribe', 'admin', 'verify']);
    expect(modemVendor.connection.map((field) => [field.name, field.type, field.required ?? false, field.secret ?? false])).toEqual([
      ['port', 'string', true, false],
      ['baudRate', 'number', false, false],
      ['pin', 'string', false, true],
    ]);
    expect(modemVendor.connection.find((field) => field.name === 'baudRate')?.default).toBe(115200);
    expect(modemVendor.push).toBeUndefined();
    expect(modemVendor.adminCommands.map((command) => [command.name, command.changesState])).toEqual([
      ['info', false],
      ['network', false],
      ['restart', true],
    ]);
  });

  it('refuses to connect without a hub, and values that are not the modem\'s', () => {
    const registry = new VendorRegistry([modemVendor]);
    expect(() => registry.open('modem', { port: PORT })).toThrow(InvalidRequestError);
    expect(() => registry.open('modem', { port: PORT }, { modemHub: {} as unknown as ModemHub })).toThrow(/ModemHub/);
    const hub = new ModemHub();
    afterThisTest(() => hub.close());
    expect(() => registry.open('modem', {}, { modemHub: hub })).toThrow(/"port"/);
    expect(() => registry.open('modem', { port: PORT, url: 'http://x' }, { modemHub: hub })).toThrow(/"url" does not exist/);
    expect(() => registry.open('modem', { port: PORT, baudRate: 'fast' }, { modemHub: hub })).toThrow(/"baudRate"/);
    const pinError = (() => {
      try {
        registry.open('modem', { port: PORT, pin: '12x4' }, { modemHub: hub });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(pinError).toBeInstanceOf(InvalidRequestError);
    expect(textsOf(pinError)).not.toContain('12x4');
  });
});

describe('modem through the registry: send', () => {
  it('sends to each recipient as its own batch, with the fields the driver honours', async () => {
    const { modem, open } = setUp();
    const client = open({ baudRate: '115200' });
    const results = await client.send({ to: ['+447700900001', '+447700900002'], text: 'Hello from the hub', flash: true, statusReport: true, validityMinutes: 60 });
    expect(results.map((result) => [result.to, result.state, result.accepted, result.parts, result.gateway])).toEqual([
      ['+447700900001', 'sent', true, 1, 'modem'],
      ['+447700900002', 'sent', true, 1, 'modem'],
    ]);
    expect(modem.submitted.map((submitted) => submitted.destination)).toEqual(['+447700900001', '+447700900002']);
    const pdu = decodePdu(modem.submitted[0]!.pdu);
    expect(pdu).toMatchObject({ text: 'Hello from the hub', class: 0 });
    expect(modem.submitted[0]!.statusReportRequested).toBe(true);
  });

  it('refuses a sender id and scheduling, which a modem cannot honour, before anything is written', async () => {
    const { modem, open } = setUp();
    const client = open();
    await expect(client.send({ to: ['+447700900001'], text: 'x', from: 'ACME' })).rejects.toThrow(/GSM Modem cannot honour a sender id/);
    await expect(client.send({ to: ['+447700900001'], text: 'x', scheduleAt: new Date() })).rejects.toThrow(/scheduled sending/);
    await expect(client.send({ to: ['+447700900001'], text: 'x', vendorOptions: { priority: 1 } })).rejects.toThrow(/takes none/);
    expect(modem.submitted).toHaveLength(0);
    await expect(client.send({ to: ['+447700900001'], text: 'best effort', from: 'ACME', bestEffort: true })).resolves.toMatchObject([{ state: 'sent' }]);
  });

  it('throws the network\'s refusal of the first recipient (CMS code as vendorCode); a later refusal is that recipient\'s failed result', async () => {
    const { modem, open } = setUp();
    const client = open();
    modem.failNextSend(38);
    const refused = await client.send({ to: ['+447700900001', '+447700900002'], text: 'first refused' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GatewayRejectedError);
    expect(refused).toMatchObject({ outcome: 'refused', vendorCode: 38 });
    expect(modem.submitted).toHaveLength(0);

    const sending = client.send({ to: ['+447700900007', '+447700900008', '+447700900009'], text: 'middle refused' });
    // The refusal is armed once the first message is out, so it hits the second recipient.
    modem.once('submit', () => modem.failNextSend(69));
    const mixed = await sending;
    expect(mixed.map((result) => [result.to, result.state, result.errorCode])).toEqual([
      ['+447700900007', 'sent', undefined],
      ['+447700900008', 'failed', 69],
      ['+447700900009', 'sent', undefined],
    ]);
  });

  it('reports a message whose confirmation never came after the PDU was written as unknown, never resent', async () => {
    const { modem, open } = setUp();
    const client = open();
    await client.verify();
    modem.once('submit', () => modem.stopAnswering());
    const [result] = await client.send({ to: ['+447700900001'], text: 'maybe out' });
    expect(result).toMatchObject({ to: '+447700900001', state: 'unknown', accepted: false });
    modem.resumeAnswering();
    expect(modem.submitted).toHaveLength(1);
  });

  it('throws not-sent when the port does not exist, and when the modem never answers', async () => {
    const { modem, open } = setUp();
    const missing = open({ port: '/dev/ttyNOWHERE' });
    const error = await missing.send({ to: ['+447700900001'], text: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayUnreachableError);
    expect(error).toMatchObject({ outcome: 'not-sent', retryable: true, details: { modemCode: 'SMSB_MODEM_UNAVAILABLE' } });

    modem.stopAnswering();
    const silent = await open().send({ to: ['+447700900001'], text: 'x' }).catch((caught: unknown) => caught);
    expect(silent).toBeInstanceOf(GatewayUnreachableError);
    expect(silent).toMatchObject({ outcome: 'not-sent' });
    expect((silent as Error).message).toMatch(/does not answer/);
    expect(modem.submitted).toHaveLength(0);
  });
});

describe('modem through the registry: inbox and acknowledge', () => {
  it('hands out stored messages without deleting them; the cursor holds back what was handed out; acknowledge deletes', async () => {
    const { modem, open } = setUp();
    const client = open();
    modem.injectSms({ from: '+447700900551', text: 'one' });
    modem.injectSms({ from: '+447700900552', text: 'two, long. '.repeat(20) });
    const first = await client.inbox!();
    expect(first.messages.map((message) => [message.from, message.text])).toEqual([
      ['+447700900551', 'one'],
      ['+447700900552', 'two, long. '.repeat(20)],
    ]);
    expect(modem.storage('SM').indexes()).toHaveLength(3);
    expect(first.cursor!.length).toBeLessThan(200);

    const again = await client.inbox!(first.cursor);
    expect(again.messages).toEqual([]);
    // Handed out before and not acknowledged yet: offered for the acknowledge only.
    expect(again.handedOutBefore?.map((message) => message.text)).toEqual(['one', 'two, long. '.repeat(20)]);
    modem.injectSms({ from: '+447700900553', text: 'three' });
    const next = await client.inbox!(again.cursor);
    expect(next.messages.map((message) => message.text)).toEqual(['three']);

    await client.acknowledge!(first.messages);
    expect(modem.storage('SM').indexes()).toHaveLength(1);
    await client.acknowledge!(first.messages);
    expect(modem.storage('SM').indexes()).toHaveLength(1);
    await expect(client.inbox!()).resolves.toMatchObject({ messages: [{ text: 'three' }] });
    expect((await client.inbox!(next.cursor)).handedOutBefore?.map((message) => message.text)).toEqual(['three']);
  });

  it('does not delete a newer message that took the slot of an acknowledged one', async () => {
    const { modem, open } = setUp();
    const client = open();
    modem.injectSms({ from: '+447700900551', text: 'old' });
    const { messages } = await client.inbox!();
    await client.acknowledge!(messages);
    modem.injectSms({ from: '+447700900552', text: 'new in the same slot' });
    const [listed] = (await client.inbox!()).messages;
    expect(listed!.id).toBe(messages[0]!.id);
    await client.acknowledge!(messages);
    expect((await client.inbox!()).messages.map((message) => message.text)).toEqual(['new in the same slot']);
  });

  it('refuses a cursor it did not give and messages of another gateway', async () => {
    const { open } = setUp();
    const client = open();
    await expect(client.inbox!('{"lastId": 7}')).rejects.toThrow(InvalidRequestError);
    const foreign: InboundMessage = { id: '1', from: '+447700900551', text: 'x', gateway: 'dinstar' };
    await expect(client.acknowledge!([foreign])).rejects.toThrow(/came from dinstar/);
  });
});

describe('modem through the registry: subscribe', () => {
  it('hands indicated SMS to the listener and deletes them from the SIM once it resolved; a rejecting listener keeps them', async () => {
    const { modem, open } = setUp();
    const client = open();
    const received: string[] = [];
    let refuse = true;
    const errors: unknown[] = [];
    const unsubscribe = client.subscribe!({
      inbound: async (message) => {
        if (refuse) throw new Error('flow not ready');
        received.push(message.text);
      },
      error: (error) => errors.push(error),
    });
    modem.injectSms({ from: '+447700900561', text: 'kept until taken' });
    await waitUntil(() => errors.length > 0, 'the refusal of the first listener');
    expect(modem.storage('SM').indexes()).toHaveLength(1);
    refuse = false;
    modem.injectSms({ from: '+447700900562', text: 'second' });
    await waitUntil(() => received.includes('second'), 'the second message');
    expect(modem.storage('SM').indexes()).toHaveLength(1);
    unsubscribe();
    modem.injectSms({ from: '+447700900563', text: 'after unsubscribe' });
    await expect(client.inbox!()).resolves.toMatchObject({ messages: expect.arrayContaining([expect.objectContaining({ text: 'after unsubscribe' })]) });
    expect(received).not.toContain('after unsubscribe');
  });
});

describe('modem through the registry: USSD', () => {
  const ussdMenu = { '*100#': 'Balance: 5.00 EUR', '*101#': { reply: '1. Data\n2. Voice', options: { '1': 'Data: 2 GB left' } } };

  it('asks, walks a menu with ussdContinue and cancels one', async () => {
    const { modem, open } = setUp({ ussdMenu });
    const client = open();
    await expect(client.ussd!({ code: '*100#' })).resolves.toMatchObject({ reply: 'Balance: 5.00 EUR', awaitingInput: false, gateway: 'modem' });
    await expect(client.ussd!({ code: '*101#' })).resolves.toMatchObject({ reply: '1. Data\n2. Voice', awaitingInput: true });
    await expect(client.ussdContinue!({ answer: '1' })).resolves.toMatchObject({ reply: 'Data: 2 GB left', awaitingInput: false });
    await expect(client.ussdContinue!({ answer: '2' })).rejects.toThrow(/No USSD menu/);
    await client.ussd!({ code: '*101#' });
    await client.ussdCancel!();
    expect(modem.commandLog).toContain('+CUSD=2');
    await expect(client.ussdContinue!({ answer: '1' })).rejects.toThrow(InvalidRequestError);
  });

  it('refuses a USSD port other than its own (a modem has one SIM)', async () => {
    const { open } = setUp({ ussdMenu });
    const client = open();
    await expect(client.ussd!({ code: '*100#', port: 2 })).rejects.toThrow(/one SIM/);
    await expect(client.ussd!({ code: '*100#', port: PORT })).resolves.toMatchObject({ reply: 'Balance: 5.00 EUR' });
  });
});

describe('modem through the registry: admin and verify', () => {
  it('reads device info and the network, and restarts the modem, which then sends again', async () => {
    const { modem, hub, open } = setUp({ profile: 'quectel' });
    const client = open();
    await expect(client.admin!('info')).resolves.toMatchObject({ command: 'info', ok: true, data: { manufacturer: 'Quectel', imei: expect.stringMatching(/^\d{15}$/) } });
    await expect(client.admin!('network')).resolves.toMatchObject({ data: { registration: { state: 'home' }, signal: { dbm: -71 }, connection: 'ready' } });
    await expect(client.admin!('restart')).resolves.toMatchObject({ data: { restarting: true } });
    expect(modem.commandLog).toContain('+CFUN=1,1');
    await waitUntil(() => modem.commandLog.filter((line) => line === '+CMGF=0').length === 2, 'the session was set up again');
    await expect(client.send({ to: ['+447700900001'], text: 'after the restart' })).resolves.toMatchObject([{ state: 'sent' }]);
    expect(hub.sessionsOpened(PORT)).toBe(1);
    await expect(client.admin!('reboot')).rejects.toThrow(/"reboot" is not a GSM Modem command/);
  });

  it('verifies modem, SIM and registration; fails with the reason otherwise', async () => {
    const { modem, open } = setUp({ pin: '1234', operatorName: 'Virtual Mobile' });
    await expect(open({ pin: '1234' }).verify()).resolves.toEqual({
      status: 'verified',
      message: `The modem on ${PORT} answers, its SIM is ready and it is registered (home) on Virtual Mobile, signal -71 dBm.`,
    });
    modem.setRegistration(2);
    const unregistered = await open({ pin: '1234' }).verify();
    expect(unregistered).toMatchObject({ status: 'failed', error: { code: 'SMSB_GATEWAY_UNREACHABLE' }, summary: 'not registered on a network' });
    expect(unregistered.message).toMatch(/not registered on a network \(searching\)/);

    const missing = await open({ port: '/dev/ttyNOWHERE' }).verify();
    expect(missing).toMatchObject({ status: 'failed', error: { code: 'SMSB_GATEWAY_UNREACHABLE', outcome: 'not-sent' } });
  });

  it('fails verify with an auth error for a wrong PIN, and the PIN appears nowhere in it', async () => {
    const { open } = setUp({ pin: '1234' });
    const wrong = open({ pin: '9876' });
    const result = await wrong.verify();
    expect(result.status).toBe('failed');
    const error = (result as { error: Error }).error;
    expect(error).toBeInstanceOf(GatewayAuthError);
    expect(error).toMatchObject({ outcome: 'refused', retryable: false });
    expect(textsOf(error)).not.toContain('9876');
    expect(result.message).not.toContain('9876');
    // A port is one session: a second user with another PIN is refused while the first holds it.
    expect(() => open({ pin: '1234' })).toThrow(/already open with another SIM PIN/);
    await wrong.close();
    const missingPin = await open().send({ to: ['+447700900001'], text: 'x' }).catch((caught: unknown) => caught);
    expect(missingPin).toBeInstanceOf(GatewayAuthError);
    expect((missingPin as Error).message).toMatch(/asks for a PIN and none was configured/);
  });
});
