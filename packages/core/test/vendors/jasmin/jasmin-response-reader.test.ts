import { GatewayAuthError, GatewayMalformedResponseError, GatewayRateLimitedError, GatewayRejectedError, GatewayUnreachableError } from '../../../src/errors';
import * as jasmin from '../../../src/vendors/jasmin';

const { readJasminSendResult, readJasminBatchResult, readJasminBalance, readJasminRate, readJasminPing, jasminErrorFor } = jasmin;
const json = (status: number, body: string, contentType = 'application/json') => ({ status, headers: { 'content-type': contentType }, body });
const UUID = 'c723d42a-c3ee-452c-940b-3d8e8b944868';

describe('Jasmin answers that succeed', () => {
  it('reads the id from "Success \\"<uuid>" without its closing quote', () => {
    expect(readJasminSendResult(json(200, `{"data": "Success \\"${UUID}"}`))).toBe(UUID);
    expect(readJasminSendResult(json(200, `{"data": "Success \\"${UUID}\\""}`))).toBe(UUID);
    expect(readJasminSendResult(json(200, `{"data": "Success \\"${UUID.toUpperCase()}"}`, 'text/html'))).toBe(UUID);
  });

  it('reads a batch, scheduled or not', () => {
    expect(readJasminBatchResult(json(200, '{"data": {"batchId": "af268b6b-1ace-4413-b9d2-529f4942fd9e", "messageCount": 3}}'))).toEqual({
      batchId: 'af268b6b-1ace-4413-b9d2-529f4942fd9e',
      messageCount: 3,
    });
    expect(readJasminBatchResult(json(200, '{"data": {"batchId": "b", "messageCount": 1, "scheduled": "86400s"}}')).scheduled).toBe('86400s');
  });

  it('reads balances as numbers or strings, and ND as not defined', () => {
    expect(readJasminBalance(json(200, '{"data": {"balance": 10.23, "sms_count": "ND"}}'))).toEqual({ balance: 10.23, raw: { balance: 10.23, sms_count: 'ND' } });
    expect(readJasminBalance(json(200, '{"data": {"balance": "10.23", "sms_count": 100}}'))).toMatchObject({ balance: 10.23, smsCount: 100 });
    expect(readJasminBalance(json(200, '{"data": {"balance": "ND", "sms_count": "ND"}}'))).toEqual({ raw: { balance: 'ND', sms_count: 'ND' } });
  });

  it('reads rate and ping', () => {
    expect(readJasminRate(json(200, '{"data": {"submit_sm_count": 2, "unit_rate": 2.8}}'))).toMatchObject({ submitSmCount: 2, unitRate: 2.8 });
    expect(readJasminPing(json(200, '{"data": "Jasmin/PONG"}'))).toBe('Jasmin/PONG');
  });
});

