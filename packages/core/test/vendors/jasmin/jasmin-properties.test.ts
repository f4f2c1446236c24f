import fc from 'fast-check';
import * as jasmin from '../../../src/vendors/jasmin';

const { buildJasminMessage, parseJasminDeliveryReport, canonicalJasminFields } = jasmin;

describe('Jasmin properties', () => {
  it('Unicode text always travels as coding 8 + hex_content that decodes back, never as content', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), (text) => {
        const body = buildJasminMessage({ to: '1', text, encoding: 'ucs2' });
        expect(body).not.toHaveProperty('content');
        expect(body.coding).toBe(8);
        expect(Buffer.from(String(body.hex_content), 'hex').swap16().toString('utf16le')).toBe(text);
      }),
    );
  });

  it('canonical keys never keep an underscore', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.integer()), (fields) => {
        expect(Object.keys(canonicalJasminFields(fields)).every((key) => !key.includes('_'))).toBe(true);
      }),
    );
  });

  it('any DLR with an id and a status parses to a known state', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''), fc.constantFrom('1', '2', '3'), (id, status, level) => {
        const parsed = parseJasminDeliveryReport({ id, message_status: status, level });
        expect(['queued', 'sent', 'delivered', 'failed', 'expired', 'unknown']).toContain(parsed.state);
        expect(parsed.messageId).toBe(id);
      }),
    );
  });
});
