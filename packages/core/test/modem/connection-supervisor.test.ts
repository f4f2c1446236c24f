import { ModemPinError } from '../../src/modem/modem-errors';
import { ConnectionSupervisor, type ConnectionState } from '../../src/modem/supervisor/connection-supervisor';
import { reconnectDelay } from '../../src/modem/supervisor/reconnect-policy';
import { ManualClock } from '../../src/testing/manual-clock';

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('ConnectionSupervisor', () => {
  it('backs off exponentially up to the cap', () => {
    expect([0, 1, 2, 3, 10].map((a) => reconnectDelay(a, { initialDelayMs: 100, maxDelayMs: 1000 }))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('re-establishes a lost session with backoff on the clock', async () => {
    const clock = new ManualClock(0);
    const states: ConnectionState[] = [];
    let lose: () => void = () => undefined;
    let attempts = 0;
    const supervisor = new ConnectionSupervisor({
      clock,
      policy: { initialDelayMs: 100, maxDelayMs: 1000 },
      isFatal: () => false,
      onState: (state) => states.push(state),
      establish: async () => {
        attempts++;
        if (attempts === 2 || attempts === 3) throw new Error('port not back yet');
        return { lost: new Promise((resolve) => (lose = () => resolve(undefined))) };
      },
    });
    await supervisor.start();
    lose();
    await flush();
    clock.advance(100); // attempt 2 fails
    await flush();
    clock.advance(199);
    await flush();
    expect(attempts).toBe(2);
    clock.advance(1); // attempt 3 fails
    await flush();
    clock.advance(400); // attempt 4 succeeds
    await flush();
    expect(attempts).toBe(4);
    expect(states).toEqual(['connecting', 'ready', 'reconnecting', 'reconnecting', 'reconnecting', 'ready']);
    supervisor.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('stops on a fatal error', async () => {
    const clock = new ManualClock(0);
    const states: ConnectionState[] = [];
    let lose: () => void = () => undefined;
    let first = true;
    const supervisor = new ConnectionSupervisor({
      clock,
      policy: { initialDelayMs: 10 },
      isFatal: (error) => error instanceof ModemPinError,
      onState: (state) => states.push(state),
      establish: async () => {
        if (!first) throw new ModemPinError('wrong PIN');
        first = false;
        return { lost: new Promise((resolve) => (lose = () => resolve(undefined))) };
      },
    });
    await supervisor.start();
    lose();
    await flush();
    clock.advance(10);
    await flush();
    expect(states.at(-1)).toBe('closed');
    expect(clock.pendingTimers).toBe(0);
  });
});