describe('Jasmin answers that fail: the notes table', () => {
  const send = { operation: 'send' as const, secrets: [] };
  const errorOf = (status: number, body: string, operation: 'send' | 'sendbatch' | 'balance' = 'send') =>
    jasminErrorFor(json(status, body), { operation, secrets: [] });

  it('403 on send/balance is an auth error', () => {
    const error = errorOf(403, '{"message": "Error \\"Authentication failure for username:foo"}');
    expect(error).toBeInstanceOf(GatewayAuthError);
    expect(error.details).toMatchObject({ httpStatus: 403, gatewayText: 'Authentication failure for username:foo' });
    expect(errorOf(403, '{"message": "Error \\"Authentication failure for username:foo"}', 'balance')).toBeInstanceOf(GatewayAuthError);
  });

  it('412 on sendbatch is an auth error', () => {
    expect(errorOf(412, '{"title": "Authentication failed", "description": "Authentication failed for user: foo"}', 'sendbatch')).toBeInstanceOf(GatewayAuthError);
  });

  it('401 asks for a Basic header', () => {
    const error = errorOf(401, '{"title": "Authentication required", "description": "Please provide a valid Basic auth token", "link": {}}');
    expect(error).toBeInstanceOf(GatewayAuthError);
    expect(error.message).toMatch(/Basic/);
  });

  it('400 unknown argument or bad to', () => {
    const unknown = errorOf(400, '{"message": "Error \\"Argument [foo] is unknown."}') as InstanceType<typeof GatewayRejectedError>;
    expect(unknown).toBeInstanceOf(GatewayRejectedError);
    expect(unknown.vendorCode).toBe('unknown-argument');
    expect(unknown.message).toMatch(/Argument \[foo\] is unknown/);
    const bad = errorOf(400, '{"message": "Error \\"Argument [to] has an invalid value: [abc]."}') as InstanceType<typeof GatewayRejectedError>;
    expect(bad.vendorCode).toBe('invalid-argument');
  });

  it.each([
    ['{"message": "Error \\"No route found"}', 'no-route'],
    ['{"title": "Cannot parse JSON data", "description": "Got unparseable json data: {"}', 'json-unparseable'],
    ['{"title": "Cannot parse scheduled_at value", "description": "Got unknown format: x"}', 'schedule-unparseable'],
    ['{"title": "Cannot schedule batch in past date", "description": "Invalid past date given: 2017-01-01 00:00:00"}', 'schedule-in-past'],
  ])('412 %s → %s', (body, code) => {
    const error = errorOf(412, body) as InstanceType<typeof GatewayRejectedError>;
    expect(error).toBeInstanceOf(GatewayRejectedError);
    expect(error.vendorCode).toBe(code);
    expect(error.retryable).toBe(false);
  });

  it('404 and 405 point at the base URL', () => {
    const notFound = errorOf(404, '{"title": "404 Not Found"}') as InstanceType<typeof GatewayRejectedError>;
    expect(notFound.vendorCode).toBe('not-found');
    expect(notFound.message).toMatch(/base URL/);
    expect((errorOf(405, '{"title": "405 Method Not Allowed"}') as InstanceType<typeof GatewayRejectedError>).vendorCode).toBe('method-not-allowed');
  });

  it('charging, throughput, media type and the HTTP API being down', () => {
    expect((errorOf(403, '{"message": "Error \\"Cannot charge submit_sm, check RouterPB log file for details"}') as InstanceType<typeof GatewayRejectedError>).vendorCode).toBe('insufficient-balance');
    expect(errorOf(403, '{"message": "Error \\"User throughput exceeded"}')).toBeInstanceOf(GatewayRateLimitedError);
    expect((errorOf(415, '{"title": "Unsupported media type"}') as InstanceType<typeof GatewayRejectedError>).vendorCode).toBe('unsupported-media-type');
    const down = errorOf(500, '{"title": "Jasmin httpapi connection error", "description": "Could not connect to Jasmin http api"}');
    expect(down).toBeInstanceOf(GatewayUnreachableError);
    expect(down.retryable).toBe(true);
  });

  it('non-JSON error pages are malformed answers, 401/403 pages auth errors', () => {
    expect(errorOf(502, '<html><head><title>502 Bad Gateway</title></head></html>')).toBeInstanceOf(GatewayMalformedResponseError);
    expect(errorOf(500, '')).toBeInstanceOf(GatewayMalformedResponseError);
    expect(errorOf(403, '<html>Forbidden</html>')).toBeInstanceOf(GatewayAuthError);
    expect(errorOf(401, '')).toBeInstanceOf(GatewayAuthError);
  });

  it.each([
    ['truncated JSON', '{"data": "Success \\"c723d4'],
    ['an HTML page', '<!DOCTYPE html><html><body>Welcome to nginx</body></html>'],
    ['an empty body', ''],
    ['JSON without data', '{"status": "ok"}'],
    ['a success without an id', '{"data": "Success"}'],
    ['an error text with status 200', '{"data": "Error \\"No route found"}'],
  ])('200 with %s is malformed', (_name, body) => {
    expect(() => readJasminSendResult(json(200, body))).toThrow(GatewayMalformedResponseError);
  });

  it('never repeats a secret in details', () => {
    const error = jasminErrorFor(json(412, '{"title": "Cannot parse JSON data", "description": "Got unparseable json data: {\\"password\\": \\"hunter22\\"}"}'), {
      ...send,
      secrets: ['hunter22'],
    });
    expect(JSON.stringify(error)).not.toContain('hunter22');
  });
});
