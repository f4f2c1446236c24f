import { InvalidRequestError } from '../../errors';
import type { SimulatorOptions } from '../../simulator/gateway-simulator';
import { httpTransportFor } from '../shared/http-transport-for';
import type { VendorClientOptions, VendorEntry } from '../vendor-entry';
import { choiceOption, integerListOption, readVendorOptions, utcOffsetMinutesOption, type VendorOptionSchema } from '../shared/vendor-option-reader';
import { SpangwClient, type SpangwClientOptions } from './spangw-client';
import { SpangwSimulator, type SpangwSimulatorOptions } from './spangw-simulator';

/** The `SpangwClientOptions` a CLI `--option` or a host may set. */
type SpangwVendorSettings = Pick<SpangwClientOptions, 'successCodes' | 'parameterPlacement' | 'sendMode' | 'spans' | 'gatewayUtcOffsetMinutes'>;

const SPANGW_OPTIONS: VendorOptionSchema<SpangwVendorSettings> = {
  successCodes: integerListOption(-(2 ** 31), 2 ** 31 - 1, 'a list of integer codes ("0,200" or [0,200])'),
  parameterPlacement: choiceOption(['top-level', 'data']),
  sendMode: choiceOption(['async', 'sync']),
  spans: integerListOption(0, 255, 'a list of span port numbers from 0 to 255 ("1,2" or [1,2])'),
  gatewayUtcOffsetMinutes: utcOffsetMinutesOption(),
};

/**
 * The span gateway as the registry, the CLI and the hosts see it. `vendorOptions` (an unknown key
 * or a wrong value is refused): `successCodes` (list or "0,200"), `parameterPlacement`
 * (`top-level`|`data`), `sendMode` (`async`|`sync`), `spans` (list or "1,2"),
 * `gatewayUtcOffsetMinutes`.
 */
export const spangwVendor: VendorEntry = {
  key: 'spangw',
  describe: {
    key: 'spangw',
    displayName: 'Span-based GSM gateway (JSON POST API)',
    summary: 'Multi-SIM GSM gateway (probably OpenVox) with a JSON POST API: send through spans, outbox status, configurable push',
    defaultPort: 80,
    seed: '002_aad50ca4500e3cfe.txt',
    operations: ['send', 'status', 'admin'],
  },
  createClient(options: VendorClientOptions) {
    if (!options.username || options.password === undefined) {
      throw new InvalidRequestError('The span gateway needs the username and password of its API account.', { details: { gateway: 'spangw' } });
    }
    const settings = readVendorOptions({ gateway: 'spangw', name: 'span gateway' }, SPANGW_OPTIONS, options);
    return new SpangwClient({
      transport: httpTransportFor(options, 'spangw'),
      username: options.username,
      password: options.password,
      ...settings,
      ...(options.clock ? { clock: options.clock } : {}),
    });
  },
  createSimulator(options?: SimulatorOptions) {
    return new SpangwSimulator(options as SpangwSimulatorOptions);
  },
};
