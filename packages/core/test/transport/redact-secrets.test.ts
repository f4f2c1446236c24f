import fc from 'fast-check';
import { redactDeep, redactSecrets, SecretRedactor } from '../../src/transport';

describe('redactSecrets', () => {
  it('scrubs sensitive parameters by name whatever their value', () => {
    expect(redactSecrets('/http/send-message?username=admin&password=hunter2&to=%2B44')).toBe('/http/send-message?username=admin&password=***&to=%2B44');
    expect(redactSecrets('GET /x?pwd=a&Token=b&pass=c')).toBe('GET /x?pwd=***&Token=***&pass=***');
    expect(redactSecrets('username=u&password=')).toBe('username=u&password=***');
  });

  it('scrubs configured secrets in raw, URL-encoded and form-encoded spellings', () => {
    const secret = 'p@ss w+rd/é';
    const text = `raw ${secret} url ${encodeURIComponent(secret)} form ${encodeURIComponent(secret).replace(/%20/g, '+')}`;
    const out = redactSecrets(text, [secret]);
    expect(out).toBe('raw *** url *** form ***');
  });

  it('ignores empty and very short secrets rather than scrubbing ordinary text', () => {
    expect(redactSecrets('an ordinary sentence', ['', 'a'])).toBe('an ordinary sentence');
  });

  it('redacts deeply and by key name', () => {
    expect(redactDeep({ password: 'x', nested: ['see hunter2'], n: 1 }, ['hunter2'])).toEqual({ password: '***', nested: ['see ***'], n: 1 });
  });
});

describe('redactSecrets (properties)', () => {
  it('never leaves a configured secret of 3+ characters in any spelling', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 3, maxLength: 24 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (secret, before, after) => {
        // A secret made of the mask character itself cannot be told apart from the mask.
        fc.pre(!secret.includes('*'));
        const text = `${before}${secret}${after} ?password=${encodeURIComponent(secret)} ${encodeURIComponent(secret).replace(/%20/g, '+')}`;
        const out = redactSecrets(text, [secret]);
        expect(out).not.toContain(secret);
        expect(out).not.toContain(encodeURIComponent(secret));
      }),
      { numRuns: 300 },
    );
  });

  it('scrubs the same with a SecretRedactor reused across texts as redactSecrets each time', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }), fc.array(fc.string({ maxLength: 60 }), { minLength: 1, maxLength: 4 }), (secrets, texts) => {
        const redactor = new SecretRedactor(secrets);
        for (const text of texts) {
          const mixed = `${text} ${secrets.join(' ')} password=${text}`;
          expect(redactor.redact(mixed)).toBe(redactSecrets(mixed, [...secrets]));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('follows a secrets array that is changed between calls', () => {
    const secrets = ['first-secret'];
    expect(redactSecrets('a first-secret b second-secret', secrets)).toBe('a *** b second-secret');
    secrets.push('second-secret');
    expect(redactSecrets('a first-secret b second-secret', secrets)).toBe('a *** b ***');
  });
});
