import { InvalidRequestError } from '../../errors';
import type { AdminCommandResult } from '../../model';
import type { PushDescriptor, PushReceipt } from '../contract/push-descriptor';
import type { GatewayClient } from '../gateway-client';
import { receivePush } from '../shared/push-answer';
import type { PushCall } from '../shared/push-call';
import { SPANGW_DEFAULT_PUSH_NAMES, SPANGW_PUSH_NAME_FIELDS, spangwPushLocationFields } from './spangw-push-config';
import { spangwPushNamesFrom } from './spangw-push-names';
import { parseSpangwPush } from './spangw-push-receiver';

function receive(call: PushCall, settings: Readonly<Record<string, unknown>> = {}): PushReceipt {
  const offset = typeof settings['gatewayUtcOffsetMinutes'] === 'number' ? settings['gatewayUtcOffsetMinutes'] : 0;
  const read = receivePush(() => {
    const event = parseSpangwPush(call, { names: spangwPushNamesFrom(settings['pushParameterNames']), gatewayUtcOffsetMinutes: offset });
    return event.kind === 'status' ? { inbound: [], statuses: [event.status] } : { inbound: [event.message], statuses: [] };
  });
  if ('error' in read) return { inbound: [], statuses: [], ussd: [], answer: read.answer, error: read.error };
  return { inbound: read.inbound, statuses: read.statuses, ussd: [], answer: read.answer };
}

/**
 * Points the gateway's push at `url` through `set-push-config`: the URL split into the document's
 * `url_http`/`url_host`/`url_port`/`url_path` (its query as `url_user_defined`), push, reports and
 * results switched on, and every parameter name the gateway has left blank set to the receiver's
 * default, so the receiver reads what the gateway sends.
 */
async function configure(client: GatewayClient, url: string): Promise<AdminCommandResult> {
  if (!client.admin) throw new InvalidRequestError('The span gateway push is configured through the client\'s admin commands, and this client has none.', { details: { gateway: 'spangw' } });
  const current = (await client.admin('get-push-config')).data.config as { names?: Record<string, string> } | undefined;
  const names: Record<string, string> = {};
  for (const [key, wire] of SPANGW_PUSH_NAME_FIELDS) {
    if (!current?.names?.[key]) names[wire] = SPANGW_DEFAULT_PUSH_NAMES[key];
  }
  return client.admin('set-push-config', { enable: true, reports_enable: true, results_enable: true, ...spangwPushLocationFields(url), ...names });
}

/** The span gateway's push: a call per received SMS, send result and delivery report, with the parameter names the user chose. */
export const SPANGW_PUSH: PushDescriptor = {
  carries: ['inbound', 'status'],
  methods: ['GET', 'POST'],
  receive,
  setup: {
    how: 'api',
    instructions: (url) =>
      `Smsbridge sets the gateway's push (/smsoutbox/set_config) to ${url}. If the gateway's parameter names (url_from_num …) were set by hand, give the same names in the "Push Parameter Names" setting.`,
    configure,
  },
};
