import { InvalidRequestError } from '../../errors';
import { httpClientOptions } from '../contract/http-connection-fields';
import { DEFAULT_SEND_LIMITS } from '../contract/vendor-capabilities';
import { givenConnectionOptions } from '../shared/given-connection-options';
import type { VendorEntry } from '../vendor-entry';
import { JASMIN_ADMIN_COMMANDS } from './jasmin-admin-commands';
import { JasminClient, type JasminClientOptions } from './jasmin-client';
import { JASMIN_CONNECTION_FIELDS } from './jasmin-connection-fields';
import type { JasminDlrLevel } from './jasmin-dlr-options';
import { JASMIN_PUSH } from './jasmin-push';
import { JASMIN_SEND_OPTIONS } from './jasmin-send-options';

/** The client's `dlr`: a level or method without a URL would be silently dropped, so it is refused. */
function dlrSettings(own: Record<string, unknown>): Pick<JasminClientOptions, 'dlr'> {
  const { dlrUrl, dlrLevel, dlrMethod } = own;
  if (typeof dlrUrl !== 'string') {
    const orphan = dlrLevel !== undefined ? 'dlrLevel' : dlrMethod !== undefined ? 'dlrMethod' : undefined;
    if (orphan === undefined) return {};
    throw new InvalidRequestError(`The Jasmin setting "${orphan}" needs dlrUrl, where Jasmin pushes the delivery reports.`, {
      details: { gateway: 'jasmin', option: orphan },
    });
  }
  return { dlr: { url: dlrUrl, level: (typeof dlrLevel === 'number' ? dlrLevel : 1) as JasminDlrLevel, method: dlrMethod === 'GET' ? 'GET' : 'POST' } };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Jasmin (and Direct7's legacy REST API) as the registry, the CLI and the hosts see it. */
export const jasminVendor: VendorEntry = {
  key: 'jasmin',
  describe: {
    key: 'jasmin',
    displayName: 'Jasmin SMS Gateway REST API (Direct7 legacy REST)',
    summary: 'JSON REST with Basic auth: send, batches with callbacks and scheduling, balance, rate; DLRs pushed to your URL',
    defaultPort: 8080,
    document: 'Jasmin SMS Gateway REST API (Direct7 legacy REST)',
    documentationUrl: 'https://docs.jasminsms.com/en/latest/apis/rest/index.html',
  },
  capabilities: {
    operations: ['send', 'admin', 'verify'],
    statuses: 'push',
    inbound: 'none',
    // No flash: the REST API has no class-0 parameter.
    sendFields: ['from', 'statusReport', 'validityMinutes', 'scheduleAt'],
    limits: DEFAULT_SEND_LIMITS,
  },
  connection: JASMIN_CONNECTION_FIELDS,
  sendOptions: JASMIN_SEND_OPTIONS,
  adminCommands: JASMIN_ADMIN_COMMANDS,
  push: JASMIN_PUSH,
  connect(settings, context = {}) {
    const options = httpClientOptions(settings, context);
    if (!options.username || options.password === undefined) {
      throw new InvalidRequestError('Jasmin needs the username and password of a Jasmin user', { details: { gateway: 'jasmin' } });
    }
    const own = options.vendorOptions ?? {};
    const defaultFrom = text(own['defaultFrom']);
    const defaultCountry = text(own['defaultCountry']);
    const batchCallbackUrl = text(own['batchCallbackUrl']);
    const batchErrbackUrl = text(own['batchErrbackUrl']);
    return new JasminClient({
      baseUrl: options.baseUrl,
      username: options.username,
      password: options.password,
      ...givenConnectionOptions(options),
      ...(defaultFrom ? { defaultFrom } : {}),
      ...(defaultCountry ? { defaultCountry: defaultCountry.toUpperCase() } : {}),
      ...(batchCallbackUrl ? { batchCallbackUrl } : {}),
      ...(batchErrbackUrl ? { batchErrbackUrl } : {}),
      ...dlrSettings(own),
    });
  },
};
