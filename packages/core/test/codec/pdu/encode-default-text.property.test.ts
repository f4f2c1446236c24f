import fc from 'fast-check';
import { encodeSubmit } from '../../../src/codec/pdu/encode-submit';
import type { SubmitOptions } from '../../../src/codec/types';

/**
 * encodeSubmit takes a one-pass path (default-alphabet GSM-7, else UCS-2, any number of parts up
 * to 2048 code units) when neither `encoding` nor `nationalLanguages` is given.
 * `encoding: 'auto'` (the default) and `nationalLanguages: []` (no tables) mean the same but take
 * the general path, so the two must give the same PDUs (or the same error) for every text and option.
 */

const GSM_CHARS = [...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\n\r^{}\\[~]|€\f'];
const OTHER_CHARS = ['ç', '`', '\u00a0', 'ж', '🙂', '“', 'ş', '\ud83d', '\ude42'];

const gsmText = fc.array(fc.constantFrom(...GSM_CHARS), { maxLength: 170 }).map((chars) => chars.join(''));
/** Mostly GSM-7, now and then a character outside the default tables (the fast path must bail). */
const mixedText = fc
  .array(fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...GSM_CHARS) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_CHARS) }), { maxLength: 170 })
  .map((chars) => chars.join(''));
/** Around the 70-unit UCS-2 limit: GSM-7 characters with others among them. */
const ucs2Text = fc
  .array(fc.oneof(fc.constantFrom(...GSM_CHARS), fc.constantFrom(...OTHER_CHARS)), { minLength: 60, maxLength: 75 })
  .map((chars) => chars.join(''));
/** Around the 160-septet limit, with escapes where they push the count over it. */
const edgeText = fc
  .tuple(fc.integer({ min: 150, max: 161 }), fc.array(fc.constantFrom('€', '{', 'a', '\f'), { maxLength: 12 }))
  .map(([count, tail]) => 'a'.repeat(count) + tail.join(''));
/** Several parts: escapes and surrogate pairs land on part boundaries, now and then a character that makes it UCS-2. */
const longText = fc
  .array(
    fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(...GSM_CHARS) },
      { weight: 3, arbitrary: fc.constantFrom('€', '{', '\f', '🙂') },
      { weight: 1, arbitrary: fc.constantFrom(...OTHER_CHARS) },
    ),
    { minLength: 150, maxLength: 700 },
  )
  .map((chars) => chars.join(''));
/** Repeats of one character around the direct path's 2048-unit limit, escapes and surrogate pairs included. */
const limitText = fc
  .tuple(fc.constantFrom('a', '€', 'ж', '🙂'), fc.integer({ min: 1015, max: 1030 }))
  .map(([char, count]) => char.repeat(Math.ceil((count * 2) / char.length)));

const options = fc.record(
  {
    to: fc.constantFrom('+41791234567', '0791234567', '+1 (555) 010-9999', '*100#', 'Bank', 'ACME Alerts'),
    smsc: fc.constantFrom('+41794999000', '0794999000'),
    messageReference: fc.integer({ min: 0, max: 255 }),
    protocolId: fc.integer({ min: 0, max: 255 }),
    referenceBits: fc.constantFrom(8 as const, 16 as const),
    // Above 255 only a 16-bit reference takes it; an 8-bit one must fail alike on both paths.
    concatReference: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 255 }) }, { weight: 1, arbitrary: fc.integer({ min: 256, max: 0xffff }) }),
    validityObject: fc.constantFrom(undefined, { enhancedSeconds: 90 }, { absolute: new Date(Date.UTC(2026, 10, 22, 12, 0, 0)) }),
    messageClass: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    flash: fc.boolean(),
    statusReport: fc.boolean(),
    rejectDuplicates: fc.boolean(),
    replyPath: fc.boolean(),
    validity: fc.constantFrom(60, 3600, 86_400 * 3, 86_400 * 60),
  },
  { requiredKeys: ['to'] },
);

function outcome(compute: () => unknown): unknown {
  try {
    return compute();
  } catch (error) {
    return { threw: (error as Error).message, code: (error as { code?: string }).code };
  }
}

describe('encodeSubmit one-pass path for default options', () => {
  it.each([
    ['gsm text', gsmText, 400],
    ['mixed text', mixedText, 400],
    ['160-septet edge', edgeText, 400],
    ['UCS-2 around 70 units', ucs2Text, 400],
    ['multi-part text', longText, 300],
    ['texts around 2048 code units', limitText, 60],
  ])('gives the general path PDUs for %s', (_label, texts, numRuns) => {
    fc.assert(
      fc.property(texts, options, (text, { validityObject, ...rest }) => {
        const given: Omit<SubmitOptions, 'text'> = validityObject === undefined ? rest : { ...rest, validity: validityObject };
        const fast = outcome(() => encodeSubmit({ ...given, text }));
        expect(outcome(() => encodeSubmit({ ...given, text, encoding: 'auto' }))).toEqual(fast);
        expect(outcome(() => encodeSubmit({ ...given, text, nationalLanguages: [] }))).toEqual(fast);
      }),
      { numRuns },
    );
  });
});
