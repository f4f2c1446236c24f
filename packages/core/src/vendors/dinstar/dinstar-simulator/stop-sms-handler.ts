import type { SimulatorRequest } from '../../../simulator/simulator-request';
import { answer, type ApiAnswer } from './api-answer';
import type { DinstarSimulatorState } from './simulator-state';

/** `stop_sms`: cancels what is still queued of a task. */
export function handleStopSms(state: DinstarSimulatorState, request: SimulatorRequest): ApiAnswer {
  const taskId = Number(request.query.task_id);
  if (!Number.isInteger(taskId)) return answer(400);
  const task = state.tasks.get(taskId);
  if (!task) return answer(404);
  for (const id of task.messageIds) state.network.cancel(id);
  return answer(200);
}
