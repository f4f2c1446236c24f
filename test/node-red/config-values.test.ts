import { gatewayValues } from '../../node-red/src/runtime/config-values';

describe('gatewayValues', () => {
  it('takes the vendor\'s secret settings from the credentials, not from the flow', () => {
    const values = gatewayValues(
      { url: 'http://127.0.0.1:8765', settings: { defaultModem: 'modem-1' } },
      { password: 'token-1', secretSettings: JSON.stringify({ pushSecret: 'push-secret-1' }) },
    );
    expect(values).toEqual({ url: 'http://127.0.0.1:8765', password: 'token-1', defaultModem: 'modem-1', pushSecret: 'push-secret-1' });
  });

  it('says how to repair unreadable secret settings without repeating them', () => {
    expect(() => gatewayValues({ url: 'http://127.0.0.1:8765' }, { secretSettings: '{"pushSecret": "half-writt' })).toThrow(/enter them again and save/);
    try {
      gatewayValues({ url: 'http://127.0.0.1:8765' }, { secretSettings: '{"pushSecret": "half-writt' });
    } catch (error) {
      expect(String(error)).not.toContain('half-writt');
    }
  });
});
