import fc from 'fast-check';
import * as routesms from '../../../src/vendors/routesms';

const { formatRoutesmsSchedule, parseRoutesmsSchedule, parseRoutesmsSubmitResponse, routesmsUnicodeHex } = routesms;
const ZONES = ['UTC', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Paris', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Pacific/Kiritimati'];

describe('Route Mobile properties', () => {
  it('the scheduler fields name the instant asked for, rounded up to the minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...ZONES), (ms, zone) => {
        const fields = formatRoutesmsSchedule(new Date(ms), zone);
        expect(fields.time).toMatch(/^(0[1-9]|1[0-2]):[0-5]\d (am|pm)$/);
        expect(parseRoutesmsSchedule(fields)!.getTime()).toBe(Math.ceil(ms / 60_000) * 60_000);
      }),
      { numRuns: 300 },
    );
  });

  it('submit answers read back what was written', () => {
    const entry = fc.oneof(
      fc.record({ code: fc.constant(1701), destination: fc.stringMatching(/^\d{6,15}$/), messageId: fc.uuid() }),
      fc.record({ code: fc.constantFrom(1706, 1732, 1042, 1725), destination: fc.stringMatching(/^\d{6,15}$/) }),
    );
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 20 }), (entries) => {
        const body = entries.map((e) => [e.code, e.destination, 'messageId' in e ? e.messageId : undefined].filter((v) => v !== undefined).join('|')).join(',');
        expect(parseRoutesmsSubmitResponse(body)).toEqual(entries.map((e) => ({ code: e.code, destination: e.destination, messageId: 'messageId' in e ? e.messageId : undefined })));
      }),
    );
  });

  it('Unicode hex is four uppercase digits per UTF-16 unit and decodes back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), (text) => {
        const hex = routesmsUnicodeHex(text);
        expect(hex).toMatch(/^([0-9A-F]{4})+$/);
        expect(Buffer.from(hex, 'hex').swap16().toString('utf16le')).toBe(text);
      }),
    );
  });
});
