import { InvalidRequestError } from '../../../src/errors';
import { PLAIN_TEXT_PUSH_ANSWERS, pushCallFields, readPushText, receivePush } from '../../../src/vendors/shared';

describe('push call fields', () => {
  it('merges query and body whatever form they came in, the body winning', () => {
    expect(pushCallFields({ query: '?a=1&b=2', body: 'b=3&c=4' })).toEqual({ a: '1', b: '3', c: '4' });
    expect(pushCallFields({ query: new URLSearchParams('a=1'), body: { b: ['2', '3'], c: 5, d: null } })).toEqual({ a: '1', b: '2', c: '5' });
    expect(pushCallFields({ body: '{"a":1,"b":"x"}' })).toEqual({ a: '1', b: 'x' });
    expect(pushCallFields({ body: '[1]', contentType: 'application/json' })).toEqual({ 0: '1' });
    expect(pushCallFields({ body: 'null', contentType: 'application/json' })).toEqual({});
    expect(pushCallFields({ query: '  ', body: '' })).toEqual({});
  });

  it('refuses a body that looks like JSON but does not parse', () => {
    expect(() => pushCallFields({ body: '{"a":' })).toThrow(InvalidRequestError);
    expect(() => pushCallFields({ body: 'a', contentType: 'application/json' })).toThrow(/looks like JSON/);
  });

  it('reads a raw text as JSON or as form fields', () => {
    const refuse = () => new InvalidRequestError('bad');
    expect(readPushText(' ', '', refuse)).toBeUndefined();
    expect(readPushText('{"a":1}', '', refuse)).toEqual({ json: { a: 1 } });
    expect(readPushText('"x"', 'application/json', refuse)).toEqual({ json: 'x' });
    const read = readPushText('?a=1', 'application/x-www-form-urlencoded', refuse);
    expect(read && 'form' in read ? Object.fromEntries(read.form) : undefined).toEqual({ a: '1' });
    expect(() => readPushText('{', '', refuse)).toThrow('bad');
  });
});

describe('receivePush', () => {
  it('pairs what was read with the accepted answer, a fresh copy each time', () => {
    const first = receivePush(() => ({ value: 1 }));
    expect(first).toEqual({ value: 1, answer: { status: 200, contentType: 'text/plain; charset=utf-8', body: 'OK' } });
    first.answer.body = 'changed';
    expect(PLAIN_TEXT_PUSH_ANSWERS.accepted.body).toBe('OK');
  });

  it('refuses an unreadable push with 400 and the reason, and throws anything else', () => {
    const refused = receivePush(() => {
      throw new InvalidRequestError('not a report');
    });
    expect(refused.answer).toEqual({ status: 400, contentType: 'text/plain; charset=utf-8', body: 'not a report' });
    expect('error' in refused && refused.error).toBeInstanceOf(InvalidRequestError);
    expect(() =>
      receivePush(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });
});
