import { InvalidRequestError } from '../../errors';
import type { SimulatorOptions } from '../../simulator/gateway-simulator';
import { httpTransportFor } from '../shared/http-transport-for';
import type { VendorClientOptions, VendorEntry } from '../vendor-entry';
import { booleanOption, choiceOption, integerListOption, readVendorOptions, utcOffsetMinutesOption, type VendorOptionSchema } from '../shared/vendor-option-reader';
import type { DinstarAuthScheme } from './dinstar-authenticating-transport';
import { DinstarClient, type DinstarClientOptions } from './dinstar-client';
import { DinstarSimulator, type DinstarSimulatorOptions } from './dinstar-simulator';

function basePathOf(baseUrl: string): string {
  try {
    const path = new URL(baseUrl).pathname;
    return path === '/' ? '' : path.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** The `DinstarClientOptions` a CLI `--option` or a host may set. */
type DinstarVendorSettings = Pick<DinstarClientOptions, 'authScheme' | 'keepAlive' | 'ports' | 'gatewayUtcOffsetMinutes' | 'requestStatusReport'>;

const DINSTAR_OPTIONS: VendorOptionSchema<DinstarVendorSettings> = {
  authScheme: choiceOption<DinstarAuthScheme>(['digest', 'basic']),
  keepAlive: booleanOption(),
  ports: integerListOption(0, 255, 'a list of port numbers from 0 to 255 ("1,2" or [1,2])'),
  gatewayUtcOffsetMinutes: utcOffsetMinutesOption(),
  requestStatusReport: booleanOption(),
};

/**
 * Dinstar as the registry, the CLI and the hosts see it. `vendorOptions` (an unknown key or a
 * wrong value is refused): `authScheme` (`digest`|`basic`), `keepAlive` (default true; false sends
 * `Connection: close`), `ports` (list or "1,2"), `gatewayUtcOffsetMinutes`, `requestStatusReport`.
 */
export const dinstarVendor: VendorEntry = {
  key: 'dinstar',
  describe: {
    key: 'dinstar',
    displayName: 'Dinstar GSM gateway (HTTP API)',
    summary: 'Dinstar multi-port GSM gateway, "New Version API": batch SMS, results and delivery reports, inbox, USSD, port admin, JSON push',
    defaultPort: 443,
    seed: '004_fa198e40aaaa8562.txt',
    operations: ['send', 'status', 'inbox', 'ussd', 'admin'],
  },
  createClient(options: VendorClientOptions) {
    if (!options.username || options.password === undefined) {
      throw new InvalidRequestError('Dinstar needs the username and password of the gateway\'s web account.', { details: { gateway: 'dinstar' } });
    }
    const settings = readVendorOptions({ gateway: 'dinstar', name: 'Dinstar' }, DINSTAR_OPTIONS, options);
    return new DinstarClient({
      transport: httpTransportFor(options, 'dinstar'),
      username: options.username,
      password: options.password,
      basePath: basePathOf(options.baseUrl),
      ...settings,
      ...(options.clock ? { clock: options.clock } : {}),
    });
  },
  createSimulator(options?: SimulatorOptions) {
    return new DinstarSimulator(options as DinstarSimulatorOptions);
  },
};
