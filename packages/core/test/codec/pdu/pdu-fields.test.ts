import { CodecError } from '../../../src/errors/codec-error';
import { decodeGsm7 } from '../../../src/codec/gsm7';
import { packSeptets } from '../../../src/codec/septet-packing';
import { parseDataCodingScheme } from '../../../src/codec/pdu/data-coding-scheme';
import { decodePdu } from '../../../src/codec/pdu/decode-pdu';
import { encodeSubmit } from '../../../src/codec/pdu/encode-submit';
import { hexToOctets, octetsToHex } from '../../../src/codec/pdu/hex-octets';
import { decodeTimestamp, encodeTimestamp } from '../../../src/codec/pdu/service-centre-timestamp';
import { parseUserDataHeader } from '../../../src/codec/pdu/user-data-header';
import { relativeValidityMinutes } from '../../../src/codec/pdu/validity-period';

function codecErrorOf(fn: () => unknown): CodecError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  throw new Error('expected a CodecError');
}

/** A DELIVER from +49151… with the given DCS, SCTS and user data (UDL + UD hex), no SMSC. */
function deliver(firstOctet: string, dcs: string, userData: string, scts = '42306241501540'): string {
  return `00${firstOctet}0B919451214365F700${dcs}${scts}${userData}`;
}

function septetsHex(text: string, fill = 0): string {
  const septets = [...text].map((c) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.includes(c) ? c.charCodeAt(0) : c === '@' ? 0 : c === '\r' ? 13 : c.charCodeAt(0));
  return octetsToHex(packSeptets(septets, fill));
}

describe('hex', () => {
  it('round-trips octets and accepts lower case and surrounding white space', () => {
    const octets = Uint8Array.from({ length: 256 }, (_, i) => i);
    const hex = octetsToHex(octets);
    expect(hex).toBe(Buffer.from(octets).toString('hex').toUpperCase());
    expect(hexToOctets(` ${hex.toLowerCase()}\r\n`)).toEqual(octets);
  });

  it.each([1, 15, 16, 17, 33, 140, 512, 513, 1500])('writes upper-case hex of %i octets from any view and offset', (length) => {
    const backing = Uint8Array.from({ length: length + 3 }, (_, i) => (i * 37 + 11) & 0xff);
    const view = backing.subarray(3);
    const expected = Buffer.from(view).toString('hex').toUpperCase();
    expect(octetsToHex(view)).toBe(expected);
    expect(octetsToHex(Buffer.from(view))).toBe(expected);
    expect(octetsToHex(backing, 3, length + 3)).toBe(expected);
    expect(octetsToHex(Array.from(view))).toBe(expected);
  });

  it.each([
    ['0', 0],
    ['00F', 1],
    ['00G0', 1],
    ['0011zz', 2],
    ['é0', 0],
  ])('%p is SMSB_CODEC_BAD_HEX at octet %i', (hex, offset) => {
    const error = codecErrorOf(() => hexToOctets(hex));
    expect(error.code).toBe('SMSB_CODEC_BAD_HEX');
    expect(error.offset).toBe(offset);
  });
});

