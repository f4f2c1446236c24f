import { InvalidRequestError } from '../../../src/errors';
import { normalisePhoneNumber } from '../../../src/vendors/shared';

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
