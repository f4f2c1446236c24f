import fc from 'fast-check';
import {
  CodecError,
  decodeGsm7,
  encodeGsm7,
  GSM7_DEFAULT_ALPHABET,
  GSM7_DEFAULT_EXTENSION,
  gsm7Length,
  NATIONAL_LANGUAGE_TABLES,
  type NationalLanguage,
  type NationalShift,
} from '@smsbridge/core';

/** TS 23.038 §6.2.1 as Unicode code points, septet 0x00 first (0x1B is the escape, -1 here). */
const DEFAULT_CODE_POINTS = [
  0x40, 0xa3, 0x24, 0xa5, 0xe8, 0xe9, 0xf9, 0xec, 0xf2, 0xc7, 0x0a, 0xd8, 0xf8, 0x0d, 0xc5, 0xe5,
  0x394, 0x5f, 0x3a6, 0x393, 0x39b, 0x3a9, 0x3a0, 0x3a8, 0x3a3, 0x398, 0x39e, -1, 0xc6, 0xe6, 0xdf, 0xc9,
  0x20, 0x21, 0x22, 0x23, 0xa4, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
  0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
  0xa1, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f,
  0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0xc4, 0xd6, 0xd1, 0xdc, 0xa7,
  0xbf, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
  0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0xe4, 0xf6, 0xf1, 0xfc, 0xe0,
];

/** TS 23.038 §6.2.1.1: the extension table's defined codes. */
const EXTENSION = { 0x0a: 0x0c, 0x14: 0x5e, 0x28: 0x7b, 0x29: 0x7d, 0x2f: 0x5c, 0x3c: 0x5b, 0x3d: 0x7e, 0x3e: 0x5d, 0x40: 0x7c, 0x65: 0x20ac };

const LANGUAGES = Object.keys(NATIONAL_LANGUAGE_TABLES) as NationalLanguage[];

function expectCodecError(fn: () => unknown, code: string): CodecError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CodecError);
    expect((error as CodecError).code).toBe(code);
    return error as CodecError;
  }
  throw new Error(`expected ${code}`);
}

describe('GSM 7-bit default alphabet', () => {
  it('matches the spec table code for code', () => {
    DEFAULT_CODE_POINTS.forEach((codePoint, septet) => {
      expect(GSM7_DEFAULT_ALPHABET[septet]).toBe(codePoint < 0 ? '' : String.fromCodePoint(codePoint));
    });
  });

  it('matches the extension table and leaves every other code undefined', () => {
    for (let code = 0; code < 128; code++) {
      const expected = (EXTENSION as Record<number, number>)[code];
      expect(GSM7_DEFAULT_EXTENSION[code]).toBe(expected === undefined ? '' : String.fromCodePoint(expected));
    }
  });

  it('encodes the landmarks: §, ¤, ¡, ¿, € and form feed', () => {
    expect(encodeGsm7('§¤¡¿@')).toEqual([0x5f, 0x24, 0x40, 0x60, 0x00]);
    expect(encodeGsm7('€')).toEqual([0x1b, 0x65]);
    expect(encodeGsm7('\f')).toEqual([0x1b, 0x0a]);
    expect(encodeGsm7('[a]')).toEqual([0x1b, 0x3c, 0x61, 0x1b, 0x3e]);
    expect(gsm7Length('{€}')).toBe(6);
    expect(gsm7Length('hello')).toBe(5);
  });

  it('names the character and its index when a character does not fit', () => {
    const error = expectCodecError(() => encodeGsm7('ab😀c'), 'SMSB_CODEC_UNENCODABLE');
    expect(error.message).toContain('😀');
    expect(error.message).toContain('U+1F600');
    expect(error.message).toContain('index 2');
    expect(gsm7Length('ab😀c')).toBe(-1);
    expect(gsm7Length('ç')).toBe(-1);
  });

  it('decodes tolerantly: unknown escape → default char, escape-escape and a dangling escape → space', () => {
    expect(decodeGsm7([0x1b, 0x41])).toBe('A');
    expect(decodeGsm7([0x1b, 0x1b, 0x41])).toBe(' A');
    expect(decodeGsm7([0x41, 0x1b])).toBe('A ');
    expect(decodeGsm7([0x1b, 0x65, 0x5f])).toBe('€§');
  });

  it('round-trips any text made of default and extension characters', () => {
    const chars = [...GSM7_DEFAULT_ALPHABET, ...GSM7_DEFAULT_EXTENSION].filter((char) => char !== '');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 200 }), (parts) => {
        const text = parts.join('');
        const septets = encodeGsm7(text);
        expect(septets.length).toBe(gsm7Length(text));
        expect(decodeGsm7(septets)).toBe(text);
      }),
      { numRuns: 500, seed: 2303 },
    );
  });
});

