import { CodecError, decodeUcs2, encodeUcs2, toUcs2Hex } from '@smsbridge/core';

const hex = (octets: Uint8Array) => Buffer.from(octets).toString('hex').toUpperCase();

describe('UCS-2 / UTF-16BE', () => {
  it('gives the hex form HTTP gateways expect', () => {
    expect(toUcs2Hex('Hi')).toBe('00480069');
    expect(toUcs2Hex('€')).toBe('20AC');
    expect(toUcs2Hex('')).toBe('');
  });

  it('keeps astral characters as two surrogate code units', () => {
    expect(hex(encodeUcs2('😀'))).toBe('D83DDE00');
    expect(toUcs2Hex('a😀')).toBe('0061D83DDE00');
    expect(decodeUcs2(Uint8Array.from([0xd8, 0x3d, 0xde, 0x00]))).toBe('😀');
  });

  it('round-trips text and agrees with Node\'s UTF-16 encoder', () => {
    const text = 'Привет, 世界! 👋🏽 ñ';
    const octets = encodeUcs2(text);
    expect(Buffer.from(octets).swap16().toString('utf16le')).toBe(text);
    expect(decodeUcs2(octets)).toBe(text);
    expect(toUcs2Hex(text)).toBe(hex(octets));
  });

  it('decodes from an offset', () => {
    expect(decodeUcs2(Uint8Array.from([0x05, 0x00, 0x41, 0x00, 0x42]), 1)).toBe('AB');
  });

  it('decodes long texts', () => {
    const text = 'ж'.repeat(10000);
    expect(decodeUcs2(encodeUcs2(text))).toBe(text);
  });

  it('rejects an odd number of octets with a CodecError', () => {
    expect(() => decodeUcs2(Uint8Array.from([0x00, 0x41, 0x00]))).toThrow(CodecError);
    expect(() => decodeUcs2(Uint8Array.from([0x00, 0x41, 0x00]))).toThrow(expect.objectContaining({ code: 'SMSB_CODEC_BAD_FIELD', offset: 2 }));
  });
});
