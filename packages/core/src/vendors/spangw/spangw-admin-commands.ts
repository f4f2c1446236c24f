import { InvalidRequestError } from '../../errors';
import type { AdminCommandResult } from '../../model';
import type { AdminCommandDescriptor, FieldDescriptor } from '../contract/field-descriptor';
import type { SpangwApi } from './spangw-api';
import {
  SPANGW_PUSH_SWITCH_FIELDS,
  SPANGW_PUSH_TEXT_FIELDS,
  parseSpangwPushConfig,
  spangwPushConfigFields,
  type SpangwPushConfigFields,
} from './spangw-push-config';

const SWITCH_DESCRIPTIONS: Record<(typeof SPANGW_PUSH_SWITCH_FIELDS)[number], [string, string]> = {
  enable: ['Push Enabled', 'Push switch (`enable`): the gateway calls the configured URL at all.'],
  reports_enable: ['Push Delivery Reports', 'SMS report switch (`reports_enable`): push delivery reports (DELIVERD).'],
  results_enable: ['Push Send Results', 'SMS result switch (`results_enable`): push send results (SENT, FAILED).'],
};

const TEXT_DESCRIPTIONS: Record<(typeof SPANGW_PUSH_TEXT_FIELDS)[number], [string, string]> = {
  url_http: ['Scheme (url_http)', 'http or https: the scheme of the URL the gateway calls.'],
  url_host: ['Host (url_host)', 'Host name or IP address the gateway calls.'],
  url_port: ['Port (url_port)', 'Port the gateway calls.'],
  url_path: ['Path (url_path)', 'Path the gateway calls, e.g. /webhook/sms.'],
  url_from_num: ['Sender Parameter (url_from_num)', 'Name of the query parameter that carries the sender number.'],
  url_to_num: ['Recipient Parameter (url_to_num)', 'Name of the query parameter that carries the recipient number.'],
  url_portname: ['Port Name Parameter (url_portname)', 'Name of the query parameter that carries the port name (gsm-1.2).'],
  url_message: ['Message Parameter (url_message)', 'Name of the query parameter that carries the text.'],
  url_time: ['Time Parameter (url_time)', 'Name of the query parameter that carries the time.'],
  url_imsi: ['IMSI Parameter (url_imsi)', 'Name of the query parameter that carries the SIM\'s IMSI.'],
  url_status: ['Status Parameter (url_status)', 'Name of the query parameter that carries the status (SENT, FAILED, DELIVERD).'],
  url_user_defined: ['Extra Query Text (url_user_defined)', 'Query text the gateway appends as it is, e.g. token=abc.'],
};

const PUSH_CONFIG_ARGS: FieldDescriptor[] = [
  ...SPANGW_PUSH_SWITCH_FIELDS.map(
    (name): FieldDescriptor => ({ name, displayName: SWITCH_DESCRIPTIONS[name][0], type: 'boolean', description: `${SWITCH_DESCRIPTIONS[name][1]} Left empty: unchanged.` }),
  ),
  ...SPANGW_PUSH_TEXT_FIELDS.map(
    (name): FieldDescriptor => ({ name, displayName: TEXT_DESCRIPTIONS[name][0], type: 'string', description: `${TEXT_DESCRIPTIONS[name][1]} Left empty: unchanged.` }),
  ),
];

/** The span gateway's administrative commands, as hosts offer them. */
export const SPANGW_ADMIN_COMMANDS: readonly AdminCommandDescriptor[] = [
  {
    name: 'spans',
    displayName: 'List Spans',
    description: 'Every GSM port (/sms/get_valid_spans) with its name and whether it can send now.',
    changesState: false,
    args: [],
  },
  {
    name: 'outbox',
    displayName: 'Read Outbox',
    description: 'One page of sent messages (/smsoutbox/get) with their status, filtered by number and time.',
    changesState: false,
    args: [
      { name: 'page', displayName: 'Page', type: 'number', min: 1, default: 1, description: 'Page of the outbox, from 1.' },
      { name: 'phoneNumber', displayName: 'Phone Number', type: 'string', description: 'Only messages to this number.' },
      { name: 'from', displayName: 'From', type: 'dateTime', description: 'Only messages sent at or after this time.' },
      { name: 'to', displayName: 'To', type: 'dateTime', description: 'Only messages sent at or before this time.' },
    ],
  },
  {
    name: 'get-push-config',
    displayName: 'Get Push Configuration',
    description: 'Where and how the gateway pushes received SMS, send results and delivery reports (/smsoutbox/get_config).',
    changesState: false,
    args: [],
  },
  {
    name: 'set-push-config',
    displayName: 'Set Push Configuration',
    description:
      'Changes the push configuration (/smsoutbox/set_config) under the document\'s own field names; fields left empty keep their current value, and the whole configuration is sent.',
    changesState: true,
    args: PUSH_CONFIG_ARGS,
  },
];

/**
 * Runs one command with arguments already read by its descriptors (the contract client reads
 * them; a direct caller gets them checked the same way by `readFields`).
 */
export async function runSpangwAdminCommand(api: SpangwApi, command: string, args: Readonly<Record<string, unknown>>): Promise<AdminCommandResult> {
  const result = (data: Record<string, unknown>): AdminCommandResult => ({ command, ok: true, data, gateway: 'spangw' });
  switch (command) {
    case 'spans':
      return result({ spans: await api.getValidSpans() });
    case 'outbox': {
      const page = await api.getOutbox({
        ...(typeof args.page === 'number' ? { page: args.page } : {}),
        ...(typeof args.phoneNumber === 'string' ? { phoneNumber: args.phoneNumber } : {}),
        ...(args.from instanceof Date ? { from: args.from } : {}),
        ...(args.to instanceof Date ? { to: args.to } : {}),
      });
      return result({ ...page });
    }
    case 'get-push-config':
      return result({ config: await api.getPushConfig() });
    case 'set-push-config': {
      const fields: SpangwPushConfigFields = spangwPushConfigFields(await api.getPushConfig());
      for (const name of SPANGW_PUSH_SWITCH_FIELDS) if (typeof args[name] === 'boolean') fields[name] = args[name] ? 1 : 0;
      for (const name of SPANGW_PUSH_TEXT_FIELDS) if (typeof args[name] === 'string') fields[name] = args[name];
      await api.setPushConfigFields(fields);
      return result({ config: parseSpangwPushConfig(fields), sent: fields });
    }
    default:
      throw new InvalidRequestError(`spangw has no admin command "${command}": use ${SPANGW_ADMIN_COMMANDS.map((descriptor) => descriptor.name).join(', ')}.`, {
        details: { gateway: 'spangw', command },
      });
  }
}
