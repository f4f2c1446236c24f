import type { BindingInterface, BindingPortInterface, OpenOptions } from '@serialport/bindings-interface';
import { ModemHub, type ModemHubOptions } from '../../../src/modem/gateway/modem-hub';
import { modemVendor } from '../../../src/modem/gateway/modem-vendor';
import { createVirtualModemBinding } from '../../../src/modem/virtual/virtual-modem-binding';
import { VirtualModem, type VirtualModemOptions } from '../../../src/modem/virtual/virtual-modem';
import type { GatewayClient } from '../../../src/vendors/gateway-client';
import { VendorRegistry } from '../../../src/vendors/registry';

export const PORT = '/dev/ttyVM0';

/**
 * Virtual modems behind the serialport binding (the real stream layer, in-process), a hub over
 * them on the system clock with short timeouts, and the registry with the modem entry: what a
 * host has. Counts the ports the binding opened and still holds, to see sharing and closing.
 */
export function virtualModemPorts(modemOptions: VirtualModemOptions = {}, hubOptions: ModemHubOptions = {}) {
  const modem = new VirtualModem({ network: { deliveryDelayMs: 5 }, ussd: { replyDelayMs: 5 }, bootDelayMs: 5, ...modemOptions });
  const modems: Record<string, VirtualModem> = { [PORT]: modem };
  const inner = createVirtualModemBinding(modems);
  const counts = { opened: 0, open: 0 };
  const binding: BindingInterface = {
    list: () => inner.list(),
    async open(options: OpenOptions): Promise<BindingPortInterface> {
      const port = await inner.open(options);
      counts.opened += 1;
      counts.open += 1;
      const close = port.close.bind(port);
      port.close = async () => {
        if (port.isOpen) counts.open -= 1;
        await close();
      };
      return port;
    },
  };
  const hub = new ModemHub({
    binding,
    driver: { reconnect: { initialDelayMs: 10, maxDelayMs: 20 }, commandTimeoutMs: 1000, sendTimeoutMs: 1000, probeTimeoutMs: 200, probeAttempts: 2 },
    ...hubOptions,
  });
  const registry = new VendorRegistry([modemVendor]);
  const clients: GatewayClient[] = [];
  const open = (values: Record<string, unknown> = {}): GatewayClient => {
    const client = registry.open('modem', { port: PORT, ...values }, { modemHub: hub });
    clients.push(client);
    return client;
  };
  const cleanup = async (): Promise<void> => {
    await Promise.allSettled(clients.map((client) => client.close()));
    await hub.close();
    modem.close();
  };
  return { modem, modems, hub, registry, open, counts, cleanup };
}

/**
 * `virtualModemPorts` for the tests of one file: `setUp` makes them, and what a test opened (and
 * what it hands to `afterThisTest`) is closed once that test ended.
 */
export function virtualModemPortsPerTest(): { setUp: typeof virtualModemPorts; afterThisTest(cleanup: () => Promise<void>): void } {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  return {
    setUp: (...args) => {
      const ports = virtualModemPorts(...args);
      cleanups.push(ports.cleanup);
      return ports;
    },
    afterThisTest: (cleanup) => void cleanups.push(cleanup),
  };
}
