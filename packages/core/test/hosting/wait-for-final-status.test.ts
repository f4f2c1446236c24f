import { InvalidRequestError } from '../../src/errors/gateway-errors';
import { waitForFinalStatus } from '../../src/hosting/wait-for-final-status';
import type { DeliveryState } from '../../src/model/delivery-status';
import type { GatewayClient } from '../../src/vendors/gateway-client';
import { ManualClock } from '../../src/testing/manual-clock';

function clientWithStates(states: DeliveryState[]): { client: GatewayClient; asked: number[] ; clock: ManualClock } {
  const clock = new ManualClock();
  const asked: number[] = [];
  let index = 0;
  const client: GatewayClient = {
    gateway: 'jasmin',
    send: async () => [],
    status: async (messageId) => {
      asked.push(clock.now());
      const state = states[Math.min(index++, states.length - 1)]!;
      return { messageId, state, rawStatus: state, gateway: 'jasmin' };
    },
    verify: async () => ({ status: 'verified', message: '' }),
    close: async () => undefined,
  };
  return { client, asked, clock };
}

/** Runs the wait while moving the manual clock one second at a time (bounded). */
async function drive<T>(clock: ManualClock, pending: Promise<T>): Promise<T> {
  let done = false;
  void pending.finally(() => (done = true));
  for (let step = 0; step < 2_000 && !done; step += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(1_000);
  }
  return pending;
}

describe('waitForFinalStatus', () => {
  it('polls with doubling intervals until a final state', async () => {
    const { client, asked, clock } = clientWithStates(['queued', 'sent', 'sent', 'delivered']);
    const start = clock.now();
    const result = await drive(clock, waitForFinalStatus(client, 'm1', { clock, initialIntervalMs: 2_000 }));
    expect(result).toMatchObject({ final: true, queries: 4, status: { state: 'delivered', messageId: 'm1' } });
    expect(asked.map((at) => at - start)).toEqual([0, 2_000, 6_000, 14_000]);
  });

  it('returns the last status, not final, when the time is up', async () => {
    const { client, clock } = clientWithStates(['sent']);
    const result = await drive(clock, waitForFinalStatus(client, 'm2', { clock, timeoutMs: 30_000, initialIntervalMs: 5_000, maxIntervalMs: 10_000 }));
    expect(result.final).toBe(false);
    expect(result.status.state).toBe('sent');
    expect(result.queries).toBe(5);
  });

  it('stops early on abort', async () => {
    const { client, clock } = clientWithStates(['queued']);
    const controller = new AbortController();
    const pending = waitForFinalStatus(client, 'm3', { clock, signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(pending).resolves.toMatchObject({ final: false, queries: 1 });
  });

  it('says clearly when a gateway has no status query', async () => {
    const { client } = clientWithStates(['sent']);
    delete client.status;
    await expect(waitForFinalStatus(client, 'm4')).rejects.toThrow(InvalidRequestError);
  });
});
