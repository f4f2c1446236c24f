import * as routesms from '../../../src/vendors/routesms';

const { formatRoutesmsSchedule, parseRoutesmsSchedule, parseRoutesmsGmtOffset } = routesms;

describe('Route Mobile scheduler fields', () => {
  it('writes wall-clock time in the given IANA zone with its offset', () => {
    const at = new Date('2026-03-03T22:15:00Z');
    expect(formatRoutesmsSchedule(at, 'Asia/Kolkata')).toEqual({ date: '03/04/2026', time: '03:45 am', gmt: 'GMT +05:30' });
    expect(formatRoutesmsSchedule(at, 'America/New_York')).toEqual({ date: '03/03/2026', time: '05:15 pm', gmt: 'GMT -05:00' });
    expect(formatRoutesmsSchedule(at)).toEqual({ date: '03/03/2026', time: '10:15 pm', gmt: 'GMT +00:00' });
  });

  it('follows daylight saving time of the zone at that instant', () => {
    expect(formatRoutesmsSchedule(new Date('2026-07-01T10:00:00Z'), 'Europe/Paris').gmt).toBe('GMT +02:00');
    expect(formatRoutesmsSchedule(new Date('2026-01-01T10:00:00Z'), 'Europe/Paris').gmt).toBe('GMT +01:00');
  });

  it('writes midnight and noon as 12 am / 12 pm', () => {
    expect(formatRoutesmsSchedule(new Date('2026-05-01T00:05:00Z')).time).toBe('12:05 am');
    expect(formatRoutesmsSchedule(new Date('2026-05-01T12:30:00Z')).time).toBe('12:30 pm');
  });

  it('rounds seconds up so a message never leaves early', () => {
    expect(formatRoutesmsSchedule(new Date('2026-05-01T10:00:01Z')).time).toBe('10:01 am');
    expect(formatRoutesmsSchedule(new Date('2026-05-01T10:59:30Z')).time).toBe('11:00 am');
  });

  it('expresses zones beyond ±12:00 in UTC, keeping the instant', () => {
    const at = new Date('2026-05-01T10:00:00Z');
    const fields = formatRoutesmsSchedule(at, 'Pacific/Kiritimati');
    expect(fields.gmt).toBe('GMT +00:00');
    expect(parseRoutesmsSchedule(fields)!.toISOString()).toBe(at.toISOString());
  });

  it('refuses an unknown zone and an invalid date with typed errors', () => {
    expect(() => formatRoutesmsSchedule(new Date(), 'Mars/Olympus')).toThrow(expect.objectContaining({ code: 'SMSB_INVALID_REQUEST' }));
    expect(() => formatRoutesmsSchedule(new Date('nope'))).toThrow(expect.objectContaining({ code: 'SMSB_INVALID_REQUEST' }));
  });

  it('reads every documented gmt spelling, one-digit hours included', () => {
    expect(parseRoutesmsGmtOffset('GMT +1:30')).toBe(90);
    expect(parseRoutesmsGmtOffset('GMT+05:30')).toBe(330);
    expect(parseRoutesmsGmtOffset('-10:00')).toBe(-600);
    expect(parseRoutesmsGmtOffset('+0:00')).toBe(0);
    expect(parseRoutesmsGmtOffset('GMT 5:30')).toBeUndefined();
    expect(parseRoutesmsGmtOffset('')).toBeUndefined();
  });

  it('round-trips instants in many zones', () => {
    const zones = ['UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Adelaide', 'Pacific/Honolulu', 'Europe/London'];
    for (const zone of zones) {
      for (const iso of ['2026-01-15T03:07:00Z', '2026-06-30T23:59:00Z', '2026-10-25T01:30:00Z']) {
        expect(parseRoutesmsSchedule(formatRoutesmsSchedule(new Date(iso), zone))!.toISOString()).toBe(new Date(iso).toISOString());
      }
    }
  });

  it('parses the seed examples and 00:xx am', () => {
    expect(parseRoutesmsSchedule({ date: '03/03/2018', time: '03:45 am', gmt: 'GMT +1:30' })!.toISOString()).toBe('2018-03-03T02:15:00.000Z');
    expect(parseRoutesmsSchedule({ date: '03/03/2018', time: '11:51 pm', gmt: '-10:00' })!.toISOString()).toBe('2018-03-04T09:51:00.000Z');
    expect(parseRoutesmsSchedule({ date: '03/03/2018', time: '00:10 am', gmt: '+0:00' })!.toISOString()).toBe('2018-03-03T00:10:00.000Z');
    expect(parseRoutesmsSchedule({ date: '2018-03-03', time: '03:45 am', gmt: '+0:00' })).toBeUndefined();
    expect(parseRoutesmsSchedule({ date: '03/03/2018', time: '13:45 pm', gmt: '+0:00' })).toBeUndefined();
  });
});
