import type { DeliveryState, DeliveryStatus } from '../../model';
import { InvalidRequestError } from '../../errors';
import { wallClockAsUtc, wallClockIn } from '../shared/zone-wall-clock';
import { ROUTESMS_TIME_ZONE_OWNER } from './routesms-time-zone';

/** `sStatus` values Route Mobile pushes, and what each means in the shared vocabulary. */
export const ROUTESMS_DLR_STATES: Readonly<Record<string, DeliveryState>> = {
  UNKNOWN: 'unknown',
  ACKED: 'sent',
  ENROUTE: 'sent',
  // SMPP "accepted": taken by the network on the subscriber's behalf, not proven delivered.
  ACCEPTED: 'sent',
  DELIVRD: 'delivered',
  EXPIRED: 'expired',
  DELETED: 'failed',
  UNDELIV: 'failed',
  REJECTD: 'failed',
};

/** The fields of a Route Mobile DLR push, as the gateway names them. */
export const ROUTESMS_DLR_FIELDS = [
  'sSender',
  'sMobileNo',
  'sStatus',
  'dtSubmit',
  'dtDone',
  'sMessageId',
  'iCostPerSms',
  'iCharge',
  'iMCCMNC',
  'iErrCode',
] as const;

export interface RoutesmsDeliveryReportOptions {
  /**
   * IANA zone of the gateway's `dtSubmit`/`dtDone` wall-clock dates. Without it the times are
   * given as ISO 8601 local times (no offset), since the push does not say its zone.
   */
  timeZone?: string;
}

const DLR_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function offsetMinutesAt(utcGuess: number, timeZone: string): number {
  return Math.round((wallClockAsUtc(wallClockIn(utcGuess, timeZone, ROUTESMS_TIME_ZONE_OWNER)) - utcGuess) / 60_000);
}

/** `yyyy-mm-dd hh:mm:ss` → ISO 8601: with an offset when the zone is known, else local. Unreadable → undefined. */
export function routesmsDateToIso(value: string | undefined, timeZone?: string): string | undefined {
  const match = DLR_DATE.exec((value ?? '').trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const local = `${y}-${mo}-${d}T${h!.padStart(2, '0')}:${mi}:${s ?? '00'}`;
  if (!timeZone) return local;
  const wallAsUtc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +(s ?? 0));
  // Two passes settle the offset across a DST change.
  let offset = offsetMinutesAt(wallAsUtc, timeZone);
  offset = offsetMinutesAt(wallAsUtc - offset * 60_000, timeZone);
  return new Date(wallAsUtc - offset * 60_000).toISOString();
}

function firstValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return firstValue(value[0]);
  if (value === undefined || value === null) return undefined;
  return String(value);
}

/**
 * Turns the fields of one DLR push into a `DeliveryStatus`. `sMessageId` and `sStatus` are
 * required; unknown status words map to `unknown` and stay verbatim in `rawStatus`.
 */
export function parseRoutesmsDeliveryReport(
  fields: Record<string, unknown>,
  options: RoutesmsDeliveryReportOptions = {},
): DeliveryStatus {
  const messageId = firstValue(fields.sMessageId)?.trim();
  const rawStatus = firstValue(fields.sStatus)?.trim();
  if (!messageId || !rawStatus) {
    throw new InvalidRequestError('This is not a Route Mobile delivery report: sMessageId and sStatus are required', {
      details: { gateway: 'routesms', fields: Object.keys(fields) },
    });
  }
  const errorCode = firstValue(fields.iErrCode)?.trim();
  const to = firstValue(fields.sMobileNo)?.trim();
  const raw: Record<string, unknown> = {};
  for (const name of ROUTESMS_DLR_FIELDS) {
    const value = firstValue(fields[name]);
    if (value !== undefined) raw[name] = value;
  }
  const at = routesmsDateToIso(firstValue(fields.dtDone), options.timeZone) ?? routesmsDateToIso(firstValue(fields.dtSubmit), options.timeZone);
  return {
    state: ROUTESMS_DLR_STATES[rawStatus.toUpperCase()] ?? 'unknown',
    messageId,
    ...(to ? { to } : {}),
    rawStatus,
    ...(errorCode && errorCode !== '0' && errorCode !== '000' ? { errorCode } : {}),
    ...(at ? { at } : {}),
    gateway: 'routesms',
    raw,
  };
}
