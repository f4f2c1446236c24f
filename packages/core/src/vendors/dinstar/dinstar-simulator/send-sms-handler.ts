import { countSegments } from '../../../codec';
import type { SimulatorRequest } from '../../../simulator/simulator-request';
import { DINSTAR_SEND_LIMITS } from '../dinstar-send-chunks';
import { answer, type ApiAnswer } from './api-answer';
import { isIntegerArray, parseJsonBody } from './request-readers';
import type { SimulatedDinstarPort } from './simulated-port';
import type { DinstarSimulatorState, SimulatedTask } from './simulator-state';

function usablePorts(state: DinstarSimulatorState, requested: number[] | undefined): SimulatedDinstarPort[] {
  return state.ports.filter((port) => port.reg === 'REGISTER_OK' && (requested === undefined || requested.includes(port.port)));
}

/**
 * `send_sms`: one task, one message per `param` entry with its `#param#` values filled in, spread
 * round robin over the registered ports asked for; 202 with the task id.
 */
export function handleSendSms(state: DinstarSimulatorState, request: SimulatorRequest): ApiAnswer {
  const body = parseJsonBody(request) as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || typeof body.text !== 'string' || !Array.isArray(body.param) || body.param.length === 0) return answer(400);
  const params = body.param as Array<Record<string, unknown>>;
  const valid = params.every(
    (param) =>
      param &&
      typeof param.number === 'string' &&
      param.number !== '' &&
      Buffer.byteLength(param.number) <= 24 &&
      (param.user_id === undefined || (Number.isInteger(param.user_id) && (param.user_id as number) >= 0)) &&
      (param.text_param === undefined || (Array.isArray(param.text_param) && param.text_param.every((value) => typeof value === 'string'))),
  );
  const encoding = body.encoding ?? 'unicode';
  if (!valid || (body.port !== undefined && !isIntegerArray(body.port, 0, 31)) || (encoding !== 'unicode' && encoding !== 'gsm-7bit')) return answer(400);
  const textBytes = Buffer.byteLength(body.text) + params.reduce((sum, param) => sum + ((param.text_param as string[] | undefined) ?? []).reduce((inner, value) => inner + Buffer.byteLength(value), 0), 0);
  if (params.length > DINSTAR_SEND_LIMITS.maxNumbers || textBytes > DINSTAR_SEND_LIMITS.maxTextBytes) return answer(413);
  const ports = usablePorts(state, body.port as number[] | undefined);
  if (ports.length === 0) return answer(550);

  const task: SimulatedTask = { id: state.takeTaskId(), messageIds: [] };
  state.tasks.set(task.id, task);
  if (state.tasks.size > state.historyLimit) state.tasks.delete(state.tasks.keys().next().value as number);
  for (const param of params) {
    const values = [...((param.text_param as string[] | undefined) ?? [])];
    const text = (body.text as string).replace(/#param#/g, (placeholder) => values.shift() ?? placeholder);
    const port = state.nextPortOf(ports);
    const parts = countSegments(text, { encoding: encoding === 'unicode' ? 'ucs2' : 'gsm7' }).count;
    const message = state.network.submit({
      to: param.number as string,
      text,
      channel: `port-${port.port}`,
      parts,
      encoding: encoding as string,
      meta: {
        taskId: task.id,
        port: port.port,
        userId: param.user_id,
        refId: state.takeRefIds(port.port, parts),
        imsi: port.imsi,
        statusReport: body.request_status_report !== false,
      },
    });
    task.messageIds.push(message.id);
  }
  return answer(202, { sms_in_queue: state.network.queuedCount(), task_id: task.id });
}
