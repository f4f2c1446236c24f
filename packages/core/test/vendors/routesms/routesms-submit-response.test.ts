import { GatewayAuthError, GatewayMalformedResponseError, GatewayRejectedError, GatewayTimeoutError } from '../../../src/errors';
import * as routesms from '../../../src/vendors/routesms';

const { parseRoutesmsSubmitResponse, routesmsRequestFailure, routesmsError, ROUTESMS_ERROR_TABLE, describeRoutesmsCode } = routesms;

describe('Route Mobile submit answers', () => {
  it('reads one success triplet', () => {
    expect(parseRoutesmsSubmitResponse('1701|919898123456|a1b2c3\n')).toEqual([{ code: 1701, destination: '919898123456', messageId: 'a1b2c3' }]);
  });

  it('reads comma-separated triplets and error pairs', () => {
    expect(parseRoutesmsSubmitResponse('1701|447700900123|id-1,1706|abc,1701|447700900124|id-2')).toEqual([
      { code: 1701, destination: '447700900123', messageId: 'id-1' },
      { code: 1706, destination: 'abc', messageId: undefined },
      { code: 1701, destination: '447700900124', messageId: 'id-2' },
    ]);
  });

  it('reads a bare code', () => {
    expect(parseRoutesmsSubmitResponse(' 1703 ')).toEqual([{ code: 1703, destination: undefined, messageId: undefined }]);
  });

  it.each([
    ['empty', ''],
    ['HTML', '<html><body>502 Bad Gateway</body></html>'],
    ['JSON', '{"status":"ok"}'],
    ['a 1701 without id', '1701|447700900123'],
    ['text', 'Service Unavailable'],
  ])('refuses %s bodies as malformed', (_name, body) => {
    expect(() => parseRoutesmsSubmitResponse(body)).toThrow(GatewayMalformedResponseError);
  });

  it('throws for request-wide codes only when nothing was accepted', () => {
    expect(routesmsRequestFailure([{ code: 1703 }])).toBeInstanceOf(GatewayAuthError);
    expect(routesmsRequestFailure([{ code: 1725, destination: '1' }, { code: 1725, destination: '2' }])).toBeInstanceOf(GatewayRejectedError);
    expect(routesmsRequestFailure([{ code: 1701, destination: '1', messageId: 'x' }, { code: 1725, destination: '2' }])).toBeUndefined();
    expect(routesmsRequestFailure([{ code: 1706, destination: 'abc' }])).toBeUndefined();
  });

  it('has every code of the seed, plus 1025 = 1725', () => {
    const seedCodes = [1702, 1703, 1704, 1705, 1706, 1707, 1708, 1709, 1710, 1725, 1715, 1732, 1028, 1041, 1042, 1033, 69, 8, 16, 18];
    for (const code of seedCodes) expect(ROUTESMS_ERROR_TABLE.has(code)).toBe(true);
    expect(describeRoutesmsCode(1025).meaning).toBe(describeRoutesmsCode(1725).meaning);
  });

  it('allows a resubmit on 1709 only; never on 1715 or anything else', () => {
    for (const code of [...ROUTESMS_ERROR_TABLE.keys(), 1, 88, 255]) {
      expect(routesmsError(code).retryable).toBe(code === 1709);
    }
    expect(routesmsError(1715)).toBeInstanceOf(GatewayTimeoutError);
  });

  it('maps codes to the error family', () => {
    expect(routesmsError(1703)).toBeInstanceOf(GatewayAuthError);
    expect(routesmsError(16)).toBeInstanceOf(GatewayAuthError);
    expect(routesmsError(18)).toBeInstanceOf(GatewayAuthError);
    const credit = routesmsError(1025, '447700900123');
    expect(credit).toBeInstanceOf(GatewayRejectedError);
    expect((credit as InstanceType<typeof GatewayRejectedError>).vendorCode).toBe(1025);
    expect(credit.message).toMatch(/top up/);
    expect(credit.details).toMatchObject({ gateway: 'routesms', vendorCode: 1025, destination: '447700900123' });
    const smpp = routesmsError(88);
    expect(smpp).toBeInstanceOf(GatewayRejectedError);
    expect(smpp.message).toMatch(/88/);
  });
});
