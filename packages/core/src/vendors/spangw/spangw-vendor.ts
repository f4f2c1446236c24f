import { InvalidRequestError } from '../../errors';
import { httpClientOptions } from '../contract/http-connection-fields';
import { DEFAULT_SEND_LIMITS } from '../contract/vendor-capabilities';
import { httpTransportFor } from '../shared/http-transport-for';
import type { ConnectContext, VendorEntry } from '../vendor-entry';
import { SPANGW_ADMIN_COMMANDS } from './spangw-admin-commands';
import { SpangwClient } from './spangw-client';
import { SPANGW_CONNECTION_FIELDS, SPANGW_SEND_OPTIONS } from './spangw-connection-fields';
import { SPANGW_PUSH } from './spangw-push';
import { spangwPushNamesFrom } from './spangw-push-names';

function connect(settings: Readonly<Record<string, unknown>>, context: ConnectContext = {}): SpangwClient {
  const options = httpClientOptions(settings, context);
  if (!options.username || options.password === undefined) {
    throw new InvalidRequestError('The span gateway needs the username and password of its API account.', { details: { gateway: 'spangw' } });
  }
  const own = options.vendorOptions ?? {};
  // Read here so a wrong setting is refused when connecting, not at the first push.
  spangwPushNamesFrom(own['pushParameterNames']);
  return new SpangwClient({
    transport: httpTransportFor(options, 'spangw'),
    ownsTransport: options.transport === undefined,
    username: options.username,
    password: options.password,
    ...(Array.isArray(own['successCodes']) ? { successCodes: own['successCodes'] as number[] } : {}),
    ...(own['parameterPlacement'] === 'data' || own['parameterPlacement'] === 'top-level' ? { parameterPlacement: own['parameterPlacement'] } : {}),
    ...(own['sendMode'] === 'sync' || own['sendMode'] === 'async' ? { sendMode: own['sendMode'] } : {}),
    ...(Array.isArray(own['spans']) ? { spans: own['spans'] as number[] } : {}),
    ...(typeof own['gatewayUtcOffsetMinutes'] === 'number' ? { gatewayUtcOffsetMinutes: own['gatewayUtcOffsetMinutes'] } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

/** The span gateway as the registry, the CLI and the hosts see it. */
export const spangwVendor: VendorEntry = {
  key: 'spangw',
  describe: {
    key: 'spangw',
    displayName: 'Span-based GSM gateway (JSON POST API)',
    summary: 'Multi-SIM GSM gateway (probably OpenVox) with a JSON POST API: send through spans, outbox status, configurable push',
    defaultPort: 80,
    document: 'POST API for send and receive sms (revision 2024-03-26)',
  },
  capabilities: {
    operations: ['send', 'status', 'admin', 'verify'],
    // The outbox is polled; results and reports are pushed when switched on.
    statuses: 'both',
    // No inbox endpoint: received SMS only arrive by push.
    inbound: 'push',
    sendFields: [],
    limits: { ...DEFAULT_SEND_LIMITS },
  },
  connection: SPANGW_CONNECTION_FIELDS,
  sendOptions: SPANGW_SEND_OPTIONS,
  adminCommands: SPANGW_ADMIN_COMMANDS,
  push: SPANGW_PUSH,
  connect,
};
