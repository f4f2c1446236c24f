import fc from 'fast-check';
import { decodeGsm7, encodeGsm7, gsm7Charset, gsm7Length, readPackedGsm7 } from '../../../src/codec/gsm7';
import { layoutGsm7Parts } from '../../../src/codec/segmenter/part-layout';
import { utf16CodeUnits } from '../../../src/codec/utf16-code-units';
import { packedOctetCount, packSeptets, septetAt, unpackSeptets, writePackedSeptets } from '../../../src/codec/septet-packing';
import type { NationalLanguage, NationalShift } from '../../../src/codec/types';

/**
 * The fast paths (one-pass layout that writes septets, streaming packer, one-pass packed reader)
 * against the array codec and a bit-by-bit reading of TS 23.038 §6.1.2.1.1.
 */

const GSM_CHARS = [...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\n\r^{}\\[~]|€\f'];
const LANGUAGES: NationalLanguage[] = ['turkish', 'spanish', 'portuguese', 'bengali', 'gujarati', 'hindi', 'kannada', 'malayalam', 'oriya', 'punjabi', 'tamil', 'telugu', 'urdu'];

/** No shift, or any single shift / locking shift pair the tables define (Spanish has no locking table). */
const shifts: fc.Arbitrary<NationalShift | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ singleShift: fc.constantFrom(...LANGUAGES) }),
  fc.record({ lockingShift: fc.constantFrom(...LANGUAGES.filter((l) => l !== 'spanish')), singleShift: fc.constantFrom(...LANGUAGES) }),
);

/** Characters of the tables of `shift` and of the default ones, mixed with arbitrary code units. */
function textFor(shift: NationalShift | undefined, maxLength: number): fc.Arbitrary<string> {
  const charset = gsm7Charset(shift);
  const tableChars = [...charset.locking.table, ...charset.singleShift.table].filter((c) => c !== '');
  return fc.array(fc.oneof(fc.constantFrom(...tableChars, ...GSM_CHARS), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), { maxLength }).map((c) => c.join(''));
}

/** Septet n occupies bits fillBits + 7n … + 7n + 6 of the stream, least significant bit first. */
function referencePack(septets: readonly number[], fillBits: number): number[] {
  const out = new Array<number>(Math.ceil((fillBits + 7 * septets.length) / 8)).fill(0);
  septets.forEach((septet, n) => {
    for (let bit = 0; bit < 7; bit++) {
      const position = fillBits + 7 * n + bit;
      if ((septet >> bit) & 1) out[position >> 3]! |= 1 << (position & 7);
    }
  });
  return out;
}

describe('the GSM-7 fast paths agree with the array codec and the spec', () => {
  it('lays out with the septets of encodeGsm7(text), and refuses exactly what gsm7Length refuses', () => {
    fc.assert(
      fc.property(shifts.chain((shift) => fc.tuple(fc.constant(shift), textFor(shift, 400))), ([shift, t]) => {
        const length = gsm7Length(t, shift);
        const layout = layoutGsm7Parts(utf16CodeUnits(t), gsm7Charset(shift), 160, 153);
        if (length < 0) {
          expect(layout).toBeUndefined();
          return;
        }
        expect(layout).toBeDefined();
        const total = layout!.units.reduce((sum, units) => sum + units, 0);
        expect(total).toBe(length);
        expect(Array.from(layout!.septets.subarray(0, total))).toEqual(encodeGsm7(t, shift));
        // Each part's septets are exactly those of its slice of the text.
        let septetStart = 0;
        layout!.ends.forEach((end, index) => {
          const start = index === 0 ? 0 : layout!.ends[index - 1]!;
          expect(Array.from(layout!.septets.subarray(septetStart, septetStart + layout!.units[index]!))).toEqual(encodeGsm7(t.slice(start, end), shift));
          septetStart += layout!.units[index]!;
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('packs like the spec into any buffer, whatever it held, without touching octets outside', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 200 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 255 }), fc.nat(8), (septets, fillBits, garbage, at) => {
        const expected = referencePack(septets, fillBits);
        expect(Array.from(packSeptets(septets, fillBits))).toEqual(expected);
        const out = new Uint8Array(at + expected.length + 2).fill(garbage);
        expect(writePackedSeptets(septets, 0, septets.length, fillBits, out, at)).toBe(at + packedOctetCount(septets.length, fillBits));
        expect(Array.from(out.subarray(at, at + expected.length))).toEqual(expected);
        expect(Array.from(out.subarray(0, at)).every((o) => o === garbage)).toBe(true);
        expect(Array.from(out.subarray(at + expected.length)).every((o) => o === garbage)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('unpacks and decodes like decodeGsm7(unpackSeptets(...)), escapes included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 127 }), fc.constant(0x1b)), { maxLength: 200 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        shifts,
        (septets, fillBits, offset, shift) => {
          const packed = referencePack(septets, fillBits);
          const octets = new Uint8Array(offset + packed.length);
          octets.set(packed, offset);
          expect(unpackSeptets(octets, septets.length, fillBits, offset)).toEqual(septets);
          expect(septets.map((_, i) => septetAt(octets, i, fillBits, offset))).toEqual(septets);
          expect(readPackedGsm7(octets, septets.length, fillBits, offset, gsm7Charset(shift))).toBe(decodeGsm7(septets, shift));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
