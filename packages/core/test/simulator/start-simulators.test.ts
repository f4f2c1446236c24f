import { InvalidRequestError } from '../../src/errors';
import { SIMULATED_GATEWAYS } from '../../src/testing/simulator-catalog';
import { startSimulators } from '../../src/testing/start-simulators';
import { createVendorRegistry, VendorRegistry, type VendorEntry } from '../../src/vendors';
import { DiafaanSimulator } from '../../src/vendors/diafaan/diafaan-simulator';

describe('vendor registry and startSimulators', () => {
  it('knows diafaan and refuses unknown keys with the list of known ones', () => {
    const registry = createVendorRegistry();
    expect(registry.has('diafaan')).toBe(true);
    expect(registry.get('diafaan').describe.defaultPort).toBe(9710);
    expect(() => registry.get('nokia')).toThrow(InvalidRequestError);
    expect(() => registry.get('nokia')).toThrow(/use one of .*diafaan/);
  });

  it('lets a host add or replace a vendor without touching the built-in list', () => {
    const fake: VendorEntry = { ...createVendorRegistry().get('diafaan'), describe: { ...createVendorRegistry().get('diafaan').describe, displayName: 'Fake' } };
    const registry = createVendorRegistry([fake]);
    expect(registry.get('diafaan').describe.displayName).toBe('Fake');
    expect(new VendorRegistry([]).keys()).toEqual([]);
  });

  it('starts every registered simulator on its own port and stops them all', async () => {
    const multi = await startSimulators();
    try {
      const described = multi.describe();
      expect(described.length).toBe(SIMULATED_GATEWAYS.length);
      const ports = described.map((simulator) => new URL(simulator.baseUrl).port);
      expect(new Set(ports).size).toBe(ports.length);
      expect(multi.get('diafaan')).toBeInstanceOf(DiafaanSimulator);
    } finally {
      await multi.stop();
    }
  });

  it('stops the ones already started when a later one cannot start', async () => {
    const first = await startSimulators(['diafaan']);
    const port = Number(new URL(first.describe()[0]!.baseUrl).port);
    try {
      const created: DiafaanSimulator[] = [];
      const make = (options: ConstructorParameters<typeof DiafaanSimulator>[0]) => {
        const simulator = new DiafaanSimulator(options);
        created.push(simulator);
        return simulator;
      };
      const create = (key: string, options: ConstructorParameters<typeof DiafaanSimulator>[0]) => make(key === 'diafaan' ? { ...options, port } : options);
      await expect(startSimulators(['routesms', 'diafaan'], { create })).rejects.toMatchObject({ code: 'SMSB_INVALID_REQUEST', details: { networkCode: 'EADDRINUSE' } });
      expect(created).toHaveLength(2);
      expect(created.map((simulator) => simulator.isRunning)).toEqual([false, false]);
    } finally {
      await first.stop();
    }
  });
});
