import { InvalidRequestError } from '../../errors';
import { wallClockIn } from '../shared/zone-wall-clock';
import { ROUTESMS_TIME_ZONE_OWNER } from './routesms-time-zone';

/** The three scheduler parameters of `/bulksms/schedulemsg` (seed 001 §2.1). */
export interface RoutesmsScheduleFields {
  /** `MM/DD/YYYY`. */
  date: string;
  /** `hh:mm am|pm`. */
  time: string;
  /** `GMT +hh:mm` / `GMT -hh:mm`; sent URL-encoded by the transport. */
  gmt: string;
}

const MINUTE_MS = 60_000;
/** The seed allows offsets from -12:00 to +12:00; zones beyond (Kiribati, Tonga, NZ summer) are expressed in UTC. */
const MAX_OFFSET_MINUTES = 12 * 60;

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const magnitude = Math.abs(offsetMinutes);
  return `GMT ${sign}${pad2(Math.floor(magnitude / 60))}:${pad2(magnitude % 60)}`;
}

/**
 * The scheduler fields for an instant, as wall-clock time in `timeZone`. The gateway schedules by
 * the minute, so seconds round up: a message never leaves earlier than asked.
 */
export function formatRoutesmsSchedule(at: Date, timeZone = 'UTC'): RoutesmsScheduleFields {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) {
    throw new InvalidRequestError('The schedule time is not a valid date: give an absolute date and time', {
      details: { gateway: 'routesms' },
    });
  }
  const instant = new Date(Math.ceil(ms / MINUTE_MS) * MINUTE_MS);
  let wall = wallClockIn(instant, timeZone, ROUTESMS_TIME_ZONE_OWNER);
  let offsetMinutes = Math.round((Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) - instant.getTime()) / MINUTE_MS);
  if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
    wall = wallClockIn(instant, 'UTC');
    offsetMinutes = 0;
  }
  const hour12 = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
  return {
    date: `${pad2(wall.month)}/${pad2(wall.day)}/${wall.year}`,
    time: `${pad2(hour12)}:${pad2(wall.minute)} ${wall.hour < 12 ? 'am' : 'pm'}`,
    gmt: formatOffset(offsetMinutes),
  };
}

/** Reads `GMT +5:30`, `GMT+05:30`, `+1:30`, `-10:00` into minutes east of UTC; undefined when unreadable. */
export function parseRoutesmsGmtOffset(gmt: string): number | undefined {
  const match = /^\s*(?:GMT|UTC)?\s*([+-])\s*(\d{1,2}):(\d{2})\s*$/i.exec(gmt);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * The instant a `date`/`time`/`gmt` triple names, or undefined when a field does not parse (the
 * simulator's reader: tolerant of one-digit hours, `00:xx am` and a missing `GMT`).
 */
export function parseRoutesmsSchedule(fields: Partial<RoutesmsScheduleFields>): Date | undefined {
  const date = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(fields.date ?? '');
  const time = /^\s*(\d{1,2}):(\d{2})\s*([ap])\.?m\.?\s*$/i.exec(fields.time ?? '');
  const offset = parseRoutesmsGmtOffset(fields.gmt ?? '');
  if (!date || !time || offset === undefined) return undefined;
  const month = Number(date[1]);
  const day = Number(date[2]);
  const hour = Number(time[1]);
  const minute = Number(time[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 12 || minute > 59) return undefined;
  const hour24 = (hour % 12) + (time[3]!.toLowerCase() === 'p' ? 12 : 0);
  return new Date(Date.UTC(Number(date[3]), month - 1, day, hour24, minute) - offset * MINUTE_MS);
}
