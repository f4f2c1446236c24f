import { CodecError } from '../../../src/errors/codec-error';
import { decodePdu } from '../../../src/codec/pdu/decode-pdu';
import { encodeSubmit } from '../../../src/codec/pdu/encode-submit';
import type { SubmitOptions } from '../../../src/codec/types';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error.code;
    throw error;
  }
  return undefined;
}

/** Octet `index` of a PDU given as hex. */
function octetAt(hex: string, index: number): number {
  return parseInt(hex.slice(index * 2, index * 2 + 2), 16);
}

describe('encodeSubmit against published PDUs', () => {
  it('builds the classic "hellohello" SUBMIT (relative validity 4 days → TP-VP AA)', () => {
    // Widely published (dreamfabric.com SMS PDU page and AT-command tutorials).
    expect(encodeSubmit({ to: '+46708251358', text: 'hellohello', validity: 4 * 24 * 60 })).toEqual([
      { pdu: '0011000B916407281553F80000AA0AE8329BFD4697D9EC37', length: 23 },
    ]);
  });

  it('builds python-gsmmodem test_encodeSmsSubmit #1 ("Hello World!", no validity)', () => {
    expect(encodeSubmit({ to: '+27820001111', text: 'Hello World!' })).toEqual([
      { pdu: '0001000B917228001011F100000CC8329BFD065DDF72363904', length: 24 },
    ]);
  });

  it('builds python-gsmmodem test_encodeSmsSubmit #2 (UCS-2, SMSC, 52 weeks); length excludes the SMSC part', () => {
    const [part] = encodeSubmit({ to: '+123456789', text: '世界您好！', validity: { relativeMinutes: 52 * 7 * 24 * 60 }, smsc: '+44000000000' });
    expect(part!.pdu).toBe('07914400000000F01100099121436587F90008F40A4E16754C60A8597DFF01');
    expect(part!.length).toBe(part!.pdu.length / 2 - 8);
  });

  it('builds python-gsmmodem test_encodeSmsSubmit_concatenated (3 parts, reject duplicates) with TP-MR counting up', () => {
    const text =
      'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.Ut enim ad minim veniam, quinostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.Duis aute irure dolor in reprehenderit in voluptate velit esse cillum doloe eu fugiat nulla pariatur.Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum';
    const published = [
      '0045000B915121551532F40000A0050003000301986F79B90D4AC3E7F53688FC66BFE5A0799A0E0AB7CB741668FC76CFCB637A995E9783C2E4343C3D4F8FD3EE33A8CC4ED359A079990C22BF41E5747DDE7E9341F4721BFE9683D2EE719A9C26D7DD74509D0E6287C56F791954A683C86FF65B5E06B5C36777181466A7E3F5B0AB4A0795DDE936284C06B5D3EE741B642FBBD3E1360B14AFA7DD',
      '0045000B915121551532F40000A0050003000302DE73BABC4E0695F165F9384D0FD3D36F37A8CE6687DBE337881D16BFE5E939C89D9EA741753A28CC4EC7EB6938A88C0795C3A0F1BBDD7E93DFA0F1DB3D2FC7EB61BA8B584FCF41E13ABD0C4ACBEBF23288FC66BFE5A0B41B242FC3E56574D94D2ECBD37450DA0DB2BFD975383D4C2F83EC65769A0E2ACFE765D038CD66D7DB20F29BFD2E83CA',
      '0045000B915121551532F400008C050003000303EA2073FD9C0ED341EE3A9B1D06C1C3F274985E97BB8AF871194E2FD7E5A079DA4D07BDC7E370791CA683C675789A1CA687E920F7DB0D82CBDF6972D94D6781E675371D947683C675363C0C8AD7D3A0B7D99C1EA7C32072795E96D7DD7450FBCD66A7E9A0B03BDD06A5C9A0F29C0E6287C56F79BD0D',
    ];
    const parts = encodeSubmit({ to: '+15125551234', text, rejectDuplicates: true });
    expect(parts).toHaveLength(3);
    parts.forEach((part, index) => {
      // python-gsmmodem leaves TP-MR 0 on every part; this codec counts it up, so compare around octet 2.
      expect(octetAt(part.pdu, 2)).toBe(index);
      expect(part.pdu.slice(0, 4) + part.pdu.slice(6)).toBe(published[index]!.slice(0, 4) + published[index]!.slice(6));
      expect(part.length).toBe(part.pdu.length / 2 - 1);
    });
  });

  it('codes an absolute validity in UTC (same instant as python-gsmmodem\'s +02:00 vector)', () => {
    const [part] = encodeSubmit({ to: '+27820001111', text: 'Timestamp validity test', validity: { absolute: new Date('2013-07-10T13:39:00+02:00') } });
    expect(octetAt(part!.pdu, 1) & 0x18).toBe(0x18);
    const decoded = decodePdu(part!.pdu);
    expect(decoded.validityPeriod).toEqual({ format: 'absolute', absolute: '2013-07-10T11:39:00+00:00' });
    expect(decoded.text).toBe('Timestamp validity test');
  });
});

