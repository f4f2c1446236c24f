import * as spangw from '../../../src/vendors/spangw';
import { GatewayAuthError, GatewayMalformedResponseError, GatewayRejectedError } from '../../../src/errors';

const {
  parseSpangwMessageReference,
  formatSpangwMessageReference,
  parseSpangwOutboxPage,
  parseSpangwPushConfig,
  parseSpangwSpans,
  readSpangwEnvelope,
  readSpangwSendOutcome,
  spangwDeliveryState,
  spangwPushConfigFields,
  spangwTextHash,
  toSpangwEnvelope,
} = spangw;

const json = (body: unknown, status = 200) => ({ status, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const read = (body: unknown, successCodes = [0, 200]) =>
  readSpangwEnvelope(json(body), { uri: '/sms/send', successCodes, idempotent: false, secrets: ['hunter2-secret'] });

describe('spangw status literals', () => {
  it('maps DELIVERD (sic), SENT and FAILED, and the corrected spelling too', () => {
    expect(spangwDeliveryState('DELIVERD')).toBe('delivered');
    expect(spangwDeliveryState('DELIVERED')).toBe('delivered');
    expect(spangwDeliveryState('SENT')).toBe('sent');
    expect(spangwDeliveryState('FAILED')).toBe('failed');
    expect(spangwDeliveryState(' deliverd ')).toBe('delivered');
    expect(spangwDeliveryState('WHATEVER')).toBe('unknown');
    expect(spangwDeliveryState(undefined)).toBe('unknown');
  });
});

describe('spangw envelope', () => {
  it('accepts 0 and 200 by default, and a string code', () => {
    expect(read({ uri: '/sms/send', code: 0, msg: 'ok', data: [] }).code).toBe(0);
    expect(read({ uri: '/sms/send', code: 200, msg: 'success', data: [] }).code).toBe(200);
    expect(read({ uri: '/sms/send', code: '200', msg: 'success', data: [1] }).data).toEqual([1]);
  });

  it('honours configured success codes', () => {
    expect(read({ uri: '/x', code: 1, msg: 'success', data: [] }, [1]).code).toBe(1);
    expect(() => read({ uri: '/x', code: 0, msg: 'success', data: [] }, [1])).toThrow(GatewayRejectedError);
  });

  it('says to configure the success code when the gateway said success with another code', () => {
    const error = (() => {
      try {
        read({ uri: '/x', code: 1, msg: 'success', data: [] });
      } catch (caught) {
        return caught as GatewayRejectedError;
      }
      throw new Error('expected a rejection');
    })();
    expect(error.vendorCode).toBe(1);
    expect(error.message).toMatch(/success codes/);
  });

  it('reports an account refusal as an auth error', () => {
    expect(() => read({ uri: '/x', code: 401, msg: 'Authentication failed: wrong username or password', data: [] })).toThrow(GatewayAuthError);
    expect(() => read({ uri: '/x', code: -1, msg: 'login error', data: [] })).toThrow(GatewayAuthError);
  });

  it('refuses JSON that is no envelope and bodies that are no JSON', () => {
    expect(toSpangwEnvelope([1, 2])).toBeUndefined();
    expect(toSpangwEnvelope({ msg: 'no code' })).toBeUndefined();
    expect(() => read({ result: 'ok' })).toThrow(GatewayMalformedResponseError);
    expect(() => read('')).toThrow(GatewayMalformedResponseError);
    expect(() => read('{"uri":"/sms/send","code":20')).toThrow(/truncated/);
    expect(() => read('<html><body>502 Bad Gateway</body></html>')).toThrow(/HTML/);
  });
});

describe('spangw data readers', () => {
  it('reads spans, skipping entries without a port', () => {
    expect(parseSpangwSpans([{ port: 1, port_name: 'gsm-1.1', status: 1 }, { port: '2', port_name: 'gsm-1.2', status: 0 }, { port_name: 'x' }])).toEqual([
      { port: 1, portName: 'gsm-1.1', available: true },
      { port: 2, portName: 'gsm-1.2', available: false },
    ]);
    expect(parseSpangwSpans(null)).toEqual([]);
  });

  it('reads an outbox page given as an array or as a wrapper with a page count', () => {
    const entry = { port_name: 'gsm-1.2', phonenumber: '+447700900123', time: '2024-03-26 14:05:09', message: 'hi', status: 'DELIVERD' };
    const page = parseSpangwOutboxPage([entry], 1);
    expect(page.entries[0]).toMatchObject({ portName: 'gsm-1.2', phoneNumber: '+447700900123', status: 'DELIVERD', state: 'delivered' });
    expect(page.totalPages).toBeUndefined();
    expect(parseSpangwOutboxPage({ list: [entry, entry], total_page: 3 }, 2)).toMatchObject({ page: 2, totalPages: 3, entries: [{}, {}] });
    expect(parseSpangwOutboxPage('nonsense', 1).entries).toEqual([]);
  });

  it('round-trips the push configuration through the wire fields', () => {
    const wire = {
      enable: 1,
      reports_enable: '1',
      results_enable: 0,
      url_http: 'https',
      url_host: 'hooks.example.org',
      url_port: '8443',
      url_path: '/sms/report',
      url_from_num: 'sender',
      url_to_num: 'rcpt',
      url_portname: 'span',
      url_message: 'body',
      url_time: 'when',
      url_imsi: 'imsi',
      url_status: 'state',
      url_user_defined: 'token=abc',
    };
    const config = parseSpangwPushConfig([wire]);
    expect(config).toMatchObject({ enabled: true, reportsEnabled: true, resultsEnabled: false, scheme: 'https', port: '8443', userDefined: 'token=abc' });
    expect(config.names).toEqual({ fromNumber: 'sender', toNumber: 'rcpt', portName: 'span', message: 'body', time: 'when', imsi: 'imsi', status: 'state' });
    expect(spangwPushConfigFields(config)).toEqual({ ...wire, reports_enable: 1 });
  });

  it('reads the send answer by mode', () => {
    expect(readSpangwSendOutcome([], 'async')).toMatchObject({ accepted: true, state: 'queued' });
    expect(readSpangwSendOutcome([], 'sync')).toMatchObject({ accepted: true, state: 'sent' });
    expect(readSpangwSendOutcome([{ status: 'SENT' }], 'sync')).toMatchObject({ accepted: true, state: 'sent', rawStatus: 'SENT' });
    expect(readSpangwSendOutcome({ status: 'FAILED' }, 'sync')).toMatchObject({ accepted: false, state: 'failed' });
  });
});

describe('spangw message reference', () => {
  it('round-trips and refuses foreign ids', () => {
    const reference = { phoneNumber: '+447700900123', sentAt: 1711454709000, textHash: spangwTextHash('hello') };
    expect(parseSpangwMessageReference(formatSpangwMessageReference(reference))).toEqual(reference);
    expect(parseSpangwMessageReference('12345')).toBeUndefined();
    expect(spangwTextHash('hello')).not.toBe(spangwTextHash('hellp'));
  });
});
