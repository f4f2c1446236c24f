import type { SimulatorRequest } from '../../../simulator/simulator-request';
import { answer, type ApiAnswer } from './api-answer';
import type { DinstarSimulatorState } from './simulator-state';
import { incomingSmsRecord } from './wire-records';

/** `query_incoming_sms`: received SMS after `incoming_sms_id`, by read `flag`, with the read/unread counts. */
export function handleQueryIncomingSms(state: DinstarSimulatorState, request: SimulatorRequest): ApiAnswer {
  const flag = request.query.flag ?? 'unread';
  const after = Number(request.query.incoming_sms_id ?? 0);
  if (!['unread', 'read', 'all'].includes(flag) || !Number.isInteger(after) || after < 0) return answer(400);
  const chosen = state.network.inbox.filter(
    (inbound) => (inbound.meta.incomingSmsId as number) > after && (flag === 'all' || (flag === 'read') === inbound.read),
  );
  const sms = chosen.map((inbound) => incomingSmsRecord(inbound, state.utcOffsetMinutes));
  // Reading unread messages through the API marks them read: the trap a poller must avoid.
  if (flag === 'unread') for (const inbound of chosen) inbound.read = true;
  const read = state.network.inbox.filter((inbound) => inbound.read).length;
  return answer(200, { sms, read, unread: state.network.inbox.length - read });
}
