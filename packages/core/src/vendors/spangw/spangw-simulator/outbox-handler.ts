import { formatGatewayLocalTime, parseGatewayLocalTime } from '../../shared/gateway-local-time';
import { SPANGW_SIMULATOR_ERRORS, STATUS_ON_WIRE, type SimulatedOutcome, type SpangwSimulatorState } from './simulator-state';

/** `/smsoutbox/get`: the network's finished messages, newest first, in pages, filtered by number and time. */
export function handleOutbox(state: SpangwSimulatorState, parameters: Record<string, unknown>): SimulatedOutcome {
  const page = Number(parameters.current_page ?? 1);
  if (!Number.isInteger(page) || page < 1) return { error: SPANGW_SIMULATOR_ERRORS.badRequest };
  const phone = typeof parameters.phone_number_filter === 'string' ? parameters.phone_number_filter.trim() : '';
  const bound = (name: string): number | undefined | 'bad' => {
    const value = parameters[name];
    if (value === undefined || value === '') return undefined;
    return typeof value === 'string' ? (parseGatewayLocalTime(value, state.utcOffsetMinutes) ?? 'bad') : 'bad';
  };
  const start = bound('start_datetime_filter');
  const end = bound('end_datetime_filter');
  if (start === 'bad' || end === 'bad') return { error: SPANGW_SIMULATOR_ERRORS.badRequest };
  const entries = [...state.network.messages.values()]
    .filter((message) => STATUS_ON_WIRE[message.state] !== undefined)
    .map((message) => ({ message, time: message.sentAt ?? message.doneAt ?? message.submittedAt }))
    .filter(({ message, time }) => (!phone || message.to.includes(phone)) && (start === undefined || time >= start) && (end === undefined || time <= end))
    .sort((a, b) => b.time - a.time);
  const data = entries.slice((page - 1) * state.outboxPageSize, page * state.outboxPageSize).map(({ message, time }) => ({
    port_name: message.channel ?? '',
    phonenumber: message.to,
    time: formatGatewayLocalTime(time, state.utcOffsetMinutes),
    message: message.text,
    status: STATUS_ON_WIRE[message.state],
  }));
  return { data };
}
