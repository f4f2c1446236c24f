import { decodePdu } from '../../../src/codec/pdu/decode-pdu';
import { GatewayRejectedError, GatewayUnreachableError, InvalidRequestError } from '../../../src/errors/gateway-errors';
import type { InboundMessage } from '../../../src/model/inbound-message';
import { ManualClock } from '../../../src/testing/manual-clock';
import { waitUntil } from '../helpers/wait-until';
import { PORT, virtualModemPortsPerTest } from './virtual-modem-ports';

const { setUp } = virtualModemPortsPerTest();

describe('ModemHub: one connection per port', () => {
  it('shares one driver between two clients, counts them, and closes the port after the last release', async () => {
    const { modem, hub, open, counts } = setUp();
    const first = open();
    const second = open();
    expect(hub.users(PORT)).toBe(2);
    await Promise.all([first.send({ to: ['+447700900001'], text: 'from the first' }), second.send({ to: ['+447700900002'], text: 'from the second' })]);
    expect(modem.submitted.map((submitted) => submitted.destination).sort()).toEqual(['+447700900001', '+447700900002']);
    expect(counts).toEqual({ opened: 1, open: 1 });
    expect(hub.sessionsOpened(PORT)).toBe(1);

    await first.close();
    await first.close();
    expect(hub.users(PORT)).toBe(1);
    expect(counts.open).toBe(1);
    await expect(second.send({ to: ['+447700900003'], text: 'still open' })).resolves.toMatchObject([{ state: 'sent' }]);
    await expect(first.send({ to: ['+447700900003'], text: 'closed' })).rejects.toThrow(/was closed/);

    await second.close();
    expect(hub.ports).toEqual([]);
    expect(counts.open).toBe(0);

    const third = open();
    await expect(third.send({ to: ['+447700900004'], text: 'opened again' })).resolves.toMatchObject([{ state: 'sent' }]);
    expect(counts).toEqual({ opened: 2, open: 1 });
  });

  it('refuses a second user of the port with another speed, naming the field and not the PIN', () => {
    const { open } = setUp();
    open({ pin: '1234' });
    expect(() => open({ pin: '1234', baudRate: 9600 })).toThrow(/another baud rate/);
    let error: unknown;
    try {
      open({ pin: '5678' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(JSON.stringify(error) + (error as Error).message).not.toMatch(/1234|5678/);
  });

  it('fails fast while the port is away, reconnects by itself after an unplug, and closes every port on hub.close()', async () => {
    const { modem, hub, open, counts } = setUp();
    const client = open();
    await client.verify();
    const lease = hub.acquire({ port: PORT, baudRate: 115200 });
    lease.onError(() => undefined);
    modem.vanish();
    await waitUntil(() => lease.state?.connection === 'reconnecting', 'the unplug was noticed');
    const away = await client.send({ to: ['+447700900001'], text: 'while away' }).catch((error: unknown) => error);
    expect(away).toBeInstanceOf(GatewayUnreachableError);
    expect(away).toMatchObject({ outcome: 'not-sent', message: expect.stringMatching(/reconnecting/) });
    modem.reappear();
    await waitUntil(() => lease.state?.connection === 'ready', 'the modem came back');
    await expect(client.send({ to: ['+447700900001'], text: 'after the unplug' })).resolves.toMatchObject([{ state: 'sent' }]);
    expect(hub.sessionsOpened(PORT)).toBe(1);
    expect(counts.opened).toBe(2);

    await hub.close();
    expect(counts.open).toBe(0);
    await expect(client.send({ to: ['+447700900001'], text: 'after close' })).rejects.toMatchObject({ outcome: 'not-sent' });
    expect(() => hub.acquire({ port: PORT })).toThrow(/hub was closed/);
  });

  it('opens the port afresh on the next use after the driver gave up reconnecting', async () => {
    const { modem, hub, open } = setUp({}, { driver: { reconnect: false, commandTimeoutMs: 1000, probeTimeoutMs: 100, probeAttempts: 2 } });
    const client = open();
    await client.verify();
    const watcher = hub.acquire({ port: PORT });
    modem.vanish();
    await waitUntil(() => watcher.state === undefined, 'the driver closed');
    modem.reappear();
    await waitUntil(() => modem.commandLog.length > 0, 'the modem rebooted');
    await expect(client.send({ to: ['+447700900001'], text: 'reopened' })).resolves.toMatchObject([{ state: 'sent' }]);
    expect(hub.sessionsOpened(PORT)).toBe(2);
  });

  it('never interleaves the parts of two users\' messages: one driver queue for the port', async () => {
    const { modem, open } = setUp();
    const first = open();
    const second = open();
    const long = (tag: string) => `${tag} `.repeat(120); // 480 characters: 4 parts
    await Promise.all([first.send({ to: ['+447700900001'], text: long('one') }), second.send({ to: ['+447700900002'], text: long('two') })]);
    const parts = modem.submitted.map((submitted) => ({ to: submitted.destination, sequence: decodePdu(submitted.pdu).concat?.sequence }));
    expect(parts.length).toBe(8);
    const runs = parts.map((part) => part.to).filter((to, index, all) => index === 0 || all[index - 1] !== to);
    expect(runs).toHaveLength(2);
    for (const to of ['+447700900001', '+447700900002']) expect(parts.filter((part) => part.to === to).map((part) => part.sequence)).toEqual([1, 2, 3, 4]);
  });

  it('gives a USSD menu to the user that opened it', async () => {
    const { open } = setUp({ ussdMenu: { '*101#': { reply: '1. Data', options: { '1': 'Data: 2 GB left' } }, '*100#': 'Balance' } });
    const owner = open();
    const other = open();
    await expect(owner.ussd!({ code: '*101#' })).resolves.toMatchObject({ awaitingInput: true });
    await expect(other.ussd!({ code: '*100#' })).rejects.toBeInstanceOf(GatewayRejectedError);
    await expect(other.ussdContinue!({ answer: '1' })).rejects.toThrow(/No USSD menu of this client/);
    await expect(other.ussdCancel!()).rejects.toMatchObject({ outcome: 'not-sent', retryable: true });
    await expect(owner.ussdContinue!({ answer: '1' })).resolves.toMatchObject({ reply: 'Data: 2 GB left', awaitingInput: false });
    await expect(other.ussd!({ code: '*100#' })).resolves.toMatchObject({ reply: 'Balance' });
  });
});

describe('ModemHub: inbound fan-out', () => {
  it('hands each message to every subscribed user and deletes it from the SIM only after all of them resolved', async () => {
    const { modem, hub } = setUp();
    const first = hub.acquire({ port: PORT });
    const second = hub.acquire({ port: PORT });
    const firstGot: InboundMessage[] = [];
    const secondGot: InboundMessage[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    first.onInbound((message) => {
      firstGot.push(message);
    });
    second.onInbound(async (message) => {
      secondGot.push(message);
      await released;
    });
    await first.open();
    modem.injectSms({ from: '+447700900555', text: 'to everyone' });
    await waitUntil(() => firstGot.length === 1 && secondGot.length === 1, 'both users got it');
    await first.info(); // a round trip over the port: the delete would have happened by now
    expect(modem.storage('SM').indexes()).toHaveLength(1);
    release();
    await waitUntil(() => modem.storage('SM').indexes().length === 0, 'the message was deleted');
    expect(firstGot.map((message) => message.text)).toEqual(['to everyone']);
  });

  it('keeps a message on the SIM when one handler fails, and offers it again to that handler only on the next sweep', async () => {
    const clock = new ManualClock(0);
    const { modem, hub } = setUp({}, { clock, sweepIntervalMs: 60_000, driver: { reconnect: false, hangupCheckMs: 0 } });
    const steady = hub.acquire({ port: PORT });
    const flaky = hub.acquire({ port: PORT });
    const errors: unknown[] = [];
    steady.onError((error) => errors.push(error));
    const steadyGot: string[] = [];
    const flakyGot: string[] = [];
    let failing = true;
    steady.onInbound((message) => {
      steadyGot.push(message.text);
    });
    flaky.onInbound(async (message) => {
      flakyGot.push(message.text);
      if (failing) throw new Error('downstream is down');
    });
    await steady.open();
    modem.injectSms({ from: '+447700900555', text: 'hold me' });
    await waitUntil(() => errors.length >= 1, 'the failure was reported');
    await steady.info();
    expect(modem.storage('SM').indexes()).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'SMSB_MODEM_INBOUND_HANDLER', details: { failed: 1, handlers: 2 } });
    const offeredWhileFailing = flakyGot.length;

    failing = false;
    clock.advance(60_000);
    await waitUntil(() => modem.storage('SM').indexes().length === 0, 'the next sweep handed it on and deleted it');
    expect(flakyGot).toEqual(Array(offeredWhileFailing + 1).fill('hold me'));
    expect(steadyGot).toEqual(['hold me']);
  });

  it('leaves messages on the SIM while nobody subscribes, and hands them on when someone does', async () => {
    const { modem, hub } = setUp();
    const lease = hub.acquire({ port: PORT });
    await lease.open();
    modem.injectSms({ from: '+447700900555', text: 'waiting' });
    await lease.info();
    await expect(lease.inbox()).resolves.toMatchObject([{ text: 'waiting' }]);
    const got: string[] = [];
    const unsubscribe = lease.onInbound((message) => {
      got.push(message.text);
    });
    await waitUntil(() => got.length === 1 && modem.storage('SM').indexes().length === 0, 'the subscriber took it');
    unsubscribe();
    modem.injectSms({ from: '+447700900555', text: 'nobody listens' });
    await lease.info();
    await expect(lease.inbox()).resolves.toMatchObject([{ text: 'nobody listens' }]);
    expect(got).toEqual(['waiting']);
  });

  it('stops a released lease\'s subscriptions', async () => {
    const { modem, hub } = setUp();
    const keeper = hub.acquire({ port: PORT });
    const leaver = hub.acquire({ port: PORT });
    const kept: string[] = [];
    const left: string[] = [];
    keeper.onInbound((message) => {
      kept.push(message.text);
    });
    leaver.onInbound((message) => {
      left.push(message.text);
    });
    await leaver.release();
    expect(() => leaver.onInbound(() => undefined)).toThrow(/was closed/);
    await keeper.open();
    modem.injectSms({ from: '+447700900555', text: 'after the release' });
    await waitUntil(() => kept.length === 1 && modem.storage('SM').indexes().length === 0, 'the keeper took it');
    expect(left).toEqual([]);
  });
});
