import { InvalidRequestError } from '../../src/errors/gateway-errors';
import { previewSend } from '../../src/hosting/send-preview';
import { createVendorRegistry } from '../../src/vendors/registry';

const registry = createVendorRegistry();

describe('previewSend', () => {
  it('gives encoding, parts and cost per recipient for every gateway without sending', () => {
    for (const entry of registry.list()) {
      const previews = previewSend(entry, { to: ['+447700900123', '+447700900124'], text: 'x'.repeat(161) }, 0.05);
      expect(previews).toEqual([
        expect.objectContaining({ to: '+447700900123', gateway: entry.key, encoding: 'gsm7', parts: 2, characters: 161, cost: 0.1 }),
        expect.objectContaining({ to: '+447700900124', parts: 2 }),
      ]);
    }
  });

  it('switches to UCS-2 for text outside the GSM alphabet and transliterates when GSM-7 is forced', () => {
    const entry = registry.get('jasmin');
    expect(previewSend(entry, { to: ['+447700900123'], text: 'Привет' })[0]).toMatchObject({ encoding: 'ucs2', parts: 1 });
    const forced = previewSend(entry, { to: ['+447700900123'], text: 'Ångström “quoted”', encoding: 'gsm7' })[0]!;
    expect(forced.encoding).toBe('gsm7');
    expect(forced.text).not.toContain('“');
  });

  it('refuses what a real send would refuse, the same way', () => {
    expect(() => previewSend(registry.get('dinstar'), { to: ['+447700900123'], text: 'hi', scheduleAt: new Date() })).toThrow(InvalidRequestError);
    expect(() => previewSend(registry.get('jasmin'), { to: ['abc'], text: 'hi' })).toThrow(/not a phone number/);
    expect(() => previewSend(registry.get('modem'), { to: ['+447700900123'], text: '' })).toThrow(/empty/);
  });
});
