import { InvalidRequestError } from '../../errors/gateway-errors';
import type { AdminCommandResult } from '../../model/admin-command';
import type { AdminCommandDescriptor, FieldDescriptor } from '../contract/field-descriptor';
import { readFields } from '../contract/read-fields';
import type { DiafaanApi, DiafaanStatusInfo } from './diafaan-api';
import { DIAFAAN_SERVER_COMMANDS, type DiafaanServerCommand } from './diafaan-server-commands';

const MESSAGE_ID: FieldDescriptor = { name: 'messageId', displayName: 'Message ID', type: 'string', required: true, description: 'The id send-message returned for the message.' };

const TARGETS: Record<'gateway' | 'connector', FieldDescriptor> = {
  gateway: {
    name: 'gateway',
    displayName: 'Gateways',
    type: 'list',
    itemType: 'string',
    separator: ';',
    description: 'Gateway names as the Diafaan SMS Server Manager shows them, separated by semicolons; leave empty for all gateways.',
  },
  connector: {
    name: 'connector',
    displayName: 'Connectors',
    type: 'list',
    itemType: 'string',
    separator: ';',
    description: 'Connector names as the Diafaan SMS Server Manager shows them, separated by semicolons; leave empty for all connectors.',
  },
};

const PROPERTY_ARGS: readonly FieldDescriptor[] = [
  { name: 'property', displayName: 'Property', type: 'string', required: true, description: 'The property name, as get-server-configuration or get-server-settings lists it.' },
  { name: 'value', displayName: 'Value', type: 'string', required: true, description: 'The new value; write switches as 1 or 0.' },
  {
    name: 'reload',
    displayName: 'Reload',
    type: 'boolean',
    default: true,
    description: 'Restart what was changed at once (the default); off sends reload=0 so several properties can be changed before one restart.',
  },
];

const SERVER_COMMAND_NOTE = 'send-server-command: administrators only, and from Diafaan 4.0 only when SendServerCommandEnabled is on in the Web connector\'s advanced settings.';

/** Every admin command of the Diafaan HTTP API, as a host offers them. */
export const DIAFAAN_ADMIN_COMMANDS: readonly AdminCommandDescriptor[] = [
  {
    name: 'request-server-status',
    displayName: 'Server Status',
    description: 'Status and statistics of the server, its gateways and connectors, and the send queue. Needs a named user (not the guest account).',
    changesState: false,
    args: [],
  },
  {
    name: 'request-status-update',
    displayName: 'Message Status Details',
    description: 'request-status-update for one sent message: its status, its error code, or the name of the gateway that sent it.',
    changesState: false,
    args: [
      MESSAGE_ID,
      {
        name: 'info',
        displayName: 'Information',
        type: 'choice',
        default: 'status',
        choices: [
          { value: 'status', name: 'Status', description: 'Status code and text (STATUS:201 Received).' },
          { value: 'error-code', name: 'Error Code', description: 'Error code and text, if any.' },
          { value: 'gateway', name: 'Gateway', description: 'The gateway that sent the message (empty while it is queued).' },
        ],
        description: 'Which information request-status-update returns.',
      },
    ],
  },
  {
    name: 'remove-queued-message',
    displayName: 'Remove Queued Message',
    description: 'Removes a message that is still in the send queue; a message already sent cannot be removed.',
    changesState: true,
    args: [MESSAGE_ID],
  },
  ...Object.entries(DIAFAAN_SERVER_COMMANDS).map(
    ([name, spec]): AdminCommandDescriptor => ({
      name,
      displayName: spec.displayName,
      description: `${spec.description}. ${SERVER_COMMAND_NOTE}`,
      changesState: !spec.returnsXml,
      args: [...spec.targets.map((target) => TARGETS[target]), ...(spec.setsProperty ? PROPERTY_ARGS : [])],
    }),
  ),
];

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function texts(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}

/** Runs one of {@link DIAFAAN_ADMIN_COMMANDS}, its arguments read by their descriptors. */
export async function runDiafaanAdminCommand(api: DiafaanApi, command: string, args: Readonly<Record<string, unknown>> = {}): Promise<AdminCommandResult> {
  const descriptor = DIAFAAN_ADMIN_COMMANDS.find((candidate) => candidate.name === command);
  if (!descriptor) {
    throw new InvalidRequestError(`"${command}" is not a Diafaan admin command: use ${DIAFAAN_ADMIN_COMMANDS.map((candidate) => candidate.name).join(', ')}.`, {
      details: { gateway: 'diafaan', command },
    });
  }
  const read = readFields({ gateway: 'diafaan', label: `The Diafaan command "${command}" argument` }, descriptor.args, args);
  const done = (data: Record<string, unknown>): AdminCommandResult => ({ command, ok: true, gateway: 'diafaan', data });
  switch (command) {
    case 'request-server-status': {
      const status = await api.requestServerStatus();
      return done({ gateways: status.gateways, messagesInSendQueue: status.messagesInSendQueue });
    }
    case 'request-status-update': {
      const { line, ...answer } = await api.requestStatusUpdate(text(read['messageId'])!, (text(read['info']) ?? 'status') as DiafaanStatusInfo);
      return done({ ...answer, line });
    }
    case 'remove-queued-message':
      return done({ text: (await api.removeQueuedMessage(text(read['messageId'])!)).text });
    default: {
      const result = await api.sendServerCommand(command as DiafaanServerCommand, {
        gateway: texts(read['gateway']),
        connector: texts(read['connector']),
        property: text(read['property']),
        value: text(read['value']),
        reload: read['reload'] === undefined ? undefined : read['reload'] === true,
      });
      return done(result.xml ? { xml: result.xml } : { text: result.text, line: result.line });
    }
  }
}
