import fc from 'fast-check';
import { decodePdu } from '../../../src/codec/pdu/decode-pdu';
import { encodeSubmit } from '../../../src/codec/pdu/encode-submit';
import { relativeValidityMinutes } from '../../../src/codec/pdu/validity-period';
import { segmentText } from '../../../src/codec/segmenter';
import type { SubmitOptions } from '../../../src/codec/types';

const GSM_CHARS = [...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\n\r', '^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f'];
const OTHER_CHARS = ['😀', '👍🏽', 'Ж', '中', 'ş', 'ğ', 'ı', '\u0000', '\uFFFF', 'ÿ'];

/** A final `@` or CR on an octet boundary is read as padding (TS 23.038 §6.1.2.3.1); tested on its own elsewhere. */
const notEndingInPaddingCharacter = (text: string) => !text.endsWith('@') && !text.endsWith('\r');

const gsmText = fc.array(fc.constantFrom(...GSM_CHARS), { maxLength: 480 }).map((chars) => chars.join('')).filter(notEndingInPaddingCharacter);
const anyText = fc.array(fc.constantFrom(...GSM_CHARS, ...OTHER_CHARS), { maxLength: 300 }).map((chars) => chars.join('')).filter(notEndingInPaddingCharacter);
const digits = (min: number, max: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
const destination = fc.oneof(digits(1, 15).map((d) => `+${d}`), digits(1, 20));

const commonOptions = fc.record(
  {
    smsc: fc.option(digits(3, 15).map((d) => `+${d}`), { nil: undefined }),
    messageReference: fc.integer({ min: 0, max: 255 }),
    referenceBits: fc.constantFrom(8 as const, 16 as const),
    reference: fc.integer({ min: 0, max: 0xffff }),
    messageClass: fc.option(fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const), { nil: undefined }),
    validity: fc.option(fc.integer({ min: 1, max: 63 * 7 * 24 * 60 }), { nil: undefined }),
    statusReport: fc.boolean(),
  },
  { requiredKeys: ['messageReference', 'referenceBits', 'reference', 'statusReport'] },
);

type CommonOptions = typeof commonOptions extends fc.Arbitrary<infer T> ? T : never;

function submitOptions(to: string, common: CommonOptions): SubmitOptions {
  return {
    to,
    smsc: common.smsc,
    messageReference: common.messageReference,
    referenceBits: common.referenceBits,
    concatReference: common.referenceBits === 16 ? common.reference : common.reference & 0xff,
    messageClass: common.messageClass,
    validity: common.validity,
    statusReport: common.statusReport,
  };
}

function checkParts(options: SubmitOptions, join: (texts: string[]) => string, expected: string): void {
  const parts = encodeSubmit(options);
  const decoded = parts.map((part) => decodePdu(part.pdu));
  expect(join(decoded.map((d) => d.text ?? d.data ?? ''))).toBe(expected);
  const smscOctets = options.smsc === undefined ? 1 : 2 + Math.ceil((options.smsc.length - 1) / 2);
  decoded.forEach((d, index) => {
    expect(parts[index]!.length).toBe(parts[index]!.pdu.length / 2 - smscOctets);
    expect(d.tpduLength).toBe(parts[index]!.length);
    expect(d.type).toBe('submit');
    expect(d.address).toBe(options.to);
    expect(d.smsc).toBe(options.smsc ?? null);
    expect(d.messageReference).toBe((options.messageReference! + index) % 256);
    expect(d.class).toBe(options.messageClass ?? null);
    expect(d.statusReportRequested).toBe(options.statusReport);
    if (parts.length > 1) {
      expect(d.concat).toEqual({ reference: options.concatReference, total: parts.length, sequence: index + 1 });
      expect(d.udh[0]!.iei).toBe(options.referenceBits === 16 ? 0x08 : 0x00);
    } else {
      expect(d.concat).toBeNull();
    }
    if (options.validity !== undefined) {
      const minutes = d.validityPeriod!.minutes!;
      expect(minutes).toBeGreaterThanOrEqual(options.validity as number);
    }
  });
}

describe('encodeSubmit → decodePdu round trip', () => {
  it('keeps any text (auto encoding), part headers, TP-MR, class and validity', () => {
    fc.assert(
      fc.property(anyText, destination, commonOptions, (text, to, common) => {
        checkParts({ ...submitOptions(to, common), text }, (texts) => texts.join(''), text);
      }),
      { numRuns: 400 },
    );
  });

  it('splits and picks the encoding exactly as segmentText plans (short texts take a fast path)', () => {
    const shortOrLong = fc.oneof(anyText, anyText.map((t) => t.slice(0, 80)), gsmText.map((t) => t.slice(0, 170))).filter(notEndingInPaddingCharacter);
    fc.assert(
      fc.property(shortOrLong, fc.constantFrom(8 as const, 16 as const), (text, referenceBits) => {
        const plan = segmentText(text, { referenceBits });
        const decoded = encodeSubmit({ to: '+1555', text, referenceBits }).map((p) => decodePdu(p.pdu));
        expect(decoded.length).toBe(Math.max(1, plan.count));
        expect(decoded.map((d) => d.text)).toEqual(plan.count === 0 ? [''] : plan.segments);
        expect(decoded.every((d) => d.encoding === plan.encoding)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps GSM-7 text when GSM-7 is forced', () => {
    fc.assert(
      fc.property(gsmText, destination, commonOptions, (text, to, common) => {
        const options = { ...submitOptions(to, common), text, encoding: 'gsm7' as const };
        checkParts(options, (texts) => texts.join(''), text);
        expect(decodePdu(encodeSubmit(options)[0]!.pdu).encoding).toBe('gsm7');
      }),
      { numRuns: 300 },
    );
  });

  it('keeps 8-bit data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), destination, commonOptions, (data, to, common) => {
        const hex = Buffer.from(data).toString('hex').toUpperCase();
        checkParts({ ...submitOptions(to, common), data }, (chunks) => chunks.join(''), hex);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds relative validity up to the smallest representable step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 63 * 7 * 24 * 60 }), (minutes) => {
        const [part] = encodeSubmit({ to: '+1555', text: 'v', validity: minutes });
        const decoded = decodePdu(part!.pdu).validityPeriod!.minutes!;
        expect(decoded).toBeGreaterThanOrEqual(minutes);
        // SMSC 00, first octet, MR, DA (4 octets), PID, DCS → TP-VP is octet 9.
        const vp = parseInt(part!.pdu.slice(18, 20), 16);
        expect(decoded).toBe(relativeValidityMinutes(vp));
        // The step below must be too short, or the rounding was not minimal.
        if (vp > 0) expect(relativeValidityMinutes(vp - 1)).toBeLessThan(minutes);
      }),
      { numRuns: 1000 },
    );
  });
});
