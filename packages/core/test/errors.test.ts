import { CodecError, SmsBridgeError } from '@smsbridge/core';

describe('error base', () => {
  it('codec errors carry code, offset and say where', () => {
    const error = new CodecError('SMSB_CODEC_TRUNCATED', 'user data ends early', 17);
    expect(error).toBeInstanceOf(SmsBridgeError);
    expect(error.message).toBe('user data ends early (at octet 17)');
    expect(error.toJSON()).toMatchObject({ code: 'SMSB_CODEC_TRUNCATED', retryable: false, details: { offset: 17 } });
  });
});
