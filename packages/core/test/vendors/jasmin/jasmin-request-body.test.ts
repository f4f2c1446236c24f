import { InvalidRequestError } from '../../../src/errors';
import * as jasmin from '../../../src/vendors/jasmin';
import { ManualClock } from '../../../src/testing/manual-clock';

const { buildJasminMessage, buildJasminBatchBody, formatJasminScheduleAt, jasminUtf16Hex, canonicalJasminFields, pythonJson, PythonFloat } = jasmin;

describe('Jasmin message fields', () => {
  it('sends GSM text as content', () => {
    expect(buildJasminMessage({ to: '19012233451', from: 'D7sms', text: 'Hello' })).toEqual({ to: '19012233451', from: 'D7sms', content: 'Hello' });
  });

  it('never sends non-GSM text as content: coding 8 + UTF-16BE hex_content', () => {
    expect(jasminUtf16Hex('أرنب')).toBe('0623063106460628');
    const body = buildJasminMessage({ to: '971509001000', text: 'أرنب', encoding: 'ucs2' });
    expect(body).toEqual({ to: '971509001000', coding: 8, hex_content: '0623063106460628' });
    expect(body).not.toHaveProperty('content');
    expect(buildJasminMessage({ to: '1', text: '👋', encoding: 'ucs2' }).hex_content).toBe('D83DDC4B');
  });

  it('sends binary with coding (default 4) and hex_content', () => {
    expect(buildJasminMessage({ to: '1', hexContent: '0b05 0423f4', coding: 4 })).toEqual({ to: '1', coding: 4, hex_content: '0B050423F4' });
    expect(buildJasminMessage({ to: '1', hexContent: 'ff' })).toMatchObject({ coding: 4 });
    expect(() => buildJasminMessage({ to: '1', hexContent: 'abc' })).toThrow(InvalidRequestError);
    expect(() => buildJasminMessage({ to: '1', hexContent: 'zz' })).toThrow(InvalidRequestError);
    expect(() => buildJasminMessage({ to: '1', hexContent: 'ff', coding: 11 })).toThrow(/coding 11/);
    expect(() => buildJasminMessage({ to: '1', hexContent: 'ff', text: 'x' })).toThrow(InvalidRequestError);
    expect(() => buildJasminMessage({ to: '1' })).toThrow(InvalidRequestError);
  });

  it('asks for DLRs with url, level and method (defaults 1 and POST)', () => {
    expect(buildJasminMessage({ to: '1', text: 'x', dlr: { url: 'http://192.168.202.54/dlr_receiver.php', level: 3 } })).toEqual({
      to: '1',
      content: 'x',
      dlr: 'yes',
      'dlr-url': 'http://192.168.202.54/dlr_receiver.php',
      'dlr-level': 3,
      'dlr-method': 'POST',
    });
    expect(buildJasminMessage({ to: '1', text: 'x', dlr: { url: 'http://h/d' } })).toMatchObject({ 'dlr-level': 1, 'dlr-method': 'POST' });
    expect(() => buildJasminMessage({ to: '1', text: 'x', dlr: { url: 'ftp://h/d' } })).toThrow(InvalidRequestError);
    expect(() => buildJasminMessage({ to: '1', text: 'x', dlr: { url: 'http://h', level: 4 as 1 } })).toThrow(/dlr-level/);
  });

  it('treats underscores and hyphens as the same key: extras replace, never duplicate', () => {
    const body = buildJasminMessage({ to: '1', text: 'x', dlr: { url: 'http://h/d' }, extra: { dlr_level: 2, validity_period: 30, tags: '7' } });
    expect(body).toEqual({ to: '1', content: 'x', dlr: 'yes', 'dlr-url': 'http://h/d', dlr_level: 2, 'dlr-method': 'POST', validity_period: 30, tags: '7' });
    expect(() => buildJasminMessage({ to: '1', text: 'x', extra: { hex_content: 'ff' } })).toThrow(InvalidRequestError);
    expect(() => buildJasminMessage({ to: '1', text: 'x', extra: { password: 'x' } })).toThrow(InvalidRequestError);
    expect(canonicalJasminFields({ dlr_url: 'a', 'dlr-url': 'b', hex_content: 'c' })).toEqual({ 'dlr-url': 'b', 'hex-content': 'c' });
  });

  it('validates validity, priority and destinations', () => {
    expect(buildJasminMessage({ to: '1', text: 'x', validityMinutes: 60, priority: 2 })).toMatchObject({ 'validity-period': 60, priority: 2 });
    expect(() => buildJasminMessage({ to: '1', text: 'x', validityMinutes: 0 })).toThrow(InvalidRequestError);
    expect(() => buildJasminMessage({ to: '1', text: 'x', priority: 4 })).toThrow(InvalidRequestError);
    expect(() => buildJasminMessage({ to: '+44 7700', text: 'x' })).toThrow(InvalidRequestError);
    expect(() => buildJasminMessage({ to: [], text: 'x' })).toThrow(InvalidRequestError);
  });
});