describe('encodeSubmit fields', () => {
  const base: SubmitOptions = { to: '+4915112345678', text: 'hi' };

  it.each([
    [{ flash: true }, 0x10],
    [{ messageClass: 1 as const }, 0x11],
    [{ messageClass: 2 as const }, 0x12],
    [{ messageClass: 3 as const, encoding: 'ucs2' as const }, 0x1b],
    [{ encoding: 'ucs2' as const }, 0x08],
    [{}, 0x00],
  ])('DCS for %p is %i and decodes back to that class', (extra, dcs) => {
    const [part] = encodeSubmit({ ...base, ...extra });
    const decoded = decodePdu(part!.pdu);
    expect(decoded.dataCodingScheme).toBe(dcs);
    expect(decoded.class).toBe('flash' in extra ? 0 : 'messageClass' in extra ? extra.messageClass : null);
    expect(decoded.text).toBe('hi');
  });

  it('sets TP-SRR, TP-RD, TP-RP, TP-PID and TP-MR as asked', () => {
    const [part] = encodeSubmit({ ...base, statusReport: true, rejectDuplicates: true, replyPath: true, protocolId: 0x41, messageReference: 77 });
    const decoded = decodePdu(part!.pdu);
    expect(decoded).toMatchObject({ statusReportRequested: true, replyPath: true, protocolId: 0x41, messageReference: 77 });
    expect(octetAt(part!.pdu, 1) & 0x04).toBe(0x04);
  });

  it('puts the SMSC in front and counts only the TPDU in length', () => {
    const [withSmsc] = encodeSubmit({ ...base, smsc: '+491710760000' });
    const [without] = encodeSubmit(base);
    expect(withSmsc!.pdu.startsWith('0791947101670000')).toBe(true);
    expect(without!.pdu.startsWith('00')).toBe(true);
    expect(withSmsc!.length).toBe(without!.length);
    expect(decodePdu(withSmsc!.pdu).smsc).toBe('+491710760000');
  });

  it('codes national numbers with TON unknown and alphanumeric destinations with TON D0', () => {
    const national = decodePdu(encodeSubmit({ to: '0151 123-456 (7)', text: 'x' })[0]!.pdu);
    expect(national).toMatchObject({ address: '01511234567', addressType: 'unknown' });
    const alpha = decodePdu(encodeSubmit({ to: 'Service', text: 'x' })[0]!.pdu);
    expect(alpha).toMatchObject({ address: 'Service', addressType: 'alphanumeric' });
    const extended = decodePdu(encodeSubmit({ to: '*100#', text: 'x' })[0]!.pdu);
    expect(extended.address).toBe('*100#');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['+', 'no digits'],
    ['123456789012345678901', '21 digits'],
    ['12x45', 'illegal letter in a number'],
    ['+49+151', 'a second +'],
    ['TooLongSender', 'alphanumeric over 11 septets'],
    ['日本', 'alphanumeric outside GSM-7'],
  ])('rejects destination %p (%s) with SMSB_CODEC_BAD_ADDRESS', (to) => {
    expect(codeOf(() => encodeSubmit({ to, text: 'x' }))).toBe('SMSB_CODEC_BAD_ADDRESS');
  });

  it.each<[Partial<SubmitOptions>, string]>([
    [{ messageReference: 256 }, 'TP-MR over 255'],
    [{ messageReference: 1.5 }, 'fractional TP-MR'],
    [{ protocolId: -1 }, 'negative PID'],
    [{ concatReference: 256 }, '8-bit reference over 255'],
    [{ concatReference: 65536, referenceBits: 16 }, '16-bit reference over 65535'],
    [{ flash: true, messageClass: 2 }, 'flash with class 2'],
    [{ data: new Uint8Array(1) }, 'text and data together'],
    [{ validity: 0 }, 'zero validity'],
    [{ validity: 63 * 7 * 24 * 60 + 1 }, 'validity beyond 63 weeks'],
    [{ validity: { relativeMinutes: 5, enhancedSeconds: 5 } }, 'two validity forms'],
    [{ validity: { absolute: new Date('nope') } }, 'invalid absolute date'],
  ])('rejects %p (%s) with SMSB_CODEC_BAD_OPTION', (extra) => {
    expect(codeOf(() => encodeSubmit({ ...base, ...extra }))).toBe('SMSB_CODEC_BAD_OPTION');
  });

  it.each([
    [1, 0x00, 5],
    [5, 0x00, 5],
    [6, 0x01, 10],
    [720, 143, 720],
    [721, 144, 750],
    [1440, 167, 1440],
    [1441, 168, 2 * 1440],
    [30 * 1440, 196, 30 * 1440],
    [30 * 1440 + 1, 197, 35 * 1440],
    [63 * 7 * 1440, 255, 63 * 7 * 1440],
  ])('relative validity %i min → TP-VP %i (%i min, rounded up)', (minutes, vp, decodedMinutes) => {
    const [part] = encodeSubmit({ ...base, validity: minutes });
    // SMSC 00, first octet, MR, DA (2 + 7 octets), PID, DCS → TP-VP is octet 14.
    expect(octetAt(part!.pdu, 14)).toBe(vp);
    expect(decodePdu(part!.pdu).validityPeriod).toEqual({ format: 'relative', minutes: decodedMinutes });
  });

  it.each([
    [30, 30],
    [255, 255],
    [256, 256],
    [3 * 3600 + 25 * 60 + 7, 3 * 3600 + 25 * 60 + 7],
    [100 * 3600, 5 * 86400],
  ])('enhanced validity of %i s decodes as %i s', (seconds, decodedSeconds) => {
    const [part] = encodeSubmit({ ...base, validity: { enhancedSeconds: seconds } });
    const decoded = decodePdu(part!.pdu);
    expect(decoded.validityPeriod?.format).toBe('enhanced');
    expect(decoded.validityPeriod?.seconds).toBe(decodedSeconds);
    expect(decoded.text).toBe('hi');
  });

  it('wraps TP-MR modulo 256 across parts', () => {
    const parts = encodeSubmit({ ...base, text: 'x'.repeat(400), messageReference: 254 });
    expect(parts.map((p) => decodePdu(p.pdu).messageReference)).toEqual([254, 255, 0]);
  });

  it('uses IEI 08 with the 16-bit reference and 152 septets per part', () => {
    const parts = encodeSubmit({ ...base, text: 'y'.repeat(305), referenceBits: 16, concatReference: 0xbeef });
    const decoded = parts.map((p) => decodePdu(p.pdu));
    expect(decoded.map((d) => d.text!.length)).toEqual([152, 152, 1]);
    expect(decoded[0]!.udh).toEqual([{ iei: 0x08, data: 'BEEF0301' }]);
    expect(decoded.map((d) => d.concat)).toEqual([1, 2, 3].map((sequence) => ({ reference: 0xbeef, total: 3, sequence, referenceBits: 16 })));
  });

  it('splits 8-bit data into 134-octet parts with an 8-bit concat header', () => {
    const data = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff);
    const parts = encodeSubmit({ to: '+15551234', data, concatReference: 9 });
    const decoded = parts.map((p) => decodePdu(p.pdu));
    expect(decoded.map((d) => d.data!.length / 2)).toEqual([134, 134, 32]);
    expect(decoded.every((d) => d.encoding === '8bit' && d.text === null)).toBe(true);
    expect(decoded.map((d) => d.data).join('')).toBe(Buffer.from(data).toString('hex').toUpperCase());
  });

  it('sends 140 octets of data as one part without a header', () => {
    const parts = encodeSubmit({ to: '+15551234', data: new Uint8Array(140).fill(0xab) });
    expect(parts).toHaveLength(1);
    expect(decodePdu(parts[0]!.pdu).udh).toEqual([]);
  });

  it('places fill bits after the UDH so that 7-bit text starts on a septet boundary', () => {
    const parts = encodeSubmit({ ...base, text: 'A'.repeat(153) + 'B'.repeat(8) });
    // 6 octets of header + 1 fill bit = 7 septets; the first text septet starts at bit 49, i.e. bit 1 of UD octet 6.
    const udStart = 15;
    expect(octetAt(parts[0]!.pdu, udStart - 1)).toBe(160);
    expect(octetAt(parts[0]!.pdu, udStart + 6) & 0x01).toBe(0);
    expect((octetAt(parts[0]!.pdu, udStart + 6) >> 1) & 0x7f).toBe(0x41);
    expect(decodePdu(parts[1]!.pdu).text).toBe('BBBBBBBB');
  });

  it('announces a national language table in the UDH and decodes back with it', () => {
    const text = 'Şişli\'de buluşalım, ğ ı ç';
    const parts = encodeSubmit({ ...base, text, nationalLanguages: ['turkish'] });
    const decoded = decodePdu(parts[0]!.pdu);
    expect(decoded.encoding).toBe('gsm7');
    expect(decoded.national).not.toBeNull();
    expect(decoded.udh.some((e) => e.iei === 0x24 || e.iei === 0x25)).toBe(true);
    expect(decoded.text).toBe(text);
  });

  it('gives the same PDUs whatever was encoded before (no state carried between calls)', () => {
    const short = { to: '+41791234567', text: 'Hi' };
    const fresh = encodeSubmit(short);
    encodeSubmit({ to: '+41791234567', text: 'x'.repeat(600), smsc: '+41794999000' });
    encodeSubmit({ to: '+41791234567', text: 'ж'.repeat(900) });
    expect(encodeSubmit(short)).toEqual(fresh);
    const long = encodeSubmit({ to: '+41791234567', text: 'y'.repeat(40 * 153) });
    expect(long).toHaveLength(40);
    expect(encodeSubmit(short)).toEqual(fresh);
    expect(long.map((part) => decodePdu(part.pdu).text).join('')).toBe('y'.repeat(40 * 153));
  });

  it('sends an empty text as one empty message', () => {
    const parts = encodeSubmit({ to: '+123', text: '' });
    expect(parts).toHaveLength(1);
    expect(decodePdu(parts[0]!.pdu).text).toBe('');
  });
});
