import fc from 'fast-check';
import { encodeParameters } from '../../src/transport/query-string';

/** The plain definition: every own parameter, in order, through encodeURIComponent. */
function referenceEncoding(parameters: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(parameters)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

describe('encodeParameters', () => {
  it('encodes names and values as encodeURIComponent does, leaving undefined ones out', () => {
    expect(encodeParameters({ gmt: '+05:30', text: 'a b;c&d', skip: undefined, n: 3, ok: true, plain: "A-z_0.9!~*'()" })).toBe(
      "gmt=%2B05%3A30&text=a%20b%3Bc%26d&n=3&ok=true&plain=A-z_0.9!~*'()",
    );
    expect(encodeParameters(undefined)).toBe('');
    expect(encodeParameters({})).toBe('');
    expect(encodeParameters(Object.create({ inherited: 'x' }) as Record<string, string>)).toBe('');
  });

  it('matches encodeURIComponent on any text (properties)', () => {
    const value = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.integer(), fc.boolean(), fc.constant(undefined));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 6 }), (parameters) => {
        expect(encodeParameters(parameters)).toBe(referenceEncoding(parameters));
      }),
      { numRuns: 500 },
    );
  });

  it('throws like encodeURIComponent on a lone surrogate', () => {
    expect(() => encodeParameters({ text: 'a\uD800' })).toThrow(URIError);
  });
});
