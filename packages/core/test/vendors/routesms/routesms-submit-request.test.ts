import { InvalidRequestError } from '../../../src/errors';
import * as routesms from '../../../src/vendors/routesms';

const { buildRoutesmsSubmitRequest, routesmsUnicodeHex, validateRoutesmsSource, parseRoutesmsMessageType, routesmsTypeFor } = routesms;
const credentials = { username: 'acme', password: 'p@ss+word' };
const base = { destinations: ['447700900123'], text: 'Hello', encoding: 'gsm7' as const, source: 'ACME' };

describe('Route Mobile submit request', () => {
  it('builds the seed GET with every parameter', () => {
    const request = buildRoutesmsSubmitRequest(credentials, { ...base, dlr: true });
    expect(request).toMatchObject({ method: 'GET', path: '/bulksms/bulksms', idempotent: false });
    expect(request.query).toEqual({
      username: 'acme',
      password: 'p@ss+word',
      type: '0',
      dlr: '1',
      destination: '447700900123',
      source: 'ACME',
      message: 'Hello',
    });
  });

  it('picks the type from encoding and flash', () => {
    expect(routesmsTypeFor('gsm7', false)).toBe(0);
    expect(routesmsTypeFor('gsm7', true)).toBe(1);
    expect(routesmsTypeFor('ucs2', false)).toBe(2);
    expect(routesmsTypeFor('ucs2', true)).toBe(6);
  });

  it('carries Unicode types as uppercase UCS-2 hex', () => {
    expect(routesmsUnicodeHex('Hi')).toBe('00480069');
    expect(routesmsUnicodeHex('أرنب')).toBe('0623063106460628');
    expect(routesmsUnicodeHex('ü€')).toBe('00FC20AC');
    const unicode = buildRoutesmsSubmitRequest(credentials, { ...base, text: 'Привет', encoding: 'ucs2' });
    expect(unicode.query).toMatchObject({ type: '2', message: '041F04400438043204350442' });
    const flash = buildRoutesmsSubmitRequest(credentials, { ...base, text: 'Привет', encoding: 'ucs2', flash: true });
    expect(flash.query).toMatchObject({ type: '6', message: '041F04400438043204350442' });
  });

  it('honours explicit types 5 and 7 with the text itself, and refuses 3', () => {
    expect(buildRoutesmsSubmitRequest(credentials, { ...base, text: 'Café', type: 5 }).query).toMatchObject({ type: '5', message: 'Café' });
    expect(buildRoutesmsSubmitRequest(credentials, { ...base, type: '7' }).query).toMatchObject({ type: '7', message: 'Hello' });
    expect(() => parseRoutesmsMessageType(3)).toThrow(InvalidRequestError);
    expect(() => parseRoutesmsMessageType('x')).toThrow(InvalidRequestError);
  });

  it('needs a url for WAP push (type 4)', () => {
    expect(() => buildRoutesmsSubmitRequest(credentials, { ...base, type: 4 })).toThrow(/url/);
    const wap = buildRoutesmsSubmitRequest(credentials, { ...base, type: 4, extra: { url: 'http://example.com/x' } });
    expect(wap.query).toMatchObject({ type: '4', url: 'http://example.com/x' });
  });

  it('joins destinations with commas and passes DLT parameters through', () => {
    const request = buildRoutesmsSubmitRequest(credentials, {
      ...base,
      destinations: ['919898000001', '919898000002'],
      extra: { entityid: '1101', tempid: '1207', tmid: '99,88', ip: '10.0.0.1', skipped: undefined },
    });
    expect(request.query).toMatchObject({ destination: '919898000001,919898000002', entityid: '1101', tempid: '1207', tmid: '99,88', ip: '10.0.0.1' });
    expect(request.query).not.toHaveProperty('skipped');
  });

  it('refuses extra parameters that would replace its own', () => {
    for (const name of ['password', 'Destination', 'message', 'gmt']) {
      expect(() => buildRoutesmsSubmitRequest(credentials, { ...base, extra: { [name]: 'x' } })).toThrow(InvalidRequestError);
    }
  });

  it('uses /bulksms/schedulemsg with date, time and gmt', () => {
    const request = buildRoutesmsSubmitRequest(credentials, { ...base, schedule: { date: '03/03/2026', time: '03:45 am', gmt: 'GMT +05:30' } });
    expect(request.path).toBe('/bulksms/schedulemsg');
    expect(request.query).toMatchObject({ date: '03/03/2026', time: '03:45 am', gmt: 'GMT +05:30' });
  });

  it('applies the seed source rules', () => {
    expect(validateRoutesmsSource(' ACME ')).toBe('ACME');
    expect(validateRoutesmsSource('ACMECORP123')).toBe('ACMECORP123');
    expect(validateRoutesmsSource('+123456789012345678')).toBe('+123456789012345678');
    expect(() => validateRoutesmsSource('ACMECORP1234')).toThrow(/at most 11/);
    expect(() => validateRoutesmsSource('1234567890123456789')).toThrow(/at most 18/);
    expect(() => validateRoutesmsSource('')).toThrow(InvalidRequestError);
    expect(() => validateRoutesmsSource('Café')).toThrow(/ASCII/);
  });

  it('refuses empty messages and empty destination lists', () => {
    expect(() => buildRoutesmsSubmitRequest(credentials, { ...base, text: '' })).toThrow(InvalidRequestError);
    expect(() => buildRoutesmsSubmitRequest(credentials, { ...base, destinations: [] })).toThrow(InvalidRequestError);
  });
});
