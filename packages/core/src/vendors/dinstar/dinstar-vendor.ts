import { InvalidRequestError } from '../../errors';
import { httpClientOptions } from '../contract/http-connection-fields';
import { DEFAULT_SEND_LIMITS } from '../contract/vendor-capabilities';
import { httpTransportFor } from '../shared/http-transport-for';
import type { ConnectContext, VendorEntry } from '../vendor-entry';
import { DINSTAR_ADMIN_COMMANDS } from './dinstar-admin-commands';
import { DinstarClient } from './dinstar-client';
import { DINSTAR_CONNECTION_FIELDS, DINSTAR_SEND_OPTIONS } from './dinstar-connection-fields';
import { DINSTAR_PUSH } from './dinstar-push';
import { DINSTAR_SEND_LIMITS } from './dinstar-send-chunks';

function basePathOf(baseUrl: string): string {
  try {
    const path = new URL(baseUrl).pathname;
    return path === '/' ? '' : path.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

function connect(settings: Readonly<Record<string, unknown>>, context: ConnectContext = {}): DinstarClient {
  const options = httpClientOptions(settings, context);
  if (!options.username || options.password === undefined) {
    throw new InvalidRequestError('Dinstar needs the username and password of the gateway\'s web account.', { details: { gateway: 'dinstar' } });
  }
  const own = options.vendorOptions ?? {};
  return new DinstarClient({
    transport: httpTransportFor(options, 'dinstar'),
    ownsTransport: options.transport === undefined,
    username: options.username,
    password: options.password,
    basePath: basePathOf(options.baseUrl),
    ...(own['authScheme'] === 'basic' || own['authScheme'] === 'digest' ? { authScheme: own['authScheme'] } : {}),
    ...(typeof own['keepAlive'] === 'boolean' ? { keepAlive: own['keepAlive'] } : {}),
    ...(Array.isArray(own['ports']) ? { ports: own['ports'] as number[] } : {}),
    ...(typeof own['gatewayUtcOffsetMinutes'] === 'number' ? { gatewayUtcOffsetMinutes: own['gatewayUtcOffsetMinutes'] } : {}),
    ...(typeof own['requestStatusReport'] === 'boolean' ? { requestStatusReport: own['requestStatusReport'] } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

/** Dinstar as the registry, the CLI and the hosts see it. */
export const dinstarVendor: VendorEntry = {
  key: 'dinstar',
  describe: {
    key: 'dinstar',
    displayName: 'Dinstar GSM gateway (HTTP API)',
    summary: 'Dinstar multi-port GSM gateway, "New Version API": batch SMS, results and delivery reports, inbox, USSD, port admin, JSON push',
    defaultPort: 443,
    document: 'Dinstar GSM Gateway HTTP API ("New Version API", v0.4; v201910 additions)',
  },
  capabilities: {
    // No acknowledge: the API cannot delete received SMS; the inbox cursor is the mark.
    operations: ['send', 'status', 'inbox', 'ussd', 'ussdContinue', 'ussdCancel', 'admin', 'verify'],
    statuses: 'both',
    inbound: 'both',
    // request_status_report; no sender id, flash, validity or schedule in send_sms.
    sendFields: ['statusReport'],
    // The gateway takes numbers of up to 24 characters (local numbers with prefixes, short codes).
    limits: { ...DEFAULT_SEND_LIMITS, maxNumberDigits: 24, maxTextBytes: DINSTAR_SEND_LIMITS.maxTextBytes },
  },
  connection: DINSTAR_CONNECTION_FIELDS,
  sendOptions: DINSTAR_SEND_OPTIONS,
  adminCommands: DINSTAR_ADMIN_COMMANDS,
  push: DINSTAR_PUSH,
  connect,
};
