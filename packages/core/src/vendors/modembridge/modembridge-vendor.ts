import { InvalidRequestError } from '../../errors';
import { httpClientOptions } from '../contract/http-connection-fields';
import { DEFAULT_SEND_LIMITS } from '../contract/vendor-capabilities';
import { givenConnectionOptions } from '../shared/given-connection-options';
import type { VendorEntry } from '../vendor-entry';
import { MODEMBRIDGE_ADMIN_COMMANDS } from './modembridge-admin-commands';
import { ModembridgeClient } from './modembridge-client';
import { MODEMBRIDGE_CONNECTION_FIELDS } from './modembridge-connection-fields';
import { MODEMBRIDGE_PUSH } from './modembridge-push';
import { MODEMBRIDGE_SEND_OPTIONS } from './modembridge-send-options';
import { DEFAULT_BRIDGE_PORT } from './modembridge-wire';

/** GSM modems on another machine, behind `smsbridge modem serve`, as the registry, the CLI and the hosts see them. */
export const modembridgeVendor: VendorEntry = {
  key: 'modembridge',
  describe: {
    key: 'modembridge',
    displayName: 'GSM Modem Bridge',
    summary: 'GSM modems on another machine behind smsbridge modem serve: send, status, journaled inbox, USSD menus, signed pushes',
    defaultPort: DEFAULT_BRIDGE_PORT,
    document: 'smsbridge modem bridge HTTP API v1 (packages/core/src/bridge/README.md)',
  },
  capabilities: {
    operations: ['send', 'status', 'inbox', 'acknowledge', 'ussd', 'ussdContinue', 'ussdCancel', 'admin', 'verify'],
    statuses: 'both',
    inbound: 'both',
    sendFields: ['flash', 'statusReport', 'validityMinutes'],
    // The modem's limits: TP-DA holds up to 20 digits.
    limits: { ...DEFAULT_SEND_LIMITS, maxNumberDigits: 20 },
  },
  connection: MODEMBRIDGE_CONNECTION_FIELDS,
  sendOptions: MODEMBRIDGE_SEND_OPTIONS,
  adminCommands: MODEMBRIDGE_ADMIN_COMMANDS,
  push: MODEMBRIDGE_PUSH,
  connect(settings, context = {}) {
    const options = httpClientOptions(settings, context);
    if (!options.password) throw new InvalidRequestError('The modem bridge needs its token (Bridge Token).', { details: { gateway: 'modembridge' } });
    const own = options.vendorOptions ?? {};
    const defaultModem = typeof own['defaultModem'] === 'string' && own['defaultModem'] !== '' ? own['defaultModem'] : undefined;
    return new ModembridgeClient({
      baseUrl: options.baseUrl,
      token: options.password,
      ...givenConnectionOptions(options),
      ...(defaultModem ? { defaultModem } : {}),
    });
  },
};
