import { MAX_TIMER_DELAY_MS, startClockTimer } from '../../src/clock';
import { ManualClock } from '../../src/testing/manual-clock';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('startClockTimer', () => {
  let clock: ManualClock;

  beforeEach(() => {
    clock = new ManualClock();
  });

  it('fires a bare Clock timer beyond 2^31−1 ms at once, as Node does (why the chunking exists)', () => {
    let fired = false;
    clock.setTimeout(() => (fired = true), MAX_TIMER_DELAY_MS + 1);
    clock.advance(1);
    expect(fired).toBe(true);
  });

  it('waits 60 days by re-arming in chunks no longer than 2^31−1 ms', () => {
    const requested: number[] = [];
    const setTimeout = clock.setTimeout.bind(clock);
    clock.setTimeout = (fn, ms) => {
      requested.push(ms);
      return setTimeout(fn, ms);
    };
    const start = clock.now();
    const firedAt: number[] = [];
    startClockTimer(clock, 60 * DAY_MS, () => firedAt.push(clock.now()));
    clock.advance(30 * DAY_MS);
    expect(firedAt).toEqual([]);
    clock.advance(30 * DAY_MS - 1);
    expect(firedAt).toEqual([]);
    clock.advance(1);
    expect(firedAt).toEqual([start + 60 * DAY_MS]);
    expect(requested.length).toBeGreaterThan(1);
    expect(Math.max(...requested)).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
    expect(requested.reduce((sum, ms) => sum + ms, 0)).toBe(60 * DAY_MS);
    expect(clock.pendingTimers).toBe(0);
  });

  it('uses one plain timer for a short delay, and treats a negative or NaN delay as zero', () => {
    const fired: string[] = [];
    startClockTimer(clock, 20, () => fired.push('short'));
    startClockTimer(clock, -5, () => fired.push('negative'));
    startClockTimer(clock, Number.NaN, () => fired.push('nan'));
    expect(clock.pendingTimers).toBe(3);
    clock.advance(0);
    expect(fired).toEqual(['negative', 'nan']);
    clock.advance(20);
    expect(fired).toEqual(['negative', 'nan', 'short']);
  });

  it('cancels in any chunk, and cancel after firing is harmless', () => {
    let fired = 0;
    const timer = startClockTimer(clock, 60 * DAY_MS, () => (fired += 1));
    clock.advance(30 * DAY_MS);
    timer.cancel();
    expect(clock.pendingTimers).toBe(0);
    clock.advance(60 * DAY_MS);
    expect(fired).toBe(0);

    const short = startClockTimer(clock, 10, () => (fired += 1));
    clock.advance(10);
    short.cancel();
    short.cancel();
    expect(fired).toBe(1);
  });
});
