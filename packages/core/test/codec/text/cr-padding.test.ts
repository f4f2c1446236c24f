import fc from 'fast-check';
import { encodeGsm7, GSM7_ESCAPE, padPackedSeptets, unpadPackedSeptets } from '../../../src/codec/gsm7';
import { packSeptets, unpackSeptets } from '../../../src/codec/septet-packing';

const CR = 0x0d;

/** What a receiver reads from the octets alone: as many septets as they hold. */
function throughOctets(septets: number[]): number[] {
  const octets = packSeptets(septets);
  return unpackSeptets(octets, Math.floor((octets.length * 8) / 7));
}

describe('CR padding of packed GSM-7 sized in octets (TS 23.038 §6.1.2.3.1)', () => {
  it('fills seven spare bits with CR and nothing else', () => {
    expect(padPackedSeptets([1, 2, 3, 4, 5, 6, 7])).toEqual([1, 2, 3, 4, 5, 6, 7, CR]);
    expect(padPackedSeptets([1, 2, 3, 4, 5, 6])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(padPackedSeptets([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('doubles a real final CR on an octet boundary, but not the code of an escaped character', () => {
    expect(padPackedSeptets([1, 2, 3, 4, 5, 6, 7, CR])).toEqual([1, 2, 3, 4, 5, 6, 7, CR, CR]);
    expect(padPackedSeptets([1, 2, 3, 4, 5, 6, GSM7_ESCAPE, CR])).toEqual([1, 2, 3, 4, 5, 6, GSM7_ESCAPE, CR]);
    expect(padPackedSeptets([1, 2, 3, 4, 5, GSM7_ESCAPE, GSM7_ESCAPE, CR])).toEqual([1, 2, 3, 4, 5, GSM7_ESCAPE, GSM7_ESCAPE, CR, CR]);
  });

  it('drops what a padding sender added, and the zero bits of one that did not pad', () => {
    expect(unpadPackedSeptets([1, 2, 3, 4, 5, 6, 7, CR])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(unpadPackedSeptets([1, 2, 3, 4, 5, 6, 7, 0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(unpadPackedSeptets([1, 2, 3, 4, 5, 6, 7, CR, CR])).toEqual([1, 2, 3, 4, 5, 6, 7, CR]);
    // Not at a padding position: kept.
    expect(unpadPackedSeptets([1, 2, 3, 4, 5, 6, CR])).toEqual([1, 2, 3, 4, 5, 6, CR]);
    expect(unpadPackedSeptets([1, 2, 3, 4, 5, 6, 7, 8, CR])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, CR]);
    expect(unpadPackedSeptets([1, 2, 3, 4, 5, 6, GSM7_ESCAPE, CR])).toEqual([1, 2, 3, 4, 5, 6, GSM7_ESCAPE, CR]);
  });

  it('brings every GSM-7 text back through the octets, but a final @ on an octet boundary and one CR of a final CR CR after one', () => {
    const gsmText = fc.array(fc.constantFrom(...'ab@\r€{\n '), { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(gsmText, (text) => {
        const septets = encodeGsm7(text);
        const read = unpadPackedSeptets(throughOctets(padPackedSeptets(septets)));
        // Both are indistinguishable from what padding makes of a text one septet shorter (the spec counts CR CR as CR).
        const atBoundary = septets.length % 8 === 0 && septets.at(-1) === 0;
        const doubledCr = septets.length % 8 === 1 && text.endsWith('\r\r');
        const lost = atBoundary || doubledCr;
        expect(read).toEqual(lost ? septets.slice(0, -1) : septets);
      }),
      { numRuns: 2000 },
    );
  });
});
