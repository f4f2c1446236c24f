import fc from 'fast-check';
import {
  countSegments,
  gsm7Length,
  segmentBudget,
  segmentText,
  transliterateToGsm7,
  type EncodingChoice,
  type NationalLanguage,
  type SegmentOptions,
} from '@smsbridge/core';

/** Mostly GSM text with extension characters, emoji, accents and Turkish letters mixed in, long enough to cross part boundaries. */
const textArbitrary = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }) },
      { weight: 3, arbitrary: fc.constantFrom('€', '{', '}', '[', ']', '~', '^', '|', '\\', '\f') },
      { weight: 1, arbitrary: fc.constantFrom('😀', '👍🏽', '𝄞', '🇩🇪') },
      { weight: 1, arbitrary: fc.constantFrom('é', 'Ç', 'á', 'ş', 'ğ', 'ı', 'ç', '\u2019', '\u00A0', 'ж', 'नम') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const optionsArbitrary: fc.Arbitrary<SegmentOptions> = fc.record({
  encoding: fc.constantFrom<EncodingChoice>('auto', 'gsm7', 'ucs2'),
  referenceBits: fc.constantFrom<8 | 16>(8, 16),
  nationalLanguages: fc.oneof(fc.constant([] as NationalLanguage[]), fc.subarray<NationalLanguage>(['turkish', 'spanish', 'portuguese', 'hindi'])),
});

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

describe('segmentation properties', () => {
  it('parts join to the text (or its transliteration), stay within budget and never split a pair', () => {
    fc.assert(
      fc.property(textArbitrary, optionsArbitrary, (text, options) => {
        const plan = segmentText(text, options);
        const expected = options.encoding === 'gsm7' ? transliterateToGsm7(text, plan.national) : text;
        expect(plan.segments.join('')).toBe(expected);
        expect(plan.count).toBe(plan.segments.length);
        expect(plan.units).toHaveLength(plan.count);
        const concatenated = plan.count > 1;
        const budget = segmentBudget(plan.encoding, concatenated, options.referenceBits!, plan.national);
        plan.segments.forEach((segment, i) => {
          const units = plan.encoding === 'gsm7' ? gsm7Length(segment, plan.national) : segment.length;
          expect(units).toBe(plan.units[i]);
          expect(units).toBeLessThanOrEqual(budget);
          if (segment.length > 0) {
            expect(isLow(segment.charCodeAt(0))).toBe(false);
            expect(isHigh(segment.charCodeAt(segment.length - 1))).toBe(false);
          }
          if (concatenated) expect(segment.length).toBeGreaterThan(0);
        });
      }),
      { numRuns: 1000, seed: 2306 },
    );
  });

  it('countSegments agrees with segmentText', () => {
    fc.assert(
      fc.property(textArbitrary, optionsArbitrary, (text, options) => {
        const plan = segmentText(text, options);
        const counted = countSegments(text, options);
        expect(counted.encoding).toBe(plan.encoding);
        expect(counted.count).toBe(plan.count);
        expect(counted.units).toBe(plan.units.reduce((sum, units) => sum + units, 0));
      }),
      { numRuns: 1000, seed: 2307 },
    );
  });

  it('auto picks GSM-7 exactly when the default tables can carry the text', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        expect(segmentText(text).encoding).toBe(gsm7Length(text) >= 0 ? 'gsm7' : 'ucs2');
      }),
      { numRuns: 500, seed: 2308 },
    );
  });
});
