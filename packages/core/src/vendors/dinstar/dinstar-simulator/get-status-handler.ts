import type { SimulatorRequest } from '../../../simulator/simulator-request';
import { answer, type ApiAnswer } from './api-answer';
import { parseJsonBody } from './request-readers';

/** `get_status`: fixed `performance` figures when asked for, nothing else. */
export function handleGetStatus(request: SimulatorRequest): ApiAnswer {
  const items = parseJsonBody(request);
  if (!Array.isArray(items)) return answer(400);
  const fields: Record<string, unknown> = {};
  if (items.includes('performance')) {
    fields.performance = { cpu_used: 12, flash_total: 65536, flash_used: 30012, memory_total: 262144, memory_cached: 40960, memory_buffers: 8192, memory_free: 120000, memory_used: 142144 };
  }
  return answer(200, fields);
}
