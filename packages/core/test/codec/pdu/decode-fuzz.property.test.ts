import fc from 'fast-check';
import { CodecError } from '../../../src/errors/codec-error';
import { decodePdu } from '../../../src/codec/pdu/decode-pdu';
import { encodeSubmit } from '../../../src/codec/pdu/encode-submit';

/** Valid PDUs to mutate (from the published-PDU table plus a few from the encoder). */
const SEEDS: { hex: string; hasSmsc: boolean }[] = [
  '07919730071111F1000B919746121611F10000811170021222230DC8329BFD6681EE6F399B1C02',
  '07911326060032F0000DD0D432DBFC96D30100001121313121114012D7327BFC6E9741F437885A669BDF723A',
  '07919730071111F1400B919746121611F10000811170021222230E06080412340201C8329BFD6601',
  '07919730071111F1400B919746121611F10000100161916223230D0500032E020190E175DD1D06',
  '07919730071111F1400B919746121611F100008111701222322342140A030004100A030606200A030E09400A031C0D80C2379BCC0225E961767ACC0255DDE4B29C9D76974161371934A5CBD3EB321D2D7FD7CF6817',
  '07919730071111F1000B919746121611F100088111800212222318041F04400438043204350442002C0020043C043804400021',
  '07911326040000F0310D0B911326880736F40000A90FF7FBDD454E87CDE1B0DB357EB701',
  '0019000B917228001011F100003170013193008017D474BB3CA787DB70903DCC4E93D3F43C885E9ED301',
  '0006D60B911326880736F4111011719551401110117195714000',
  '079144973770939906270C91449777621047012021216043000120212160930000',
  '0591721891F101000B917228214365F700040C48656C6C6F20776F726C6421',
]
  .map((hex) => ({ hex, hasSmsc: true }))
  .concat(
    [{ hex: '0642049136195150713220052351408132200542AB078904067265706F7274', hasSmsc: false }],
    encodeSubmit({ to: '+4915112345678', text: 'Şu an buluşalım '.repeat(12), nationalLanguages: ['turkish'], validity: { enhancedSeconds: 4000 } }).map((p) => ({ hex: p.pdu, hasSmsc: true })),
    encodeSubmit({ to: 'Alerts', text: '😀 emoji ' .repeat(10), referenceBits: 16, concatReference: 513 }).map((p) => ({ hex: p.pdu, hasSmsc: true })),
  );

/** Decoding may return a DecodedPdu or throw a CodecError with a code and an in-range offset; nothing else. */
function decodesOrCodecError(hex: string, hasSmsc: boolean): void {
  try {
    const decoded = decodePdu(hex, { hasSmsc });
    expect(['deliver', 'submit', 'status-report']).toContain(decoded.type);
    expect(typeof decoded.address).toBe('string');
    expect(decoded.tpduLength).toBeLessThanOrEqual(hex.trim().length / 2);
    JSON.stringify(decoded);
  } catch (error) {
    if (!(error instanceof CodecError)) throw error;
    expect(error.code).toMatch(/^SMSB_CODEC_/);
    if (error.offset !== undefined) {
      expect(error.offset).toBeGreaterThanOrEqual(0);
      expect(error.offset).toBeLessThanOrEqual(Math.ceil(hex.length / 2));
    }
  }
}

const hexChar = fc.constantFrom(...'0123456789ABCDEFabcdef');
const seed = fc.constantFrom(...SEEDS);

describe('decodePdu on hostile input', () => {
  it('random hex strings (odd lengths included)', () => {
    fc.assert(
      fc.property(fc.array(hexChar, { maxLength: 400 }), fc.boolean(), (chars, hasSmsc) => decodesOrCodecError(chars.join(''), hasSmsc)),
      { numRuns: 3000 },
    );
  });

  it('random octets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (octets, hasSmsc) => decodesOrCodecError(Buffer.from(octets).toString('hex'), hasSmsc)),
      { numRuns: 3000 },
    );
  });

  it('random strings of any characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => decodesOrCodecError(text, true)),
      { numRuns: 1000 },
    );
  });

  it('valid PDUs truncated anywhere', () => {
    fc.assert(
      fc.property(seed, fc.nat(), ({ hex, hasSmsc }, cut) => decodesOrCodecError(hex.slice(0, cut % (hex.length + 1)), hasSmsc)),
      { numRuns: 3000 },
    );
  });

  it('every truncation of every seed at an octet boundary is a CodecError or a shorter valid PDU', () => {
    for (const { hex, hasSmsc } of SEEDS) {
      for (let octets = 0; octets < hex.length / 2; octets++) decodesOrCodecError(hex.slice(0, octets * 2), hasSmsc);
    }
  });

  it('valid PDUs with bit flips', () => {
    fc.assert(
      fc.property(seed, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 6 }), ({ hex, hasSmsc }, flips) => {
        const octets = Buffer.from(hex, 'hex');
        for (const [at, bit] of flips) octets[at % octets.length] ^= 1 << bit;
        decodesOrCodecError(octets.toString('hex'), hasSmsc);
      }),
      { numRuns: 5000 },
    );
  });

  it('valid PDUs with any octet (length fields included) replaced', () => {
    fc.assert(
      fc.property(seed, fc.nat(), fc.integer({ min: 0, max: 255 }), ({ hex, hasSmsc }, at, value) => {
        const octets = Buffer.from(hex, 'hex');
        octets[at % octets.length] = value;
        decodesOrCodecError(octets.toString('hex'), hasSmsc);
      }),
      { numRuns: 5000 },
    );
  });

  it('valid PDUs with octets inserted, removed or appended', () => {
    fc.assert(
      fc.property(seed, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.boolean(), ({ hex, hasSmsc }, at, extra, remove) => {
        const octets = Buffer.from(hex, 'hex');
        const index = at % (octets.length + 1);
        const mutated = remove
          ? Buffer.concat([octets.subarray(0, index), octets.subarray(index + extra.length)])
          : Buffer.concat([octets.subarray(0, index), extra, octets.subarray(index)]);
        decodesOrCodecError(mutated.toString('hex'), hasSmsc);
      }),
      { numRuns: 3000 },
    );
  });

  it('valid PDUs with the SMSC flag guessed wrong', () => {
    for (const { hex, hasSmsc } of SEEDS) decodesOrCodecError(hex, !hasSmsc);
  });
});