describe('Jasmin batches', () => {
  it('builds globals, messages with several destinations and batch_config', () => {
    const body = buildJasminBatchBody({
      globals: { from: 'Brand2', 'dlr-level': 3, dlr: 'yes', 'dlr-url': 'http://some.fancy/url' },
      messages: [
        { from: 'Brand1', to: ['55555551', '55555552'], text: 'Message 1' },
        { to: '7777771', text: 'Holà !', encoding: 'ucs2' },
      ],
      callbackUrl: 'http://127.0.0.1:7877/successful_batch',
      errbackUrl: 'http://127.0.0.1:7877/errored_batch',
      scheduleAt: '86400s',
    });
    expect(body).toEqual({
      globals: { from: 'Brand2', 'dlr-level': 3, dlr: 'yes', 'dlr-url': 'http://some.fancy/url' },
      messages: [
        { from: 'Brand1', to: ['55555551', '55555552'], content: 'Message 1' },
        { to: '7777771', coding: 8, hex_content: '0048006F006C00E000200021' },
      ],
      batch_config: { callback_url: 'http://127.0.0.1:7877/successful_batch', errback_url: 'http://127.0.0.1:7877/errored_batch', schedule_at: '86400s' },
    });
    expect(buildJasminBatchBody({ messages: [{ to: '1', text: 'x' }] })).toEqual({ messages: [{ to: '1', content: 'x' }] });
    expect(() => buildJasminBatchBody({ messages: [] })).toThrow(InvalidRequestError);
    expect(() => buildJasminBatchBody({ messages: [{ to: '1', text: 'x' }], globals: { password: 'x' } })).toThrow(InvalidRequestError);
  });

  it('formats schedule_at in both forms', () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 15, 10, 30, 0));
    const tomorrow = new Date(Date.UTC(2026, 0, 16, 10, 30, 0));
    expect(formatJasminScheduleAt(tomorrow, clock)).toBe('86400s');
    expect(formatJasminScheduleAt(new Date(clock.now() + 1500), clock)).toBe('2s');
    expect(formatJasminScheduleAt({ inSeconds: 3600 }, clock)).toBe('3600s');
    expect(formatJasminScheduleAt(tomorrow, clock, { form: 'absolute' })).toBe('2026-01-16 10:30:00');
    expect(formatJasminScheduleAt(tomorrow, clock, { form: 'absolute', serverTimeZone: 'Asia/Dubai' })).toBe('2026-01-16 14:30:00');
    expect(() => formatJasminScheduleAt(new Date(clock.now() - 1000), clock)).toThrow(/future/);
    expect(() => formatJasminScheduleAt({ inSeconds: 0 }, clock)).toThrow(InvalidRequestError);
    expect(() => formatJasminScheduleAt(tomorrow, clock, { form: 'absolute', serverTimeZone: 'Nowhere/Else' })).toThrow(InvalidRequestError);
  });
});

describe('Python-style JSON', () => {
  it('writes what json.dumps writes', () => {
    expect(pythonJson({ data: 'Success "c723d42a' })).toBe('{"data": "Success \\"c723d42a"}');
    expect(pythonJson({ data: { balance: 10.23, sms_count: 'ND' } })).toBe('{"data": {"balance": 10.23, "sms_count": "ND"}}');
    expect(pythonJson({ a: [1, 'é'], b: new PythonFloat(2) })).toBe('{"a": [1, "\\u00e9"], "b": 2.0}');
  });
});
