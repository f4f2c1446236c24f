import type { Clock } from '../../clock/clock';
import { InvalidRequestError } from '../../errors/gateway-errors';
import { SendRetryPolicy, type SendRetryPolicyOptions } from '../shared/send-retry-policy';

const RETRY_FIELDS = ['maxAttempts', 'initialDelayMs', 'maxDelayMs'] as const;
const ACCEPTED = `a number of attempts (1 to 10), false, or an object with ${RETRY_FIELDS.join(', ')}`;

function wholeNumber(value: unknown, min: number, max: number): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

function refuse(what: string): never {
  throw new InvalidRequestError(`The Diafaan setting "retry" ${what}.`, { details: { gateway: 'diafaan', option: 'retry', accepted: ACCEPTED } });
}

/**
 * The `retry` connection setting (a JSON field) as the policy the client runs its requests
 * through: a number of attempts, `false` for one attempt, or `{maxAttempts, initialDelayMs,
 * maxDelayMs}`. Only requests that provably never reached the server are repeated, and a
 * `Retry-After` is honoured as the shared policy does; without the setting there is one attempt.
 */
export function readDiafaanRetrySetting(value: unknown, clock: Clock | undefined): SendRetryPolicy | undefined {
  if (value === undefined || value === false) return undefined;
  const options: SendRetryPolicyOptions = clock ? { clock } : {};
  if (typeof value === 'number' || typeof value === 'string') {
    const maxAttempts = wholeNumber(value, 1, 10);
    if (maxAttempts === undefined) refuse(`takes ${ACCEPTED}`);
    return new SendRetryPolicy({ ...options, maxAttempts });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) refuse(`takes ${ACCEPTED}`);
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).find((field) => !(RETRY_FIELDS as readonly string[]).includes(field));
  if (unknown !== undefined) refuse(`has no field "${unknown}": use ${RETRY_FIELDS.join(', ')}`);
  const read = (field: (typeof RETRY_FIELDS)[number], min: number, max: number): number | undefined => {
    if (fields[field] === undefined) return undefined;
    const number = wholeNumber(fields[field], min, max);
    if (number === undefined) refuse(`field "${field}" takes an integer from ${min} to ${max}`);
    return number;
  };
  const maxAttempts = read('maxAttempts', 1, 10);
  const initialDelayMs = read('initialDelayMs', 0, 600_000);
  const maxDelayMs = read('maxDelayMs', 0, 600_000);
  return new SendRetryPolicy({
    ...options,
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
    ...(initialDelayMs === undefined ? {} : { initialDelayMs }),
    ...(maxDelayMs === undefined ? {} : { maxDelayMs }),
  });
}
