import { systemClock } from '../../../src/clock/clock';
import { GatewayRejectedError, GatewayTimeoutError } from '../../../src/errors';
import { failedSendFields, givenConnectionOptions, planGatewayText, sendRetryPolicyFor } from '../../../src/vendors/shared';

describe('client plumbing shared by the vendor clients', () => {
  it('keeps only the connection settings that were given, a zero timeout counting as not given', () => {
    expect(givenConnectionOptions({ connectTimeoutMs: 0, requestTimeoutMs: 5_000 })).toEqual({ requestTimeoutMs: 5_000 });
    expect(Object.keys(givenConnectionOptions({ clock: systemClock, tls: { rejectUnauthorized: false } }))).toEqual(['clock', 'tls']);
  });

  it('turns retries off only for false', () => {
    expect(sendRetryPolicyFor(false, systemClock)).toBeUndefined();
    expect(sendRetryPolicyFor(undefined, systemClock)).toBeDefined();
  });

  it('marks a timed-out send unknown and a refused one failed, with the vendor code when there is one', () => {
    const timeout = new GatewayTimeoutError('slow', { details: { gateway: 'jasmin' } });
    expect(failedSendFields(timeout)).toEqual({ accepted: false, state: 'unknown', errorCode: timeout.code, errorMessage: 'slow' });
    const refused = new GatewayRejectedError('no route', 'no-route', { details: { gateway: 'jasmin' } });
    expect(failedSendFields(refused)).toMatchObject({ state: 'failed', errorCode: 'no-route' });
  });

  it('plans a text and names the gateway when it cannot go in the encoding asked for', () => {
    expect(planGatewayText('routesms', 'hello')).toEqual({ encoding: 'gsm7', text: 'hello', parts: 1 });
    expect(planGatewayText('jasmin', 'привет').encoding).toBe('ucs2');
  });
});
