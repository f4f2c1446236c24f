import fc from 'fast-check';
import { gsm7Length, transliterateToGsm7, type NationalShift } from '@smsbridge/core';

describe('transliterateToGsm7', () => {
  it.each([
    ['\u2018quoted\u2019 \u201Cdouble\u201D', '\'quoted\' "double"'],
    ['a\u2013b\u2014c\u2212d', 'a-b-c-d'],
    ['wait\u2026', 'wait...'],
    ['non\u00A0breaking\u202Fspace\tand tab', 'non breaking space and tab'],
    ['á í ó ú Á Í Ó Ú â ê î ô û ã õ', 'a i o u A I O U a e i o u a o'],
    ['Œuvre Łódź straße', 'OEuvre Lodz straße'],
    ['zero\u200Bwidth\uFEFF', 'zerowidth'],
    ['™ ©', 'TM (c)'],
  ])('rewrites %j', (input, expected) => {
    expect(transliterateToGsm7(input)).toBe(expected);
  });

  it('keeps every character the GSM alphabet has', () => {
    const kept = 'é è ù ì ò Ç Ø ø Å å Ä Ö Ñ Ü ä ö ñ ü à É ß Æ æ Δ Φ Γ Λ Ω Π Ψ Σ Θ Ξ € [ ] { } ~ ^ | \\ § ¤ ¡ ¿ £ ¥ @';
    expect(transliterateToGsm7(kept)).toBe(kept);
  });

  it('merges a combining accent into the letter when the result fits, else drops it', () => {
    expect(transliterateToGsm7('e\u0301te\u0301')).toBe('été');
    expect(transliterateToGsm7('a\u0301')).toBe('a');
  });

  it('replaces what has no plain form with one ? per code point', () => {
    expect(transliterateToGsm7('ok 😀 中文')).toBe('ok ? ??');
    expect(transliterateToGsm7('👍🏽')).toBe('??');
  });

  it('keeps what the chosen national tables have', () => {
    expect(transliterateToGsm7('şç', { singleShift: 'turkish' })).toBe('şç');
    expect(transliterateToGsm7('şç')).toBe('sc');
  });

  it('always yields text the chosen tables can encode', () => {
    const shifts: (NationalShift | undefined)[] = [undefined, { singleShift: 'spanish' }, { lockingShift: 'turkish' }, { lockingShift: 'urdu', singleShift: 'hindi' }];
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.constantFrom(...shifts), (text, shift) => {
        expect(gsm7Length(transliterateToGsm7(text, shift), shift)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 800, seed: 2305 },
    );
  });

  it('changes nothing in text that already fits', () => {
    const gsmChars = fc.constantFrom(...'@£$¥èéùìòÇ\nØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà€{}[]~^|\\\f'.split(''));
    fc.assert(
      fc.property(fc.array(gsmChars, { maxLength: 100 }), (chars) => {
        const text = chars.join('');
        expect(transliterateToGsm7(text)).toBe(text);
      }),
      { numRuns: 300, seed: 2309 },
    );
  });
});
