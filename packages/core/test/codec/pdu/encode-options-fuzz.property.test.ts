import fc from 'fast-check';
import { CodecError } from '../../../src/errors/codec-error';
import { encodeSubmit } from '../../../src/codec/pdu/encode-submit';
import type { SubmitOptions } from '../../../src/codec/types';

/** Values a host node might pass through from JSON or a misconfigured field. */
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -300, max: 70000 }),
  fc.double(),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('+491511234567', '0151 234 567', 'Alerts', '*100#', 'auto', 'gsm7', 'ucs2', 8, 16, 0, 1, 2, 3),
  fc.uint8Array({ maxLength: 300 }),
  fc.record({ relativeMinutes: fc.integer({ min: -5, max: 700000 }) }, { requiredKeys: [] }),
  fc.record({ absolute: fc.date({ noInvalidDate: false }) }),
  fc.array(fc.constantFrom('turkish', 'spanish', 'klingon'), { maxLength: 2 }),
);

const optionKeys = [
  'to', 'text', 'data', 'encoding', 'nationalLanguages', 'smsc', 'flash', 'messageClass', 'validity', 'statusReport',
  'messageReference', 'protocolId', 'concatReference', 'referenceBits', 'rejectDuplicates', 'replyPath',
] as const;

describe('encodeSubmit on arbitrary options', () => {
  it('returns PDUs or throws a CodecError, nothing else', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...optionKeys), anyValue, { maxKeys: 8 }), fc.string({ maxLength: 200 }), (raw, text) => {
        const options = { to: '+15551234', text, ...raw } as unknown as SubmitOptions;
        try {
          const parts = encodeSubmit(options);
          expect(parts.length).toBeGreaterThan(0);
          for (const part of parts) {
            expect(part.pdu).toMatch(/^([0-9A-F]{2})+$/);
            expect(part.length).toBeLessThanOrEqual(part.pdu.length / 2);
          }
        } catch (error) {
          if (!(error instanceof CodecError)) throw error;
          expect(error.code).toMatch(/^SMSB_CODEC_/);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
