import { InvalidRequestError } from '../../src/errors/gateway-errors';
import { RecipientAllowList, checkAllowedRecipients } from '../../src/hosting/allowed-recipients';
import { parseRecipients } from '../../src/hosting/parse-recipients';

describe('parseRecipients', () => {
  it('splits on commas, semicolons and new lines, trims, drops blanks and repeats, keeps order', () => {
    expect(parseRecipients(' +447700900123, +447700900124;\n+447700900125,,+447700900123 ')).toEqual(['+447700900123', '+447700900124', '+447700900125']);
  });

  it('takes nested lists and numbers', () => {
    expect(parseRecipients(['+15550100, +15550101', ['+15550102'], 4915112345678])).toEqual(['+15550100', '+15550101', '+15550102', '4915112345678']);
  });

  it('refuses an object with a typed error', () => {
    expect(() => parseRecipients({ to: '+1' })).toThrow(InvalidRequestError);
  });
});

describe('RecipientAllowList', () => {
  it('allows everything when empty', () => {
    expect(new RecipientAllowList(' ').allows('+447700900123')).toBe(true);
  });

  it('matches * as any digits and ignores separators in the number', () => {
    const list = new RecipientAllowList('+4477009*, +15550100');
    expect(list.allows('+44 7700 900123')).toBe(true);
    expect(list.allows('+15550100')).toBe(true);
    expect(list.allows('+155501001')).toBe(false);
    expect(list.allows('+4477019')).toBe(false);
  });

  it('takes /regular expressions/', () => {
    const list = new RecipientAllowList('/^\\+4477009\\d{5}$/');
    expect(list.allows('+447700900123')).toBe(true);
    expect(list.allows('+4477009001234')).toBe(false);
  });

  it('refuses the whole list naming the numbers outside it', () => {
    expect(() => checkAllowedRecipients(['+447700900123', '+19005550100'], '+4477009*')).toThrow(/"\+19005550100" is not on the recipient allow-list.*nothing was sent/);
  });

  it('reports a malformed entry clearly', () => {
    expect(() => new RecipientAllowList('abc')).toThrow(/neither a number pattern/);
    expect(() => new RecipientAllowList('/(/')).toThrow(/not a valid regular expression/);
  });
});
