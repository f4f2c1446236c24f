import { InvalidRequestError } from '../../errors';
import type { GatewayKey } from '../gateway-client';

/**
 * What the clocks of an IANA zone show (month 1–12, hour 0–23). Unlike a gateway's fixed UTC
 * offset (`gateway-local-time.ts`), a zone follows its DST changes, so it is asked of Intl.
 */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The gateway an unknown zone is reported against, and a zone of its region to suggest instead. */
export interface TimeZoneOwner {
  gateway: GatewayKey;
  exampleZone: string;
}

function zoneFormatter(timeZone: string, owner: TimeZoneOwner | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  } catch (cause) {
    if (!owner) throw cause;
    throw new InvalidRequestError(`"${timeZone}" is not a time zone: use an IANA name such as ${owner.exampleZone} or UTC`, {
      details: { gateway: owner.gateway, timeZone },
      cause,
    });
  }
}

/**
 * The wall clock of `timeZone` at `instant`. An unknown zone is the caller's mistake, reported
 * against `owner`; without an owner (a simulator's own setting) Intl's RangeError goes through.
 */
export function wallClockIn(instant: Date | number, timeZone: string, owner?: TimeZoneOwner): WallClock {
  const parts = Object.fromEntries(
    zoneFormatter(timeZone, owner)
      .formatToParts(typeof instant === 'number' ? new Date(instant) : instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    // Some engines write midnight as 24 even with h23.
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The same wall clock read as if it were UTC, in epoch milliseconds: its distance to the instant is the zone's offset. */
export function wallClockAsUtc(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** `YYYY-MM-DD hh:mm:ss`, as gateways write their local dates. */
export function formatWallClock(wall: WallClock): string {
  return `${wall.year}-${pad2(wall.month)}-${pad2(wall.day)} ${pad2(wall.hour)}:${pad2(wall.minute)}:${pad2(wall.second)}`;
}
