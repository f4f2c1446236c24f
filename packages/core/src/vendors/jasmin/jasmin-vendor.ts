import type { SimulatorOptions } from '../../simulator/gateway-simulator';
import { InvalidRequestError } from '../../errors';
import { choiceOption, countryCodeOption, httpUrlOption, integerOption, readVendorOptions, textOption, type VendorOptionSchema } from '../shared/vendor-option-reader';
import { givenConnectionOptions } from '../shared/given-connection-options';
import type { VendorClientOptions, VendorEntry } from '../vendor-entry';
import { JasminClient, type JasminClientOptions } from './jasmin-client';
import type { JasminDlrLevel } from './jasmin-dlr-options';
import { JasminSimulator, type JasminSimulatorOptions } from './jasmin-simulator';

/** What a CLI `--option` or a host may set: the client's own fields, and `dlr` spread over three keys. */
interface JasminVendorSettings extends Pick<JasminClientOptions, 'defaultFrom' | 'defaultCountry' | 'batchCallbackUrl' | 'batchErrbackUrl'> {
  dlrUrl?: string;
  dlrLevel?: JasminDlrLevel;
  dlrMethod?: 'GET' | 'POST';
}

const JASMIN_OWNER = { gateway: 'jasmin', name: 'Jasmin' } as const;

const JASMIN_OPTIONS: VendorOptionSchema<JasminVendorSettings> = {
  defaultFrom: textOption('a sender (a name or a number)'),
  defaultCountry: countryCodeOption(),
  dlrUrl: httpUrlOption(),
  // 1: the SMSC's answer, 2: the handset's receipt, 3: both.
  dlrLevel: (option) => integerOption(1, 3)(option) as JasminDlrLevel,
  dlrMethod: choiceOption(['GET', 'POST']),
  batchCallbackUrl: httpUrlOption(),
  batchErrbackUrl: httpUrlOption(),
};

/** The client's `dlr`: a level or method without a URL would be silently dropped, so it is refused. */
function dlrOptions(settings: Partial<JasminVendorSettings>): Pick<JasminClientOptions, 'dlr'> {
  const { dlrUrl, dlrLevel, dlrMethod } = settings;
  if (dlrUrl === undefined) {
    const orphan = dlrLevel !== undefined ? 'dlrLevel' : dlrMethod !== undefined ? 'dlrMethod' : undefined;
    if (orphan === undefined) return {};
    throw new InvalidRequestError(`The Jasmin option "${orphan}" needs dlrUrl, where Jasmin pushes the delivery reports.`, {
      details: { gateway: 'jasmin', option: orphan },
    });
  }
  return { dlr: { url: dlrUrl, level: dlrLevel ?? 1, method: dlrMethod ?? 'POST' } };
}

/**
 * Jasmin (and Direct7's legacy REST API) as the registry, the CLI and the hosts see it.
 * `vendorOptions` (an unknown key or a wrong value is refused): `defaultFrom`, `defaultCountry`
 * (ISO code), `dlrUrl` (where delivery reports go), `dlrLevel` (1|2|3, default 1), `dlrMethod`
 * (`POST`|`GET`, default POST), `batchCallbackUrl`, `batchErrbackUrl`.
 */
export const jasminVendor: VendorEntry = {
  key: 'jasmin',
  describe: {
    key: 'jasmin',
    displayName: 'Jasmin SMS Gateway REST API (Direct7 legacy REST)',
    summary: 'JSON REST with Basic auth: send, batches with callbacks and scheduling, balance, rate; DLRs pushed to your URL',
    defaultPort: 8080,
    seed: '003_ed6b2cbaaf146989.txt',
    operations: ['send', 'admin'],
  },
  createClient(options: VendorClientOptions) {
    if (!options.username || options.password === undefined) {
      throw new InvalidRequestError('Jasmin needs the username and password of a Jasmin user', { details: { gateway: 'jasmin' } });
    }
    const { dlrUrl, dlrLevel, dlrMethod, ...settings } = readVendorOptions(JASMIN_OWNER, JASMIN_OPTIONS, options);
    return new JasminClient({
      baseUrl: options.baseUrl,
      username: options.username,
      password: options.password,
      ...givenConnectionOptions(options),
      ...settings,
      ...dlrOptions({ dlrUrl, dlrLevel, dlrMethod }),
    });
  },
  createSimulator(options?: SimulatorOptions) {
    return new JasminSimulator(options as JasminSimulatorOptions);
  },
};
