import type { SimulatorRequest } from '../../../simulator/simulator-request';
import { answer, type ApiAnswer } from './api-answer';
import { listParameter } from './request-readers';
import type { DinstarSimulatorState } from './simulator-state';

/** `query_ussd_reply`: the last USSD text of each port asked for (`' '` while waiting). */
export function handleQueryUssdReply(state: DinstarSimulatorState, request: SimulatorRequest): ApiAnswer {
  const requested = listParameter(request, 'port');
  const numbers = requested?.map(Number);
  if (!numbers || numbers.length === 0 || numbers.some((port) => !Number.isInteger(port) || port < 0 || port > 31)) return answer(400);
  const reply = numbers.map((portNumber) => ({ port: portNumber, text: state.ports.find((port) => port.port === portNumber)?.ussdReply ?? '' }));
  return answer(200, { reply });
}
