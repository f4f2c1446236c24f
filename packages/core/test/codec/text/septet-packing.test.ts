import fc from 'fast-check';
import { CodecError, fillBitsAfterHeader, packedOctetCount, packSeptets, unpackSeptets } from '@smsbridge/core';

const hex = (octets: Uint8Array) => Buffer.from(octets).toString('hex').toUpperCase();
const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

/** Independent oracle: lay septets out as a little-endian bit string, then cut octets. */
function packByBitString(septets: number[], fillBits: number): string {
  let bits = '0'.repeat(fillBits);
  for (const septet of septets) bits += septet.toString(2).padStart(7, '0').split('').reverse().join('');
  while (bits.length % 8 !== 0) bits += '0';
  let out = '';
  for (let i = 0; i < bits.length; i += 8) {
    const octet = parseInt(bits.slice(i, i + 8).split('').reverse().join(''), 2);
    out += octet.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

describe('packSeptets / unpackSeptets', () => {
  it('packs the published "hellohello" sample', () => {
    expect(hex(packSeptets(ascii('hellohello')))).toBe('E8329BFD4697D9EC37');
  });

  it('packs the published "How are you?" sample', () => {
    expect(hex(packSeptets(ascii('How are you?')))).toBe('C8F71D14969741F977FD07');
  });

  it('unpacks the published sample back', () => {
    const octets = Uint8Array.from(Buffer.from('E8329BFD4697D9EC37', 'hex'));
    expect(String.fromCharCode(...unpackSeptets(octets, 10))).toBe('hellohello');
  });

  it('puts fill bits first so text after a 6-octet UDH starts on a septet boundary', () => {
    expect(fillBitsAfterHeader(6)).toBe(1);
    expect(fillBitsAfterHeader(7)).toBe(0);
    expect(fillBitsAfterHeader(9)).toBe(5);
    expect(fillBitsAfterHeader(12)).toBe(2);
    expect(fillBitsAfterHeader(0)).toBe(0);
    expect(hex(packSeptets(ascii('Hi'), 1))).toBe(packByBitString(ascii('Hi'), 1));
  });

  it('matches a bit-string oracle for every fill bit count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 60 }), fc.integer({ min: 0, max: 6 }), (septets, fillBits) => {
        expect(hex(packSeptets(septets, fillBits))).toBe(packByBitString(septets, fillBits));
      }),
      { numRuns: 300, seed: 2301 },
    );
  });

  it('round-trips for every fill bit count and offset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 5 }),
        (septets, fillBits, offset) => {
          const packed = packSeptets(septets, fillBits);
          expect(packed.length).toBe(packedOctetCount(septets.length, fillBits));
          const framed = new Uint8Array(offset + packed.length);
          framed.set(packed, offset);
          expect(unpackSeptets(framed, septets.length, fillBits, offset)).toEqual(septets);
        },
      ),
      { numRuns: 500, seed: 2302 },
    );
  });

  it('throws SMSB_CODEC_TRUNCATED at the first missing octet', () => {
    const octets = Uint8Array.from([0xe8, 0x32, 0x9b]);
    try {
      unpackSeptets(octets, 5);
      throw new Error('expected a CodecError');
    } catch (error) {
      expect(error).toBeInstanceOf(CodecError);
      expect((error as CodecError).code).toBe('SMSB_CODEC_TRUNCATED');
      expect((error as CodecError).offset).toBe(3);
    }
  });

  it('rejects fill bits outside 0–6 and septets above 127', () => {
    expect(() => packSeptets([1], 7)).toThrow(expect.objectContaining({ code: 'SMSB_CODEC_BAD_OPTION' }));
    expect(() => packSeptets([128])).toThrow(expect.objectContaining({ code: 'SMSB_CODEC_BAD_FIELD' }));
    expect(() => unpackSeptets(new Uint8Array(2), 1, -1)).toThrow(CodecError);
  });
});
