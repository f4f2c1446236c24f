import { parseUssdReply, ussdAlphabet } from '../../src/modem/ussd/ussd-reply';
import { ussdRequestText } from '../../src/modem/ussd/ussd-request-text';

describe('+CUSD replies', () => {
  it('reads plain GSM text (DCS 15) and keeps digit-only replies as they are', () => {
    expect(parseUssdReply('+CUSD: 0,"Your balance is 5.00",15')).toMatchObject({ status: 0, text: 'Your balance is 5.00', dcs: 15 });
    expect(parseUssdReply('+CUSD: 0,"12345",15')?.text).toBe('12345');
  });

  it('decodes UCS-2 hex (DCS 72)', () => {
    expect(parseUssdReply('+CUSD: 1,"04110430043B0430043D0441",72')).toMatchObject({ status: 1, text: 'Баланс' });
  });

  it('decodes Huawei packed septets and round-trips the request form', () => {
    expect(ussdRequestText('*100#', 'packed-hex')).toBe('AA180C3602');
    expect(parseUssdReply('+CUSD: 0,"AA180C3602",15', 'packed-hex')?.text).toBe('*100#');
  });

  it('reads status-only replies', () => {
    expect(parseUssdReply('+CUSD: 2')).toEqual({ status: 2, text: undefined, rawText: undefined, dcs: undefined });
    expect(parseUssdReply('+CUSD: 4')).toMatchObject({ status: 4 });
  });

  it('knows the CBS alphabets', () => {
    expect([0x0f, 0x48, 0x44, 0x11, 0x00, 0xf4].map(ussdAlphabet)).toEqual(['gsm7', 'ucs2', '8bit', 'ucs2', 'gsm7', '8bit']);
  });
});
