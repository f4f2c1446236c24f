import fc from 'fast-check';
import { decodeGsm7, encodeGsm7, gsm7Length } from '../../../src/codec/gsm7';
import { fitsDefaultAlphabet, packCountedDefaultAlphabet, packDefaultAlphabet, septetAt, unpackDefaultAlphabet } from '../../../src/codec/pdu/default-alphabet-fast-path';
import { packSeptets, unpackSeptets } from '../../../src/codec/septet-packing';

const GSM_CHARS = [...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\n\r^{}\\[~]|€\f'];

describe('the PDU fast path agrees with the GSM-7 codec', () => {
  it('packs like packSeptets(encodeGsm7(text)), and refuses exactly what gsm7Length refuses or what is over the limit', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...GSM_CHARS), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), { maxLength: 120 }).map((c) => c.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 300 }), (t, fillBits, max) => {
        const length = gsm7Length(t);
        expect(fitsDefaultAlphabet(t)).toBe(length >= 0);
        const packed = packDefaultAlphabet(t, fillBits);
        if (length < 0) expect(packed).toBeUndefined();
        else expect(packed).toEqual({ octets: packSeptets(encodeGsm7(t), fillBits), septets: length });
        const limited = packDefaultAlphabet(t, fillBits, max);
        if (length < 0 || length > max) expect(limited).toBeUndefined();
        else expect(limited?.septets).toBe(length);
      }),
      { numRuns: 1000 },
    );
  });

  it('packs with a known septet count only when the count is right', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GSM_CHARS), { maxLength: 160 }).map((c) => c.join('')), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -3, max: 3 }), (t, fillBits, error) => {
        const length = gsm7Length(t);
        const packed = packCountedDefaultAlphabet(t, fillBits, length + error);
        // A wrong count changes the octet count only sometimes; when it does not, the octets are still right.
        if (packed === undefined) expect(error).not.toBe(0);
        else expect(Array.from(packed.octets)).toEqual(Array.from(packSeptets(encodeGsm7(t), fillBits)));
      }),
      { numRuns: 1000 },
    );
  });

  it('unpacks and decodes like decodeGsm7(unpackSeptets(...)), escapes included', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 127 }), fc.constant(0x1b)), { maxLength: 200 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (septets, fillBits, offset) => {
        const packed = packSeptets(septets, fillBits);
        const octets = new Uint8Array(offset + packed.length);
        octets.set(packed, offset);
        expect(septets.map((_, i) => septetAt(octets, i, fillBits, offset))).toEqual(unpackSeptets(octets, septets.length, fillBits, offset));
        expect(unpackDefaultAlphabet(octets, septets.length, fillBits, offset)).toBe(decodeGsm7(septets));
      }),
      { numRuns: 2000 },
    );
  });
});
