import type { GatewaySimulator } from '../../../src/simulator/gateway-simulator';
import type { GatewayClient, GatewayKey } from '../../../src/vendors/gateway-client';
import { createVendorRegistry } from '../../../src/vendors/registry';
import type { ConnectContext } from '../../../src/vendors/vendor-entry';
import { ManualClock } from '../../../src/testing/manual-clock';

export interface VendorFixtureSetup<S> {
  /** The simulator of one test, given the test's manual clock (a simulator without a clock ignores it). */
  simulator: (clock: ManualClock) => S;
  /** Clients run on the manual clock too, so nothing they schedule happens until a test moves it. */
  clientsOnManualClock: boolean;
  /** The user clients log in as; default: the one the simulator describes. */
  credentials?: { username: string; password: string };
}

export interface VendorFixture<S> {
  readonly simulator: S;
  readonly clock: ManualClock;
  /** The clients made in this test so far (none when createClient refused the options). */
  readonly clients: readonly GatewayClient[];
  /**
   * A client made through `registry.open`, as a host makes it: the simulator's URL and account,
   * then `settings` (the vendor's own connection settings, or an override of the shared ones).
   * Closed after the test.
   */
  client(settings?: Record<string, unknown>, context?: ConnectContext): GatewayClient;
  /** The connection values `client` opens with: the simulator's URL and account, then `settings`. */
  values(settings?: Record<string, unknown>): Record<string, unknown>;
  /** A client for exactly these values (e.g. taken before the simulator stopped); closed after the test. */
  clientFor(values: Record<string, unknown>, context?: ConnectContext): GatewayClient;
}

/**
 * For the tests of one vendor's registry entry: a started simulator per test, clients made through
 * `registry.open`, and everything closed again after each test.
 */
export function useVendorFixture<S extends GatewaySimulator>(vendor: GatewayKey, setup: VendorFixtureSetup<S>): VendorFixture<S> {
  const registry = createVendorRegistry();
  const clients: GatewayClient[] = [];
  let simulator: S | undefined;
  let clock: ManualClock | undefined;

  beforeEach(async () => {
    clock = new ManualClock();
    simulator = setup.simulator(clock);
    await simulator.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((created) => created.close()));
    await simulator?.stop();
  });

  return {
    get simulator() {
      return simulator!;
    },
    get clock() {
      return clock!;
    },
    clients,
    values(settings = {}) {
      const { username, password } = setup.credentials ?? simulator!.describe().credentials;
      return { url: simulator!.baseUrl, username, password, ...settings };
    },
    client(settings = {}, context = {}) {
      return this.clientFor(this.values(settings), context);
    },
    clientFor(values, context = {}) {
      const created = registry.open(vendor, values, { ...(setup.clientsOnManualClock ? { clock } : {}), ...context });
      clients.push(created);
      return created;
    },
  };
}
