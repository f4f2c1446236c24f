import { InvalidRequestError } from '../../errors';
import { httpClientOptions } from '../contract/http-connection-fields';
import { DEFAULT_SEND_LIMITS } from '../contract/vendor-capabilities';
import { givenConnectionOptions } from '../shared/given-connection-options';
import type { VendorEntry } from '../vendor-entry';
import { RoutesmsClient } from './routesms-client';
import { ROUTESMS_CONNECTION_FIELDS, routesmsTimeZoneSetting } from './routesms-connection-fields';
import { ROUTESMS_PUSH } from './routesms-push';
import { ROUTESMS_SEND_OPTIONS } from './routesms-send-options';
import { ROUTESMS_MAX_URL_LENGTH } from './routesms-submit-request';

/**
 * Route Mobile as the registry, the CLI and the hosts see it. Sends only (the API has no status,
 * inbox or balance call); delivery reports are pushed to a URL the provider sets up.
 */
export const routesmsVendor: VendorEntry = {
  key: 'routesms',
  describe: {
    key: 'routesms',
    displayName: 'Route Mobile (SMSPLUS bulk HTTP)',
    summary: 'Bulk SMS over HTTP GET with credentials in the query; delivery reports pushed to your URL',
    defaultPort: 8080,
    document: 'Route Mobile SMSPLUS Bulk HTTP API v1.0.1 ("Unified Communications API\'s")',
    documentationUrl: 'https://www.routemobile.com/',
  },
  capabilities: {
    // No verify: every call of the API sends an SMS (see RoutesmsClient.verify).
    operations: ['send'],
    statuses: 'push',
    inbound: 'none',
    sendFields: ['from', 'flash', 'statusReport', 'scheduleAt'],
    limits: { ...DEFAULT_SEND_LIMITS, maxUrlLength: ROUTESMS_MAX_URL_LENGTH },
  },
  connection: ROUTESMS_CONNECTION_FIELDS,
  sendOptions: ROUTESMS_SEND_OPTIONS,
  adminCommands: [],
  push: ROUTESMS_PUSH,
  connect(settings, context = {}) {
    const options = httpClientOptions(settings, context);
    if (!options.username || !options.password) {
      throw new InvalidRequestError('Route Mobile needs the username and password of the HTTP account', { details: { gateway: 'routesms' } });
    }
    const own = options.vendorOptions ?? {};
    const timeZone = routesmsTimeZoneSetting(own['timeZone']);
    return new RoutesmsClient({
      baseUrl: options.baseUrl,
      username: options.username,
      password: options.password,
      ...givenConnectionOptions(options),
      ...(typeof own['defaultSource'] === 'string' ? { defaultSource: own['defaultSource'] } : {}),
      ...(timeZone ? { timeZone } : {}),
      ...(typeof own['defaultCountry'] === 'string' ? { defaultCountry: own['defaultCountry'].toUpperCase() } : {}),
      ...(typeof own['deliveryReports'] === 'boolean' ? { deliveryReports: own['deliveryReports'] } : {}),
    });
  },
};
