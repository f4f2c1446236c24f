import fc from 'fast-check';
import { encodeSubmit } from '../../../src/codec/pdu/encode-submit';
import type { SubmitOptions } from '../../../src/codec/types';

/**
 * encodeSubmit takes a one-pass path for single-part texts (default-alphabet GSM-7, else UCS-2) when neither
 * `encoding` nor `nationalLanguages` is given. `encoding: 'auto'` (the default) and
 * `nationalLanguages: []` (no tables) mean the same but take the general path, so the two must
 * give the same PDUs (or the same error) for every text and option.
 */

const GSM_CHARS = [...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\n\r^{}\\[~]|€\f'];
const OTHER_CHARS = ['ç', '`', '\u00a0', 'ж', '🙂', '“', 'ş'];

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

const options: fc.Arbitrary<Omit<SubmitOptions, 'text' | 'encoding' | 'nationalLanguages'>> = fc.record(
  {
    to: fc.constantFrom('+41791234567', '0791234567', '+1 (555) 010-9999', '*100#', 'Bank', 'ACME Alerts'),
    smsc: fc.constantFrom('+41794999000', '0794999000'),
    messageReference: fc.integer({ min: 0, max: 255 }),
    protocolId: fc.integer({ min: 0, max: 255 }),
    referenceBits: fc.constantFrom(8 as const, 16 as const),
    concatReference: fc.integer({ min: 0, max: 255 }),
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

describe('encodeSubmit single-part fast path', () => {
  it.each([
    ['gsm text', gsmText],
    ['mixed text', mixedText],
    ['160-septet edge', edgeText],
    ['UCS-2 around 70 units', ucs2Text],
  ])('gives the general path PDUs for %s', (_label, texts) => {
    fc.assert(
      fc.property(texts, options, (text, rest) => {
        const fast = outcome(() => encodeSubmit({ ...rest, text }));
        expect(outcome(() => encodeSubmit({ ...rest, text, encoding: 'auto' }))).toEqual(fast);
        expect(outcome(() => encodeSubmit({ ...rest, text, nationalLanguages: [] }))).toEqual(fast);
      }),
      { numRuns: 400 },
    );
  });
});
