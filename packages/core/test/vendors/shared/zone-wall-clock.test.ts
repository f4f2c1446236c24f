import { InvalidRequestError } from '../../../src/errors';
import { formatWallClock, wallClockAsUtc, wallClockIn } from '../../../src/vendors/shared';

describe('zone wall clock', () => {
  it('reads what the clocks of a zone show, across a DST change', () => {
    const winter = Date.UTC(2024, 0, 15, 23, 30, 5);
    const summer = Date.UTC(2024, 6, 15, 23, 30, 5);
    expect(formatWallClock(wallClockIn(winter, 'Europe/Paris'))).toBe('2024-01-16 00:30:05');
    expect(formatWallClock(wallClockIn(new Date(summer), 'Europe/Paris'))).toBe('2024-07-16 01:30:05');
    expect(formatWallClock(wallClockIn(winter, 'UTC'))).toBe('2024-01-15 23:30:05');
    expect((wallClockAsUtc(wallClockIn(summer, 'Asia/Kolkata')) - summer) / 60_000).toBe(330);
  });

  it('reports an unknown zone against its owner, or lets Intl say it without one', () => {
    const owner = { gateway: 'jasmin', exampleZone: 'Europe/Paris' } as const;
    expect(() => wallClockIn(0, 'Mars/Olympus', owner)).toThrow(InvalidRequestError);
    expect(() => wallClockIn(0, 'Mars/Olympus', owner)).toThrow('"Mars/Olympus" is not a time zone: use an IANA name such as Europe/Paris or UTC');
    expect(() => wallClockIn(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});
