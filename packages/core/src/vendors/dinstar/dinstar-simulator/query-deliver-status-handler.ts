import type { SimulatorRequest } from '../../../simulator/simulator-request';
import { answer, type ApiAnswer } from './api-answer';
import { recordFilter } from './record-filter';
import type { DinstarSimulatorState } from './simulator-state';
import { deliverStatusRecord } from './wire-records';

/** `query_sms_deliver_status`: the kept delivery reports that the filter keeps. */
export function handleQueryDeliverStatus(state: DinstarSimulatorState, request: SimulatorRequest): ApiAnswer {
  const filter = recordFilter(request, false, state.utcOffsetMinutes);
  if (typeof filter !== 'function') return answer(filter.error);
  const result = state.reports.filter((report) => filter(report.port, report.number, report.time, undefined)).map((report) => deliverStatusRecord(report, state.utcOffsetMinutes));
  return answer(200, { result });
}
