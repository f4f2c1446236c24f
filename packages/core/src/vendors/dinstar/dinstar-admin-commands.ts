import { InvalidRequestError } from '../../errors';
import type { AdminCommandResult } from '../../model';
import type { AdminCommandDescriptor, FieldDescriptor } from '../contract/field-descriptor';
import type { DinstarApi } from './dinstar-api';
import { DINSTAR_PORT_INFO_TYPES, type DinstarPortInfoType } from './dinstar-port-info';

const PORT: FieldDescriptor = { name: 'port', displayName: 'Port', type: 'number', required: true, min: 0, max: 31, description: 'The gateway port (module), from 0.' };
const PORTS: FieldDescriptor = { name: 'ports', displayName: 'Ports', type: 'list', itemType: 'number', min: 0, max: 31, description: 'Gateway ports, e.g. 0,2. Left empty: every port.' };

/** Dinstar's administrative commands, as hosts offer them. */
export const DINSTAR_ADMIN_COMMANDS: readonly AdminCommandDescriptor[] = [
  {
    name: 'port-info',
    displayName: 'Port Information',
    description: 'get_port_info: type, IMEI, IMSI, ICCID, SMSC, number and registration of each port.',
    changesState: false,
    args: [
      PORTS,
      {
        name: 'infoTypes',
        displayName: 'Information',
        type: 'list',
        itemType: 'string',
        description: `Which fields, e.g. imei,reg: ${DINSTAR_PORT_INFO_TYPES.join(', ')}. Left empty: type, imei, imsi, iccid, smsc, number, reg.`,
      },
    ],
  },
  { name: 'queue', displayName: 'Send Queue', description: 'query_sms_in_queue: how many messages wait to be sent.', changesState: false, args: [] },
  {
    name: 'stop-sms',
    displayName: 'Stop Send Task',
    description: 'stop_sms: stops the messages of a send task that have not gone yet (the taskId a send returned in raw).',
    changesState: true,
    args: [{ name: 'taskId', displayName: 'Task ID', type: 'number', required: true, min: 0, description: 'The task_id send_sms answered.' }],
  },
  { name: 'reset-port', displayName: 'Reset Port', description: 'set_port_info action=reset: restarts the port\'s module; what it was sending fails.', changesState: true, args: [PORT] },
  {
    name: 'power-port',
    displayName: 'Power Port On or Off',
    description: 'set_port_info action=power: switches the port\'s module on or off.',
    changesState: true,
    args: [PORT, { name: 'on', displayName: 'On', type: 'boolean', default: true, description: 'True switches it on, false off.' }],
  },
  {
    name: 'switch-slot',
    displayName: 'Switch SIM Slot',
    description: 'set_port_info action=slot: the port uses another SIM slot and registers again.',
    changesState: true,
    args: [PORT, { name: 'slot', displayName: 'Slot', type: 'number', required: true, min: 0, max: 3, description: 'The SIM slot, from 0.' }],
  },
  {
    name: 'status',
    displayName: 'Device Status',
    description: 'get_status (newer firmware): e.g. CPU, memory and flash use.',
    changesState: false,
    args: [{ name: 'items', displayName: 'Items', type: 'list', itemType: 'string', description: 'What to report, e.g. performance. Left empty: performance.' }],
  },
  {
    name: 'cdr',
    displayName: 'Call Detail Records',
    description: 'get_cdr (newer firmware): call detail records.',
    changesState: false,
    args: [{ name: 'filter', displayName: 'Filter', type: 'json', description: 'The get_cdr request body as JSON, e.g. {"port":[0]}. Left empty: {}.' }],
  },
  {
    name: 'cancel-ussd',
    displayName: 'Cancel USSD Session',
    description: 'send_ussd command=cancel: ends the USSD session on the ports.',
    changesState: true,
    args: [{ ...PORTS, required: true, description: 'Gateway ports, e.g. 0,2.' }],
  },
];

function portInfoTypes(value: unknown): DinstarPortInfoType[] | undefined {
  if (value === undefined) return undefined;
  const types = value as string[];
  const unknown = types.find((type) => !(DINSTAR_PORT_INFO_TYPES as readonly string[]).includes(type));
  if (unknown !== undefined) {
    throw new InvalidRequestError(`"${unknown.slice(0, 24)}" is not a port information type: use ${DINSTAR_PORT_INFO_TYPES.join(', ')}.`, {
      details: { gateway: 'dinstar', option: 'infoTypes' },
    });
  }
  return types as DinstarPortInfoType[];
}

/** Runs one command with arguments already read by its descriptors. */
export async function runDinstarAdminCommand(api: DinstarApi, command: string, args: Readonly<Record<string, unknown>>): Promise<AdminCommandResult> {
  const result = (data: Record<string, unknown>): AdminCommandResult => ({ command, ok: true, data, gateway: 'dinstar' });
  const ports = args.ports as number[] | undefined;
  const port = args.port as number;
  switch (command) {
    case 'port-info':
      return result({ ports: await api.getPortInfo(portInfoTypes(args.infoTypes), ports) });
    case 'queue':
      return result({ inQueue: await api.querySmsInQueue() });
    case 'stop-sms':
      await api.stopSms(args.taskId as number);
      return result({ taskId: args.taskId });
    case 'reset-port':
      return result((await api.setPortInfo(port, 'reset')).body);
    case 'power-port':
      return result((await api.setPortInfo(port, 'power', args.on === false ? 'off' : 'on')).body);
    case 'switch-slot':
      return result((await api.setPortInfo(port, 'slot', args.slot as number)).body);
    case 'status':
      return result(await api.getStatus(args.items as string[] | undefined));
    case 'cdr': {
      const filter = args.filter ?? {};
      if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
        throw new InvalidRequestError('The Dinstar command "cdr" argument "filter" takes a JSON object.', { details: { gateway: 'dinstar', option: 'filter' } });
      }
      return result(await api.getCdr(filter as Record<string, unknown>));
    }
    case 'cancel-ussd':
      return result({ result: await api.cancelUssd(ports ?? []) });
    default:
      throw new InvalidRequestError(`dinstar has no admin command "${command}": use ${DINSTAR_ADMIN_COMMANDS.map((descriptor) => descriptor.name).join(', ')}.`, {
        details: { gateway: 'dinstar', command },
      });
  }
}
