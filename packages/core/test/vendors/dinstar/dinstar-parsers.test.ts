import { createHash } from 'node:crypto';
import * as dinstar from '../../../src/vendors/dinstar';
import { GatewayMalformedResponseError, GatewayRejectedError, InvalidRequestError } from '../../../src/errors';

const {
  dinstarTpStatusState,
  dinstarResultState,
  parseDinstarSmsResults,
  parseDinstarDeliverStatuses,
  parseDinstarIncomingSms,
  parseDinstarPortInfo,
  parseDinstarUssdReplies,
  parseDinstarUssdSendStatuses,
  planDinstarSendChunks,
  dinstarMessageId,
  parseDinstarMessageId,
  parseDinstarInboxCursor,
  readDinstarAnswer,
  parseDigestChallenge,
  DigestClientSession,
} = dinstar;

const response = (body: string, status = 200) => ({ status, headers: { 'content-type': 'application/json' }, body });
const read = (body: string, successCodes = [200]) => readDinstarAnswer(response(body), { operation: 'send_sms', successCodes, idempotent: false, secrets: [] });

describe('dinstar status vocabularies', () => {
  it('maps TP-Status: 0–31 delivered, 32–63 still trying, 64+ failed, validity expiry expired', () => {
    expect([0, 1, 2, 31].map(dinstarTpStatusState)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    expect([32, 48, 63].map(dinstarTpStatusState)).toEqual(['sent', 'sent', 'sent']);
    expect([64, 65, 96, 255].map(dinstarTpStatusState)).toEqual(['failed', 'failed', 'failed', 'failed']);
    expect([70, 101].map(dinstarTpStatusState)).toEqual(['expired', 'expired']);
    expect([-1, 256, 1.5].map(dinstarTpStatusState)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('maps send results, also the OCR spelling with a space', () => {
    expect(['FAILED', 'SENDING', 'SENT_OK', 'DELIVERED', 'SENT OK', 'odd'].map(dinstarResultState)).toEqual(['failed', 'queued', 'sent', 'delivered', 'sent', 'unknown']);
  });
});

describe('dinstar readers', () => {
  it('reads query_sms_result entries (the seed example, corrected)', () => {
    const [result] = parseDinstarSmsResults([
      { port: 0, user_id: 1, number: '12351', time: '2014-12-21 12:06:01', status: 'SENT_OK', count: 3, succ_count: 3, ref_id: 12, imsi: '460004642148063' },
      { number: 'no port' },
    ]);
    expect(result).toMatchObject({ port: 0, userId: 1, number: '12351', status: 'SENT_OK', state: 'sent', count: 3, succCount: 3, refId: 12, imsi: '460004642148063' });
  });

  it('reads the delivery status example of the notes', () => {
    const body = '{"error_code":200,"sn":"xxxx-xxxx-xxxx-xxxx","result":[{"port":1,"number":"10086","time":"2016-07-12 15:46:53","ref_id":215,"status_code":0,"imsi":"460004642148063"}]}';
    const answer = read(body);
    expect(answer.sn).toBe('xxxx-xxxx-xxxx-xxxx');
    expect(parseDinstarDeliverStatuses(answer.body.result)).toEqual([
      { port: 1, number: '10086', time: '2016-07-12 15:46:53', refId: 215, statusCode: 0, state: 'delivered', imsi: '460004642148063', raw: expect.any(Object) },
    ]);
  });

  it('reads incoming SMS, port info and USSD answers', () => {
    expect(parseDinstarIncomingSms([{ incoming_sms_id: 1, port: 2, number: '123456789', smsc: '+8613800123456', timestamp: '2014-12-09 17:11:18', text: 'This is a test' }])).toEqual([
      { incomingSmsId: 1, port: 2, number: '123456789', smsc: '+8613800123456', timestamp: '2014-12-09 17:11:18', text: 'This is a test', raw: expect.any(Object) },
    ]);
    const [noSim, registered] = parseDinstarPortInfo([
      { port: 1, type: 'WCDMA', imei: '863070017005173', imsi: '', iccid: '', smsc: '', number: '', reg: 'NO_SIM' },
      { port: 2, type: 'GSM', imei: '358967042917201', imsi: '460016529802215', iccid: '89860114840400428150', smsc: '+8613010868500', number: '', reg: 'REGISTER_OK', signal: 24 },
    ]);
    expect(noSim).toMatchObject({ port: 1, reg: 'NO_SIM', imsi: '' });
    expect(registered).toMatchObject({ port: 2, reg: 'REGISTER_OK', iccid: '89860114840400428150', raw: { signal: 24 } });
    expect(parseDinstarUssdReplies([{ port: 1, text: ' ' }, { port: 2, text: 'Test..' }, { port: 3, text: '' }])).toEqual([
      { port: 1, text: ' ', hasReply: false },
      { port: 2, text: 'Test..', hasReply: true },
      { port: 3, text: '', hasReply: false },
    ]);
    expect(parseDinstarUssdSendStatuses([{ port: 1, status: 200 }, { port: 2, status: 486 }, { status: 503 }])).toEqual([
      { port: 1, status: 200 },
      { port: 2, status: 486 },
    ]);
  });

  it('round-trips message ids and cursors', () => {
    expect(parseDinstarMessageId(dinstarMessageId(42, '+8613800000000'))).toEqual({ userId: 42, number: '+8613800000000' });
    expect(parseDinstarMessageId('abc')).toBeUndefined();
    expect([undefined, '', '17', '"17"', 'x', '-3'].map((cursor) => parseDinstarInboxCursor(cursor))).toEqual([0, 0, 17, 17, 0, 0]);
  });
});

describe('dinstar error_code in 200 bodies', () => {
  it('returns successes with their sn', () => {
    expect(read('{"error_code":202,"sms_in_queue":2,"task_id":2}', [202])).toMatchObject({ errorCode: 202, body: { task_id: 2 } });
    // The OCR'd seed writes `error code`; read it as well.
    expect(read('{"error code":200,"result":[]}').errorCode).toBe(200);
  });

  it.each([
    [400, /format is not valid/, false],
    [404, /not found/, false],
    [413, /too many numbers/, false],
    [500, /internal error/, false],
    [550, /no port is available/, true],
    [999, /unknown error_code 999/, false],
  ])('error_code %d → rejected with advice', (code, advice, retryable) => {
    let error: GatewayRejectedError | undefined;
    try {
      read(`{"error_code":${code},"sn":"dc42-0b30-7a1e-5f21"}`);
    } catch (caught) {
      error = caught as GatewayRejectedError;
    }
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect(error!.vendorCode).toBe(code);
    expect(error!.retryable).toBe(retryable);
    expect(error!.message).toMatch(advice);
    expect(error!.details).toMatchObject({ gateway: 'dinstar', operation: 'send_sms', sn: 'dc42-0b30-7a1e-5f21' });
  });

  it('refuses answers without error_code or not objects', () => {
    expect(() => read('{"result":[]}')).toThrow(GatewayMalformedResponseError);
    expect(() => read('[1]')).toThrow(GatewayMalformedResponseError);
    expect(() => read('{"error_code":20')).toThrow(/truncated/);
  });
});

describe('dinstar send chunks', () => {
  const recipients = (count: number, params?: string[]) => Array.from({ length: count }, (_, index) => ({ number: `1380000${String(index).padStart(4, '0')}`, userId: index, ...(params ? { textParams: params } : {}) }));

  it('keeps at most 128 numbers per request, in order', () => {
    const chunks = planDinstarSendChunks('hi', recipients(300));
    expect(chunks.map((chunk) => chunk.length)).toEqual([128, 128, 44]);
    expect(chunks.flat().map((recipient) => recipient.userId)).toEqual(Array.from({ length: 300 }, (_, index) => index));
  });

  it('keeps the text and #param# values within the byte limit', () => {
    const chunks = planDinstarSendChunks('#param#', recipients(10, ['x'.repeat(400)]));
    expect(chunks.map((chunk) => chunk.length)).toEqual([3, 3, 3, 1]);
    expect(() => planDinstarSendChunks('é'.repeat(751), recipients(1))).toThrow(InvalidRequestError);
    expect(() => planDinstarSendChunks('#param#', recipients(1, ['x'.repeat(1500)]))).toThrow(/shorten/);
    expect(planDinstarSendChunks('x', [], { maxNumbers: 2, maxTextBytes: 10 })).toEqual([]);
  });
});

describe('Digest client', () => {
  it('parses a challenge beside other schemes', () => {
    expect(parseDigestChallenge('Basic realm="x", Digest realm="dinstar", qop="auth,auth-int", nonce="abc", opaque="o", algorithm=MD5, stale=true')).toEqual({
      realm: 'dinstar',
      nonce: 'abc',
      qop: 'auth',
      opaque: 'o',
      algorithm: 'MD5',
      stale: true,
    });
    expect(parseDigestChallenge('Basic realm="x"')).toBeUndefined();
    expect(parseDigestChallenge(undefined)).toBeUndefined();
  });

  it('computes the RFC 2617 example response and counts nonces', () => {
    const session = new DigestClientSession('Mufasa', 'Circle Of Life', () => '0a4f113b');
    session.accept(parseDigestChallenge('Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"')!);
    const header = session.authorization('GET', '/dir/index.html')!;
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('nc=00000001');
    expect(session.authorization('GET', '/dir/index.html')).toContain('nc=00000002');
    expect(header).not.toContain('Circle Of Life');
  });

  it('answers the old form without qop, and MD5-sess', () => {
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    const session = new DigestClientSession('u', 'p', () => 'c');
    session.accept({ realm: 'r', nonce: 'n', algorithm: 'MD5', stale: false });
    expect(session.authorization('POST', '/api/x')).toContain(`response="${md5(`${md5('u:r:p')}:n:${md5('POST:/api/x')}`)}"`);
    session.accept({ realm: 'r', nonce: 'n', qop: 'auth', algorithm: 'MD5-sess', stale: false });
    const ha1 = md5(`${md5('u:r:p')}:n:c`);
    expect(session.authorization('POST', '/api/x')).toContain(`response="${md5(`${ha1}:n:00000001:c:auth:${md5('POST:/api/x')}`)}"`);
  });

  it('recomputes the credentials hash when a new challenge changes the realm or the algorithm', () => {
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const session = new DigestClientSession('u', 'p', () => 'c');
    session.accept({ realm: 'r1', nonce: 'n', algorithm: 'MD5', stale: false });
    expect(session.authorization('GET', '/a')).toContain(`response="${md5(`${md5('u:r1:p')}:n:${md5('GET:/a')}`)}"`);
    session.accept({ realm: 'r2', nonce: 'n', algorithm: 'MD5', stale: false });
    expect(session.authorization('GET', '/a')).toContain(`response="${md5(`${md5('u:r2:p')}:n:${md5('GET:/a')}`)}"`);
    session.accept({ realm: 'r2', nonce: 'n', algorithm: 'SHA-256', stale: false });
    expect(session.authorization('GET', '/a')).toContain(`response="${sha256(`${sha256('u:r2:p')}:n:${sha256('GET:/a')}`)}"`);
  });

  it('escapes quotes and backslashes in quoted values', () => {
    const session = new DigestClientSession('ad"m\\in', 'p', () => 'c');
    session.accept({ realm: 'r"1', nonce: 'n', algorithm: 'MD5', stale: false });
    const header = session.authorization('GET', '/a')!;
    expect(header).toContain('username="ad\\"m\\\\in"');
    expect(header).toContain('realm="r\\"1"');
  });

  it('draws a fresh 64-bit client nonce for every request, past the end of its random pool', () => {
    const session = new DigestClientSession('u', 'p');
    session.accept({ realm: 'r', nonce: 'n', qop: 'auth', algorithm: 'MD5', stale: false });
    const nonces = new Set<string>();
    // 4 KiB of random bytes hold 512 nonces: this crosses two refills.
    for (let index = 0; index < 1_500; index += 1) {
      const cnonce = /cnonce="([^"]*)"/.exec(session.authorization('GET', '/a')!)?.[1];
      expect(cnonce).toMatch(/^[0-9a-f]{16}$/);
      nonces.add(cnonce!);
    }
    expect(nonces.size).toBe(1_500);
  });
});
