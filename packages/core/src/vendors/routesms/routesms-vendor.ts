import type { SimulatorOptions } from '../../simulator/gateway-simulator';
import { InvalidRequestError } from '../../errors';
import { givenConnectionOptions } from '../shared/given-connection-options';
import type { VendorClientOptions, VendorEntry } from '../vendor-entry';
import { booleanOption, countryCodeOption, readVendorOptions, textOption, timeZoneOption, type VendorOptionSchema } from '../shared/vendor-option-reader';
import { RoutesmsClient, type RoutesmsClientOptions } from './routesms-client';
import { ROUTESMS_ALPHANUMERIC_SOURCE_MAX, ROUTESMS_NUMERIC_SOURCE_MAX } from './routesms-source-address';
import { RoutesmsSimulator, type RoutesmsSimulatorOptions } from './routesms-simulator';

/** The `RoutesmsClientOptions` a CLI `--option` or a host may set. */
type RoutesmsVendorSettings = Pick<RoutesmsClientOptions, 'defaultSource' | 'timeZone' | 'defaultCountry' | 'deliveryReports'>;

// The client's own rule (validateRoutesmsSource): up to 18 digits (a leading + allowed) or 11 ASCII characters.
const SENDER_ID = new RegExp(`^(?:\\+?\\d{1,${ROUTESMS_NUMERIC_SOURCE_MAX}}|[\\x20-\\x7e]{1,${ROUTESMS_ALPHANUMERIC_SOURCE_MAX}})$`);

const ROUTESMS_OPTIONS: VendorOptionSchema<RoutesmsVendorSettings> = {
  defaultSource: textOption(
    `a sender id of the account: up to ${ROUTESMS_NUMERIC_SOURCE_MAX} digits or ${ROUTESMS_ALPHANUMERIC_SOURCE_MAX} plain ASCII characters`,
    (text) => SENDER_ID.test(text),
  ),
  timeZone: timeZoneOption(),
  defaultCountry: countryCodeOption(),
  deliveryReports: booleanOption(),
};

/**
 * Route Mobile as the registry, the CLI and the hosts see it. `vendorOptions` (client settings;
 * an unknown key or a wrong value is refused): `defaultSource` (sender id), `timeZone` (IANA zone
 * of the scheduler and report dates), `defaultCountry` (ISO code), `deliveryReports` (true|false).
 * Per-message parameters are another bag (`SendRequest.vendorOptions`) and pass through.
 */
export const routesmsVendor: VendorEntry = {
  key: 'routesms',
  describe: {
    key: 'routesms',
    displayName: 'Route Mobile (SMSPLUS bulk HTTP)',
    summary: 'Bulk SMS over HTTP GET with credentials in the query; delivery reports pushed to your URL',
    defaultPort: 8080,
    seed: '001_9bb9e4ec3db91303.txt',
    operations: ['send'],
  },
  createClient(options: VendorClientOptions) {
    if (!options.username || !options.password) {
      throw new InvalidRequestError('Route Mobile needs the username and password of the HTTP account', { details: { gateway: 'routesms' } });
    }
    const settings = readVendorOptions({ gateway: 'routesms', name: 'Route Mobile' }, ROUTESMS_OPTIONS, options);
    return new RoutesmsClient({
      baseUrl: options.baseUrl,
      username: options.username,
      password: options.password,
      ...givenConnectionOptions(options),
      ...settings,
    });
  },
  createSimulator(options?: SimulatorOptions) {
    return new RoutesmsSimulator(options as RoutesmsSimulatorOptions);
  },
};
