import type { SimulatorRequest } from '../../../simulator/simulator-request';
import { answer, type ApiAnswer } from './api-answer';
import { recordFilter } from './record-filter';
import type { DinstarSimulatorState } from './simulator-state';
import { smsResultRecord } from './wire-records';

/** `query_sms_result`: the result of every message sent through `send_sms` that the filter keeps. */
export function handleQuerySmsResult(state: DinstarSimulatorState, request: SimulatorRequest): ApiAnswer {
  const filter = recordFilter(request, true, state.utcOffsetMinutes);
  if (typeof filter !== 'function') return answer(filter.error);
  const result = [...state.network.messages.values()]
    .filter((message) => message.meta.taskId !== undefined)
    .filter((message) => filter(message.meta.port as number, message.to, message.sentAt ?? message.submittedAt, message.meta.userId))
    .map((message) => smsResultRecord(message, state.utcOffsetMinutes));
  return answer(200, { result });
}
