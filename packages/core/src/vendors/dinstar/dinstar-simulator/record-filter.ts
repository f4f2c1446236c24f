import type { SimulatorRequest } from '../../../simulator/simulator-request';
import { parseGatewayLocalTime } from '../../shared/gateway-local-time';
import { isIntegerArray, parseJsonBody } from './request-readers';

export type RecordFilter = (port: number, number: string, time: number, userId: unknown) => boolean;

/**
 * The filter of `query_sms_result` and `query_sms_deliver_status` from the body's `number`,
 * `port`, `user_id` (results only), `time_after` and `time_before`; an empty body takes all.
 */
export function recordFilter(request: SimulatorRequest, withUserIds: boolean, utcOffsetMinutes: number): { error: number } | RecordFilter {
  const body = (request.body.trim() === '' ? {} : parseJsonBody(request)) as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: 400 };
  const numbers = body.number;
  const ports = body.port;
  const userIds = body.user_id;
  if (numbers !== undefined && !(Array.isArray(numbers) && numbers.every((value) => typeof value === 'string'))) return { error: 400 };
  if (Array.isArray(numbers) && numbers.length > 32) return { error: 413 };
  if (ports !== undefined && !isIntegerArray(ports, 0, 31)) return { error: 400 };
  if (withUserIds && userIds !== undefined && !isIntegerArray(userIds, 0, Number.MAX_SAFE_INTEGER)) return { error: 400 };
  const bound = (name: string): number | undefined | null => {
    const value = body[name];
    if (value === undefined) return undefined;
    return typeof value === 'string' ? (parseGatewayLocalTime(value, utcOffsetMinutes) ?? null) : null;
  };
  const after = bound('time_after');
  const before = bound('time_before');
  if (after === null || before === null) return { error: 400 };
  return (port, number, time, userId) =>
    (numbers === undefined || (numbers as string[]).includes(number)) &&
    (ports === undefined || (ports as number[]).includes(port)) &&
    (!withUserIds || userIds === undefined || (userIds as number[]).includes(userId as number)) &&
    (after === undefined || time >= after) &&
    (before === undefined || time <= before);
}
