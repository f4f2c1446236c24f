/**
 * Status reports follow the inbound rule on a shared modem (virtual modem behind the serialport
 * binding): a stored report leaves the SIM only once every subscribed listener took it. Nobody
 * subscribed: it stays; a listener that throws: it stays and is offered to that listener again;
 * the port closed while a listener held it: it is read again on reopen, and a listener that took
 * it does not get it twice.
 */
import type { DeliveryStatus } from '../../../src/model/delivery-status';
import { waitUntil } from '../helpers/wait-until';
import { PORT, virtualModemPortsPerTest } from './virtual-modem-ports';

const { setUp } = virtualModemPortsPerTest();

it('a report that arrives while nobody subscribes stays on the SIM and goes to the first subscriber', async () => {
  const ports = setUp();
  const client = ports.open();
  const [sent] = await client.send({ to: ['+447700900401'], text: 'report me', statusReport: true });
  await waitUntil(() => ports.modem.commandLog.some((command) => /^\+CMGR=/.test(command)), 'the indicated report was read');
  await client.inbox!(); // receiver work runs in order: the report's handling is over once this is back
  expect(ports.modem.storage('SR').used).toBe(1);

  const heard: DeliveryStatus[] = [];
  client.subscribe!({ status: (status) => void heard.push(status) });
  await waitUntil(() => heard.length === 1 && ports.modem.storage('SR').used === 0, 'the subscriber took it and it left the SIM');
  expect(heard[0]).toMatchObject({ messageId: sent!.messageId, state: 'delivered', raw: { source: expect.stringMatching(/^SR:\d+$/) } });
});

it('a listener that throws leaves the report on the SIM; the next sweep offers it to that listener only', async () => {
  const ports = setUp({}, { sweepIntervalMs: 40 });
  const steady = ports.open();
  const flaky = ports.open();
  const steadyHeard: DeliveryStatus[] = [];
  const storedAtCall: number[] = [];
  const errors: unknown[] = [];
  steady.subscribe!({ status: (status) => void steadyHeard.push(status) });
  flaky.subscribe!({
    status: async () => {
      storedAtCall.push(ports.modem.storage('SR').used);
      if (storedAtCall.length === 1) throw new Error('the consumer is down');
    },
    error: (error) => void errors.push(error),
  });
  const [sent] = await steady.send({ to: ['+447700900402'], text: 'report me', statusReport: true });
  await waitUntil(() => storedAtCall.length === 2 && ports.modem.storage('SR').used === 0, 'the failed listener got it again and it left the SIM');
  expect(storedAtCall).toEqual([1, 1]);
  expect(steadyHeard.map((status) => status.messageId)).toEqual([sent!.messageId]);
  expect(errors).toEqual([expect.objectContaining({ code: 'SMSB_MODEM_INBOUND_HANDLER', message: expect.stringMatching(/status report stays on the SIM/) })]);
});

describe.each([
  ['took it', 'resolve', 1],
  ['failed', 'reject', 2],
] as const)('the port closes while a listener holds the report, and the listener %s', (_label, outcome, expectedCalls) => {
  it(`the report is read again on reopen and leaves the SIM after ${expectedCalls} hand-on(s)`, async () => {
    const ports = setUp();
    const client = ports.open();
    const watcher = ports.hub.acquire({ port: PORT, baudRate: 115200 });
    const calls: DeliveryStatus[] = [];
    let settle: (() => void) | undefined;
    client.subscribe!({
      status: (status) => {
        calls.push(status);
        if (calls.length > 1) return undefined;
        return new Promise<void>((resolve, reject) => (settle = outcome === 'resolve' ? resolve : () => reject(new Error('lost with the port'))));
      },
      error: () => undefined,
    });
    await client.send({ to: ['+447700900403'], text: 'report me', statusReport: true });
    await waitUntil(() => settle !== undefined, 'the listener holds the report');
    expect(ports.modem.storage('SR').used).toBe(1);

    ports.modem.vanish();
    await waitUntil(() => watcher.state?.connection === 'reconnecting', 'the unplug was noticed');
    settle!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(ports.modem.storage('SR').used).toBe(1);

    ports.modem.reappear();
    await waitUntil(() => ports.modem.storage('SR').used === 0, 'the report left the SIM after the reopen');
    await client.inbox!(); // the reopen sweep is over
    expect(calls).toHaveLength(expectedCalls);
    expect(new Set(calls.map((status) => status.messageId)).size).toBe(1);
  });
});
