import fc from 'fast-check';
import { decodeGsm7, encodeGsm7, gsm7Length } from '../../../src/codec/gsm7';
import { decodeDefaultAlphabet, defaultAlphabetSeptets, fitsDefaultAlphabet } from '../../../src/codec/pdu/default-alphabet-fast-path';

const GSM_CHARS = [...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\n\r^{}\\[~]|€\f'];

describe('the PDU fast path agrees with the GSM-7 codec', () => {
  it('encodes like encodeGsm7, and refuses exactly what gsm7Length refuses', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...GSM_CHARS), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), { maxLength: 120 }).map((c) => c.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 300 }), (t, max) => {
        const fast = defaultAlphabetSeptets(t);
        const length = gsm7Length(t);
        expect(fitsDefaultAlphabet(t)).toBe(length >= 0);
        if (length < 0) expect(fast).toBeUndefined();
        else expect(Array.from(fast!)).toEqual(encodeGsm7(t));
        // With a limit it answers only when the text fits within it.
        const limited = defaultAlphabetSeptets(t, max);
        if (length < 0 || length > max) expect(limited).toBeUndefined();
        else expect(Array.from(limited!)).toEqual(encodeGsm7(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes like decodeGsm7 whenever it answers, and answers whenever there is no escape', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 200 }), (septets) => {
        const fast = decodeDefaultAlphabet(septets);
        if (septets.includes(0x1b)) expect(fast).toBeUndefined();
        else expect(fast).toBe(decodeGsm7(septets));
      }),
      { numRuns: 2000 },
    );
  });
});
