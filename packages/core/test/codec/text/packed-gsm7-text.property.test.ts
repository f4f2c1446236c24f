import fc from 'fast-check';
import { DEFAULT_GSM7_CHARSET, decodeGsm7, encodeGsm7, gsm7Charset, gsm7Length, readPackedGsm7, writePackedGsm7 } from '../../../src/codec/gsm7';
import { packedOctetCount, packSeptets, septetAt, unpackSeptets } from '../../../src/codec/septet-packing';
import type { NationalLanguage, NationalShift } from '../../../src/codec/types';

const GSM_CHARS = [...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\n\r^{}\\[~]|€\f'];
const LANGUAGES: NationalLanguage[] = ['turkish', 'spanish', 'portuguese', 'bengali', 'gujarati', 'hindi', 'kannada', 'malayalam', 'oriya', 'punjabi', 'tamil', 'telugu', 'urdu'];
const SPANISH_HAS_NO_LOCKING_TABLE = 'spanish';

/** No shift, or any single shift / locking shift pair the tables define. */
const shifts: fc.Arbitrary<NationalShift | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ singleShift: fc.constantFrom(...LANGUAGES) }),
  fc.record({ lockingShift: fc.constantFrom(...LANGUAGES.filter((l) => l !== SPANISH_HAS_NO_LOCKING_TABLE)), singleShift: fc.constantFrom(...LANGUAGES) }),
);

/** Characters of the tables of `shift`, mixed with arbitrary code units. */
function textFor(shift: NationalShift | undefined, maxLength: number): fc.Arbitrary<string> {
  const charset = gsm7Charset(shift);
  const tableChars = [...charset.locking.table, ...charset.singleShift.table].filter((c) => c !== '');
  return fc.array(fc.oneof(fc.constantFrom(...tableChars, ...GSM_CHARS), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), { maxLength }).map((c) => c.join(''));
}

function packed(text: string, shift: NationalShift | undefined, fillBits: number, garbage: number): { octets: number[]; septets: number } {
  // One spare octet on each side, pre-filled, shows the writer neither needs a zeroed buffer nor writes outside its part.
  const length = gsm7Length(text, shift);
  const out = new Uint8Array(2 + packedOctetCount(Math.max(length, 0), fillBits) + 2 * text.length).fill(garbage);
  const septets = writePackedGsm7(text, 0, text.length, gsm7Charset(shift), fillBits, out, 1);
  expect(out[0]).toBe(garbage);
  const end = 1 + packedOctetCount(Math.max(septets, 0), fillBits);
  if (septets >= 0) expect(out[end]).toBe(garbage);
  return { octets: Array.from(out.subarray(1, end)), septets };
}

describe('the packed GSM-7 writer and reader agree with the array codec', () => {
  it('packs like packSeptets(encodeGsm7(text)), and refuses exactly what gsm7Length refuses', () => {
    fc.assert(
      fc.property(shifts.chain((shift) => fc.tuple(fc.constant(shift), textFor(shift, 120))), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 255 }), ([shift, t], fillBits, garbage) => {
        const length = gsm7Length(t, shift);
        const result = packed(t, shift, fillBits, garbage);
        if (length < 0) expect(result.septets).toBe(-1);
        else expect(result).toEqual({ octets: Array.from(packSeptets(encodeGsm7(t, shift), fillBits)), septets: length });
      }),
      { numRuns: 1000 },
    );
  });

  it('packs any slice of a text like the slice on its own', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GSM_CHARS), { maxLength: 160 }).map((c) => c.join('')), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 6 }), (t, a, b, fillBits) => {
        const start = t.length === 0 ? 0 : a % (t.length + 1);
        const end = start + (t.length === 0 ? 0 : b % (t.length - start + 1));
        const slice = t.slice(start, end);
        const out = new Uint8Array(packedOctetCount(gsm7Length(slice), fillBits));
        expect(writePackedGsm7(t, start, end, DEFAULT_GSM7_CHARSET, fillBits, out, 0)).toBe(gsm7Length(slice));
        expect(Array.from(out)).toEqual(Array.from(packSeptets(encodeGsm7(slice), fillBits)));
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
          const packedSeptets = packSeptets(septets, fillBits);
          const octets = new Uint8Array(offset + packedSeptets.length);
          octets.set(packedSeptets, offset);
          expect(septets.map((_, i) => septetAt(octets, i, fillBits, offset))).toEqual(unpackSeptets(octets, septets.length, fillBits, offset));
          expect(readPackedGsm7(octets, septets.length, fillBits, offset, gsm7Charset(shift))).toBe(decodeGsm7(septets, shift));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
