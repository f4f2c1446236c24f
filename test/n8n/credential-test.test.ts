/**
 * The credentials' Test button (each node's `testedBy` function): the gateway's own verify call,
 * against a simulator, with a right and a wrong password, and a gateway without a harmless call.
 */
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions } from 'n8n-workflow';
import { createVendorRegistry } from '@smsbridge/core';
import { SIMULATED_GATEWAYS, startSimulators, virtualModem, type MultiSimulator } from '../../packages/core/src/testing';
import { ModemBridgeGatewayKit } from '../../packages/core/src/testing/modem-bridge-gateway-kit';
import { testGatewayCredential } from '../../nodes/shared/CredentialTest';
import { GATEWAY_CREDENTIALS } from '../../nodes/shared/GatewayCredentials';

let simulators: MultiSimulator;
const context = {} as ICredentialTestFunctions;

beforeAll(async () => {
  simulators = await startSimulators();
});
afterAll(async () => {
  await simulators.stop();
});

const verifiable = createVendorRegistry()
  .list()
  .filter((entry) => (SIMULATED_GATEWAYS as readonly string[]).includes(entry.key) && entry.capabilities.operations.includes('verify'))
  .map((entry) => entry.key);

describe.each(verifiable)('the %s credential test', (gateway) => {
  const values = () => ({ url: simulators.get(gateway)!.baseUrl, ...simulators.get(gateway)!.describe().credentials });

  it('is OK with the simulator\'s account', async () => {
    const result = await testGatewayCredential.call(context, { id: '1', name: 'c', type: GATEWAY_CREDENTIALS[gateway].name, data: values() });
    expect(result.status).toBe('OK');
  });

  it('fails with a wrong password and does not repeat it', async () => {
    const result = await testGatewayCredential.call(context, { id: '1', name: 'c', type: GATEWAY_CREDENTIALS[gateway].name, data: { ...values(), password: 'wrong-password-2718' } });
    expect(result.status).toBe('Error');
    expect(result.message).not.toContain('wrong-password-2718');
  });
});

it('says so when the gateway has no call that proves an account', async () => {
  const unverifiable = createVendorRegistry()
    .list()
    .filter((entry) => !entry.capabilities.operations.includes('verify'))
    .map((entry) => entry.key);
  for (const gateway of unverifiable) {
    const result = await testGatewayCredential.call(context, {
      id: '1',
      name: 'c',
      type: GATEWAY_CREDENTIALS[gateway].name,
      data: { url: simulators.get(gateway)!.baseUrl, ...simulators.get(gateway)!.describe().credentials },
    });
    expect(result.status).toBe('OK');
    expect(result.message).toMatch(/.+/);
  }
});

describe('the GSM Modem Bridge credential test', () => {
  it('is OK with the bridge\'s token and fails with a wrong one without repeating it', async () => {
    const kit = new ModemBridgeGatewayKit();
    await kit.start();
    try {
      const type = GATEWAY_CREDENTIALS.modembridge.name;
      const ok = await testGatewayCredential.call(context, { id: '1', name: 'b', type, data: kit.connection() as ICredentialDataDecryptedObject });
      expect(ok.status).toBe('OK');
      const wrong = await testGatewayCredential.call(context, { id: '1', name: 'b', type, data: kit.wrongCredentials() as ICredentialDataDecryptedObject });
      expect(wrong.status).toBe('Error');
      expect(wrong.message).not.toContain(String(kit.wrongCredentials()['password']));
    } finally {
      await kit.stop();
    }
  });
});

describe('the GSM modem credential test', () => {
  it('probes the modem on its port (answers, SIM ready, registered) and fails on a port where none is', async () => {
    const modem = await virtualModem.PtyVirtualModem.start({ profile: 'simcom', pin: '2468' });
    try {
      const type = GATEWAY_CREDENTIALS.modem.name;
      const ok = await testGatewayCredential.call(context, { id: '1', name: 'm', type, data: { port: modem.path, baudRate: 115200, pin: '2468' } });
      expect(ok.status).toBe('OK');
      const missing = await testGatewayCredential.call(context, { id: '1', name: 'm', type, data: { port: `${modem.path}-missing`, baudRate: 115200, pin: '2468' } });
      expect(missing.status).toBe('Error');
      expect(missing.message).not.toContain('2468');
    } finally {
      await modem.close();
    }
  });
});
