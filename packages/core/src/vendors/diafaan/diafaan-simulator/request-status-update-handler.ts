import { requestParameter, type SimulatorReply, type SimulatorRequest } from '../../../simulator/simulator-request';
import type { DiafaanSimulatorState } from './diafaan-simulator-state';
import { diafaanStatusOf, errorLine, lines } from './diafaan-simulator-replies';

/** `request-status-update`: `STATUS:`, `ERROR-CODE:` (numbers inferred [I]) or `GATEWAY:` by `info`; 309 for an unknown id. */
export function handleRequestStatusUpdate(request: SimulatorRequest, server: DiafaanSimulatorState): SimulatorReply {
  const id = requestParameter(request, 'message-id');
  if (!id) return errorLine(306);
  const message = server.network.get(id);
  if (!message || message.state === 'cancelled') return errorLine(309);
  const info = requestParameter(request, 'info') ?? 'status';
  if (info === 'gateway') return lines(`GATEWAY:${message.state === 'queued' ? '' : String(message.meta['gatewayUsed'] ?? '')}`);
  if (info === 'error-code') {
    const failed = message.state === 'failed' || message.state === 'expired';
    return lines(failed ? `ERROR-CODE:${message.sentAt === undefined ? 500 : 34} ${message.errorText ?? 'Send error'}` : 'ERROR-CODE:0 No error');
  }
  if (info !== 'status') return errorLine(306);
  return lines(`STATUS:${diafaanStatusOf(message)}`);
}
