import type { Clock } from '../../clock/clock';
import { InvalidRequestError } from '../../errors';
import { formatWallClock, wallClockIn } from '../shared/zone-wall-clock';
import { buildJasminMessage, type JasminMessageInput } from './jasmin-message-fields';
import { canonicalJasminKey } from './jasmin-parameter-names';

/** When a batch should go out: an instant, or a delay in seconds (Jasmin's `"<n>s"`). */
export type JasminScheduleAt = Date | { inSeconds: number };

export interface JasminScheduleOptions {
  /**
   * `relative` (default) sends `"<n>s"` computed from the Clock, which does not depend on the
   * server's clock or zone; `absolute` sends `YYYY-MM-DD hh:mm:ss` in `serverTimeZone`, which
   * Jasmin reads as its own local time.
   */
  form?: 'relative' | 'absolute';
  /** IANA zone of the Jasmin server (absolute form only; default UTC). */
  serverTimeZone?: string;
}

export interface JasminBatchInput {
  messages: JasminMessageInput[];
  /** Inherited by every message unless the message sets the key itself. */
  globals?: Record<string, unknown>;
  /** Called (GET) for every message Jasmin's HTTP API accepted. */
  callbackUrl?: string;
  /** Called (GET) for every message it refused or could not reach. */
  errbackUrl?: string;
  scheduleAt?: JasminScheduleAt;
}

const JASMIN_SERVER_ZONE_OWNER = { gateway: 'jasmin', exampleZone: 'Europe/Paris' } as const;

/** The `schedule_at` value for a batch. */
export function formatJasminScheduleAt(at: JasminScheduleAt, clock: Clock, options: JasminScheduleOptions = {}): string {
  if (!(at instanceof Date)) {
    if (!Number.isInteger(at.inSeconds) || at.inSeconds <= 0) {
      throw new InvalidRequestError('A batch delay must be a whole number of seconds above 0', { details: { gateway: 'jasmin' } });
    }
    return `${at.inSeconds}s`;
  }
  const delayMs = at.getTime() - clock.now();
  if (!Number.isFinite(delayMs) || delayMs <= 0) {
    throw new InvalidRequestError('The batch schedule time is not in the future: choose a later time, or send now', {
      details: { gateway: 'jasmin' },
    });
  }
  if ((options.form ?? 'relative') === 'absolute') return formatWallClock(wallClockIn(at, options.serverTimeZone ?? 'UTC', JASMIN_SERVER_ZONE_OWNER));
  return `${Math.ceil(delayMs / 1000)}s`;
}

/** The JSON object of `/secure/sendbatch`, `schedule_at` already formatted. */
export function buildJasminBatchBody(input: Omit<JasminBatchInput, 'scheduleAt'> & { scheduleAt?: string }): Record<string, unknown> {
  if (input.messages.length === 0) {
    throw new InvalidRequestError('A batch needs at least one message', { details: { gateway: 'jasmin' } });
  }
  for (const key of Object.keys(input.globals ?? {})) {
    if (['username', 'password'].includes(canonicalJasminKey(key))) {
      throw new InvalidRequestError('Credentials go in the Authorization header, not in the batch globals', { details: { gateway: 'jasmin' } });
    }
  }
  const batchConfig: Record<string, string> = {};
  if (input.callbackUrl) batchConfig.callback_url = input.callbackUrl;
  if (input.errbackUrl) batchConfig.errback_url = input.errbackUrl;
  if (input.scheduleAt) batchConfig.schedule_at = input.scheduleAt;
  return {
    ...(input.globals && Object.keys(input.globals).length > 0 ? { globals: { ...input.globals } } : {}),
    messages: input.messages.map((message) => buildJasminMessage(message)),
    ...(Object.keys(batchConfig).length > 0 ? { batch_config: batchConfig } : {}),
  };
}
