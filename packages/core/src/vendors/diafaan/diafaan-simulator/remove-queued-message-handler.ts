import { requestParameter, type SimulatorReply, type SimulatorRequest } from '../../../simulator/simulator-request';
import type { DiafaanSimulatorState } from './diafaan-simulator-state';
import { errorLine, lines } from './diafaan-simulator-replies';

/** `remove-queued-message`: `OK: …` while queued, `ERROR: …` (no code, as the manual shows) once sent. */
export function handleRemoveQueuedMessage(request: SimulatorRequest, server: DiafaanSimulatorState): SimulatorReply {
  const id = requestParameter(request, 'message-id');
  if (!id) return errorLine(306);
  const message = server.network.get(id);
  if (!message || message.state === 'cancelled') return errorLine(309);
  if (!server.network.cancel(id)) return lines('ERROR: The message is not in the send queue');
  return lines('OK: Message removed from the send queue');
}
