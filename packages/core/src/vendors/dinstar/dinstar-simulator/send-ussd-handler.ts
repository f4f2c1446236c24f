import type { SimulatorRequest } from '../../../simulator/simulator-request';
import { answer, type ApiAnswer } from './api-answer';
import { isIntegerArray, parseJsonBody } from './request-readers';
import type { DinstarSimulatorState } from './simulator-state';

/** `send_ussd`: sends or cancels a USSD session on each port asked for; a status per port (503 unregistered, 486 busy). */
export function handleSendUssd(state: DinstarSimulatorState, request: SimulatorRequest): ApiAnswer {
  const body = parseJsonBody(request) as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || !isIntegerArray(body.port, 0, 31) || body.port.length === 0) return answer(400);
  const command = body.command ?? 'send';
  const text = typeof body.text === 'string' ? body.text : '';
  if (command !== 'send' && command !== 'cancel') return answer(400);
  if (command === 'send' && (text === '' || Buffer.byteLength(text) > 60)) return answer(400);
  const result = (body.port as number[]).map((portNumber) => {
    const port = state.ports.find((candidate) => candidate.port === portNumber);
    if (!port || port.reg !== 'REGISTER_OK') return { port: portNumber, status: 503 };
    if (command === 'cancel') {
      port.ussdReply = ' ';
      return { port: portNumber, status: 200 };
    }
    if (state.network.queuedCount(`port-${portNumber}`) > 0) return { port: portNumber, status: 486 };
    port.ussdReply = ' ';
    state.network.requestUssd(text, `port-${portNumber}`);
    return { port: portNumber, status: 200 };
  });
  return answer(202, { result });
}