describe('national language tables', () => {
  it('has 128 codes per table, an escape at 0x1B, and the spec identifiers 1–13 in order', () => {
    expect(LANGUAGES).toEqual(['turkish', 'spanish', 'portuguese', 'bengali', 'gujarati', 'hindi', 'kannada', 'malayalam', 'oriya', 'punjabi', 'tamil', 'telugu', 'urdu']);
    for (const language of LANGUAGES) {
      const { locking, singleShift } = NATIONAL_LANGUAGE_TABLES[language];
      for (const table of locking ? [locking, singleShift] : [singleShift]) {
        expect(table).toHaveLength(128);
        expect(table[0x1b]).toBe('');
        for (const char of table) expect(char.length).toBeLessThanOrEqual(1);
      }
    }
    expect(NATIONAL_LANGUAGE_TABLES.spanish.locking).toBeUndefined();
  });

  it('spot-checks values against the spec', () => {
    const { turkish, spanish, portuguese, hindi, urdu, bengali, kannada, telugu } = NATIONAL_LANGUAGE_TABLES;
    expect(turkish.locking![0x04]).toBe('€');
    expect(turkish.locking![0x0b]).toBe('Ğ');
    expect(turkish.locking![0x40]).toBe('İ');
    expect(turkish.locking![0x60]).toBe('ç');
    expect(turkish.singleShift[0x73]).toBe('ş');
    expect(spanish.singleShift[0x09]).toBe('ç');
    expect(spanish.singleShift[0x61]).toBe('á');
    expect(portuguese.locking![0x7d]).toBe('`');
    expect(portuguese.locking![0x15]).toBe('∞');
    expect(portuguese.singleShift[0x7f]).toBe('â');
    expect(hindi.locking![0x00]).toBe('\u0901');
    expect(hindi.locking![0x60]).toBe('\u0950');
    expect(hindi.singleShift[0x26]).toBe('\u0951');
    expect(bengali.locking![0x7c]).toBe('\u09DC');
    expect(urdu.locking![0x00]).toBe('\u0627');
    expect(urdu.locking![0x2c]).toBe(',');
    expect(kannada.locking![0x3d]).toBe('\u0CAA');
    expect(telugu.singleShift[0x65]).toBe('€');
    for (const language of LANGUAGES) expect(NATIONAL_LANGUAGE_TABLES[language].singleShift[0x0a]).toBe('\f');
  });

  it('encodes with the locking table first and the single shift table after an escape', () => {
    expect(encodeGsm7('ş', { singleShift: 'turkish' })).toEqual([0x1b, 0x73]);
    expect(encodeGsm7('ş', { lockingShift: 'turkish' })).toEqual([0x1d]);
    expect(encodeGsm7('€', { lockingShift: 'turkish' })).toEqual([0x04]);
    expect(encodeGsm7('{', { lockingShift: 'turkish' })).toEqual([0x1b, 0x28]);
    expect(encodeGsm7('\u0CAA', { lockingShift: 'kannada' })).toEqual([0x3d]);
    expect(() => encodeGsm7('ş')).toThrow(CodecError);
  });

  it('rejects a Spanish locking shift table, which the spec does not define', () => {
    expectCodecError(() => encodeGsm7('a', { lockingShift: 'spanish' }), 'SMSB_CODEC_BAD_OPTION');
  });

  it('round-trips random text for every locking/single shift combination', () => {
    const shifts: NationalShift[] = [];
    for (const language of LANGUAGES) {
      shifts.push({ singleShift: language });
      if (NATIONAL_LANGUAGE_TABLES[language].locking) shifts.push({ lockingShift: language, singleShift: language });
    }
    shifts.push({ lockingShift: 'portuguese', singleShift: 'hindi' });
    for (const shift of shifts) {
      const locking = shift.lockingShift ? NATIONAL_LANGUAGE_TABLES[shift.lockingShift].locking! : GSM7_DEFAULT_ALPHABET;
      const single = NATIONAL_LANGUAGE_TABLES[shift.singleShift!].singleShift;
      const chars = [...new Set([...locking, ...single].filter((char) => char !== ''))];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 80 }), (parts) => {
          const text = parts.join('');
          expect(decodeGsm7(encodeGsm7(text, shift), shift)).toBe(text);
        }),
        { numRuns: 60, seed: 2304 },
      );
    }
  });
});
