import fc from 'fast-check';
import { InvalidRequestError } from '../../../src/errors';
import { normalisePhoneNumber, PhoneNumberNormaliser } from '../../../src/vendors/shared';

describe('normalisePhoneNumber', () => {
  it('writes international numbers as E.164, with or without the plus', () => {
    expect(normalisePhoneNumber('+44 7700 900123', { format: 'e164' })).toBe('+447700900123');
    expect(normalisePhoneNumber('0044-7700-900123', { format: 'e164' })).toBe('+447700900123');
    expect(normalisePhoneNumber('+44 (0)7700 900123'.replace('(0)', ''), { format: 'e164-no-plus' })).toBe('447700900123');
  });

  it('reads national numbers with a default country', () => {
    expect(normalisePhoneNumber('07700 900123', { format: 'e164', defaultCountry: 'gb' })).toBe('+447700900123');
    expect(normalisePhoneNumber('030 1234567', { format: 'e164-no-plus', defaultCountry: 'DE' })).toBe('49301234567');
  });

  it('reads a long bare digit string as international without the plus', () => {
    expect(normalisePhoneNumber('971509001234', { format: 'e164' })).toBe('+971509001234');
  });

  it('keeps short codes and alphanumeric destinations when the vendor allows them', () => {
    expect(normalisePhoneNumber('10086', { format: 'e164', allowShortCodes: true })).toBe('10086');
    expect(normalisePhoneNumber('Sales Team', { format: 'e164', allowAlphanumeric: true })).toBe('Sales Team');
    expect(() => normalisePhoneNumber('10086', { format: 'e164' })).toThrow(InvalidRequestError);
  });

  it('leaves as-is numbers alone apart from separators', () => {
    expect(normalisePhoneNumber(' +1 555-0100 ', { format: 'as-is' })).toBe('+15550100');
  });

  it('explains what is wrong', () => {
    expect(() => normalisePhoneNumber('', { format: 'e164' })).toThrow(/empty/);
    expect(() => normalisePhoneNumber('call me', { format: 'e164' })).toThrow(/not a phone number/);
    expect(() => normalisePhoneNumber('+44 12', { format: 'e164' })).toThrow(/international form/);
    expect(() => normalisePhoneNumber('0770090', { format: 'e164' })).toThrow(/default country/);
  });

  it('checks validity for the country in strict mode', () => {
    expect(() => normalisePhoneNumber('+44 1000 000000', { format: 'e164', strict: true })).toThrow(/valid/);
  });
});

describe('PhoneNumberNormaliser (properties)', () => {
  const outcome = (normalise: () => string): { value?: string; error?: string } => {
    try {
      return { value: normalise() };
    } catch (error) {
      return { error: `${(error as Error).name}: ${(error as Error).message}` };
    }
  };
  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
  const separated = (text: string, separator: string) => text.replace(/(\d{3})(?=\d)/g, `$1${separator}`);
  const input = fc.oneof(
    fc.tuple(fc.constantFrom('+', '00', ''), fc.constantFrom('44', '49', '1', '971', '91', '33', '7', '86', '999'), digits(4, 12)).map(([lead, cc, rest]) => `${lead}${cc}${rest}`),
    fc.tuple(fc.constantFrom('0', ''), digits(5, 11)).map(([lead, rest]) => `${lead}${rest}`),
    digits(1, 9),
    fc.constantFrom('+491701234567', '+447700900123', '07700 900123', '030 1234567', '10086', 'Sales Team', '+44 12', '', '  '),
    fc.string({ maxLength: 20 }),
    fc.stringMatching(/^[+0-9 ()A-Za-z.-]{0,18}$/),
  );
  const spelled = fc.tuple(input, fc.constantFrom('', ' ', '-', '.', '\u00A0'), fc.boolean()).map(([text, separator, pad]) => {
    const written = separator ? separated(text, separator) : text;
    return pad ? ` ${written} ` : written;
  });
  const options = fc.record(
    {
      format: fc.constantFrom('e164' as const, 'e164-no-plus' as const, 'as-is' as const),
      defaultCountry: fc.constantFrom('GB', 'gb', 'DE', 'US', 'IN', 'AE', 'FR', '', 'XX'),
      allowShortCodes: fc.boolean(),
      allowAlphanumeric: fc.boolean(),
      strict: fc.boolean(),
    },
    { requiredKeys: ['format'] },
  );

  it('answers exactly as the plain parse, on a first call and on a repeat', () => {
    // One normaliser across all runs, small enough that its generations turn over many times.
    const normaliser = new PhoneNumberNormaliser({ cacheLimit: 64 });
    fc.assert(
      fc.property(spelled, options, (number, given) => {
        const expected = outcome(() => normalisePhoneNumber(number, given));
        expect(outcome(() => normaliser.normalise(number, given))).toEqual(expected);
        expect(outcome(() => normaliser.normalise(number, given))).toEqual(expected);
      }),
      { numRuns: 4_000 },
    );
  });

  it('keeps answers for the same input apart when the options differ', () => {
    const normaliser = new PhoneNumberNormaliser();
    expect(normaliser.normalise('07700 900123', { format: 'e164', defaultCountry: 'GB' })).toBe('+447700900123');
    expect(normaliser.normalise('07700 900123', { format: 'e164-no-plus', defaultCountry: 'GB' })).toBe('447700900123');
    expect(normaliser.normalise('07700 900123', { format: 'as-is' })).toBe('07700900123');
    expect(() => normaliser.normalise('07700 900123', { format: 'e164' })).toThrow(/default country/);
    expect(normaliser.normalise('10086', { format: 'e164', allowShortCodes: true })).toBe('10086');
    expect(() => normaliser.normalise('10086', { format: 'e164' })).toThrow(InvalidRequestError);
  });
});