describe('TP-SCTS', () => {
  it.each([
    ['51117200000000', '2015-11-27T00:00:00+00:00'],
    ['51117200000080', '2015-11-27T00:00:00+02:00'],
    ['70402132522423', '2007-04-12T23:25:42+08:00'],
    ['7040213252242B', '2007-04-12T23:25:42-08:00'], // python-gsmmodem TestTimestamp: GMT-8
    ['99309251619580', '1999-03-29T15:16:59+02:00'],
    ['05010100000069', '1950-10-10T00:00:00-04:00'], // 50 → 1950; zone 0x69: sign bit set, 1*10+6 = 16 quarters
  ])('%s → %s', (hex, iso) => {
    expect(decodeTimestamp(hexToOctets(hex)).iso).toBe(iso);
  });

  it('gives the instant and the offset', () => {
    const ts = decodeTimestamp(hexToOctets('7040213252242B'));
    expect(ts.offsetMinutes).toBe(-480);
    expect(ts.epochMs).toBe(Date.UTC(2007, 3, 13, 7, 25, 42));
  });

  it('decodes invalid BCD nibbles best-effort into a valid ISO string', () => {
    // Seconds octet 0xF2 = "2F": tens 2, units 15 → 35 s; month 0x31 = 13 → January of the next year.
    const ts = decodeTimestamp(hexToOctets('4231624150F240'));
    expect(ts.iso).toBe('2025-01-26T14:05:35+01:00');
    for (const hex of ['FFFFFFFFFFFFFF', 'AAAAAAAAAAAAAA', '00000000000000']) {
      expect(decodeTimestamp(hexToOctets(hex)).iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    }
  });

  it('encodes and decodes back, with a negative quarter-hour zone', () => {
    const date = new Date('2024-03-26T14:05:09-03:30');
    const octets = encodeTimestamp(date, -210);
    expect(octetsToHex(octets)).toBe('42306241509049');
    expect(decodeTimestamp(octets).iso).toBe('2024-03-26T14:05:09-03:30');
    expect(decodeTimestamp(octets).epochMs).toBe(date.getTime());
  });
});

describe('TP-DCS', () => {
  it.each([
    [0x00, { alphabet: 'gsm7', messageClass: null, compressed: false }],
    [0x04, { alphabet: '8bit', messageClass: null }],
    [0x08, { alphabet: 'ucs2', messageClass: null }],
    [0x0c, { alphabet: 'gsm7' }], // reserved alphabet → default alphabet
    [0x10, { alphabet: 'gsm7', messageClass: 0 }],
    [0x16, { alphabet: '8bit', messageClass: 2 }],
    [0x19, { alphabet: 'ucs2', messageClass: 1 }],
    [0x20, { alphabet: '8bit', compressed: true }], // compressed text is handed out as data
    [0x48, { alphabet: 'ucs2', autoDelete: true }],
    [0x80, { alphabet: 'gsm7', messageClass: null }], // reserved group
    [0xc8, { alphabet: 'gsm7', waiting: { active: true, kind: 'voicemail', store: false } }],
    [0xd9, { alphabet: 'gsm7', waiting: { active: true, kind: 'fax', store: true } }],
    [0xe2, { alphabet: 'ucs2', waiting: { active: false, kind: 'email', store: true } }],
    [0xf0, { alphabet: 'gsm7', messageClass: 0 }],
    [0xf5, { alphabet: '8bit', messageClass: 1 }],
  ])('DCS %i', (dcs, expected) => {
    expect(parseDataCodingScheme(dcs)).toMatchObject(expected);
  });

  it('decodes a message-waiting DELIVER (DCS C8) as text', () => {
    const decoded = decodePdu(deliver('04', 'C8', '05' + septetsHex('VOICE')));
    expect(decoded).toMatchObject({ text: 'VOICE', encoding: 'gsm7', class: null, dataCodingScheme: 0xc8 });
  });
});

describe('TP-VP relative ranges', () => {
  it.each([
    [0, 5],
    [143, 720],
    [144, 750],
    [167, 1440],
    [168, 2880],
    [196, 43200],
    [197, 50400],
    [255, 635040],
  ])('%i → %i minutes', (vp, minutes) => expect(relativeValidityMinutes(vp)).toBe(minutes));
});

describe('7-bit padding at the end', () => {
  it('drops a final CR when the user data ends on an octet boundary (8 septets)', () => {
    expect(decodePdu(deliver('04', '00', '08' + septetsHex('ABCDEFG\r'))).text).toBe('ABCDEFG');
  });

  // Changed deliberately: TP-UDL counts septets, so spare zero bits are never read as an '@'.
  it('keeps a final @ on an octet boundary: it is text, never padding', () => {
    expect(decodePdu(deliver('04', '00', '08' + septetsHex('ABCDEFG@'))).text).toBe('ABCDEFG@');
    expect(decodePdu(deliver('04', '00', '08' + septetsHex('@@@@@@@@'))).text).toBe('@@@@@@@@');
  });

  it('keeps a final CR on an octet boundary when it is the single shift code after an escape', () => {
    // 0x1B 0x0D is undefined in the extension table, so it reads as the default alphabet's CR.
    expect(decodePdu(deliver('04', '00', '08' + octetsToHex(packSeptets([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x1b, 0x0d])))).text).toBe('ABCDEF\r');
    expect(decodePdu(deliver('04', '00', '08' + octetsToHex(packSeptets([0x41, 0x42, 0x43, 0x44, 0x45, 0x1b, 0x1b, 0x0d])))).text).toBe('ABCDE ');
  });

  it('round-trips a final @ on an octet boundary through encodeSubmit and decodePdu', () => {
    for (const text of ['@@@@@@@@', 'abcdefg@', '@'.repeat(16), `${'x'.repeat(159)}@`]) {
      const parts = encodeSubmit({ to: '+15551234567', text });
      expect(parts.map((part) => decodePdu(part.pdu).text).join('')).toBe(text);
    }
    // Concatenated: the last part (7 header septets + 9 '@', UDL 16) ends on an octet boundary too.
    const long = '@'.repeat(153 + 9);
    expect(encodeSubmit({ to: '+15551234567', text: long }).map((part) => decodePdu(part.pdu).text).join('')).toBe(long);
  });

  it('keeps a final @ or CR that does not end on an octet boundary', () => {
    expect(decodePdu(deliver('04', '00', '07' + septetsHex('ABCDEF@'))).text).toBe('ABCDEF@');
    expect(decodePdu(deliver('04', '00', '09' + septetsHex('ABCDEFGH\r'))).text).toBe('ABCDEFGH\r');
  });

  it('keeps the last character of a part that is followed by another', () => {
    // UDH 050003 07 02 01, 1 fill bit, then 9 septets: UDL = 7 + 9 = 16, a multiple of 8.
    const ud = '10' + '05000307020' + '1' + septetsHex('ABCDEFGH@', 1);
    expect(decodePdu(deliver('44', '00', ud)).text).toBe('ABCDEFGH@');
  });
});

describe('user data header', () => {
  it('parses 8- and 16-bit concat and national shift elements, keeps unknown ones', () => {
    const octets = hexToOctets('0003AA0302' + '0804BEEF0503' + '240101' + '250103' + '7F00');
    const header = parseUserDataHeader(octets, 0, octets.length);
    expect(header.concat).toEqual({ reference: 0xbeef, total: 5, sequence: 3, referenceBits: 16 });
    expect(header.national).toEqual({ singleShift: 'turkish', lockingShift: 'portuguese' });
    expect(header.elements.map((e) => e.iei)).toEqual([0x00, 0x08, 0x24, 0x25, 0x7f]);
  });

  it('ignores concat elements with sequence 0, total 0 or sequence > total', () => {
    for (const bad of ['0003010000', '0003010001', '0003010203']) {
      const octets = hexToOctets(bad);
      expect(parseUserDataHeader(octets, 0, octets.length).concat).toBeNull();
    }
  });

  it('reports an element running past the header with its offset', () => {
    const error = codecErrorOf(() => parseUserDataHeader(hexToOctets('0003AA03'), 0, 4));
    expect(error.code).toBe('SMSB_CODEC_BAD_FIELD');
    expect(error.offset).toBe(1);
  });

  it('applies a national locking shift announced in the UDH to the text', () => {
    // UDH 03 25 01 01 (Turkish locking shift): 4 octets + 3 fill bits = 5 septets.
    const turkishText = decodeGsm7([0x07], { lockingShift: 'turkish' });
    const ud = '06' + '03250101' + septetsHex('\u0007', 3);
    const decoded = decodePdu(deliver('44', '00', ud));
    expect(decoded.national).toEqual({ lockingShift: 'turkish' });
    expect(decoded.text).toBe(turkishText);
    expect(decoded.text).not.toBe(decodeGsm7([0x07]));
  });

  it.each([
    // Octets: SMSC 0, first 1, OA 2–9, PID 10, DCS 11, SCTS 12–18, UDL 19, UD from 20.
    ['UDH length beyond the user data', deliver('44', '04', '03' + '0A0000'), 'SMSB_CODEC_BAD_FIELD', 20],
    ['UDHI set but no user data', deliver('44', '04', '00'), 'SMSB_CODEC_BAD_FIELD', 19],
    ['UDL shorter than the 7-bit header', deliver('44', '00', '06' + '050003010201'), 'SMSB_CODEC_BAD_FIELD', 19],
    ['UDL beyond the data', deliver('04', '00', '0A' + 'C8329BFD06'), 'SMSB_CODEC_TRUNCATED', 20],
    ['odd UCS-2 length', deliver('04', '08', '03' + '004100'), 'SMSB_CODEC_BAD_FIELD', 22],
  ])('%s', (_name, hex, code, offset) => {
    const error = codecErrorOf(() => decodePdu(hex));
    expect(error.code).toBe(code);
    expect(error.offset).toBe(offset);
  });
});

describe('first octet and framing', () => {
  it('rejects the reserved TP-MTI 11', () => {
    const error = codecErrorOf(() => decodePdu('0003'));
    expect(error.code).toBe('SMSB_CODEC_UNSUPPORTED');
    expect(error.offset).toBe(1);
  });

  it('names the field a truncated PDU lacks', () => {
    const error = codecErrorOf(() => decodePdu('0004'));
    expect(error.code).toBe('SMSB_CODEC_TRUNCATED');
    expect(error.message).toContain('TP-OA');
    expect(error.offset).toBe(2);
  });

  it('rejects an SMSC length that cannot be one (a TPDU given without its SMSC)', () => {
    const error = codecErrorOf(() => decodePdu('0011000B916407281553F80000AA0AE8329BFD4697D9EC37'.slice(2).replace(/^/, '91')));
    expect(error.code).toBe('SMSB_CODEC_BAD_FIELD');
  });

  it('reads the TP-MMS, TP-SRI and TP-RP flags of a DELIVER', () => {
    expect(decodePdu(deliver('A0', '00', '00'))).toMatchObject({ moreMessagesToSend: true, statusReportRequested: true, replyPath: true });
    expect(decodePdu(deliver('04', '00', '00'))).toMatchObject({ moreMessagesToSend: false, statusReportRequested: false, replyPath: false });
  });

  it('skips TP-PI extension octets of a status report', () => {
    // MR 42, RA +6391, SCTS, DT, ST 00, TP-PI 87 (extension + PID, DCS, UDL), extension octet 00, PID 04, DCS 00, UDL 00.
    const sr = '00' + '06' + '42' + '04913619' + '51507132200523' + '51408132200542' + '00' + '87' + '00' + '04' + '00' + '00';
    expect(decodePdu(sr)).toMatchObject({ type: 'status-report', status: 0, protocolId: 0x04, dataCodingScheme: 0x00, text: '' });
  });

  it('rejects a non-string input with SMSB_CODEC_BAD_HEX', () => {
    expect(codecErrorOf(() => decodePdu(undefined as unknown as string)).code).toBe('SMSB_CODEC_BAD_HEX');
  });
});
