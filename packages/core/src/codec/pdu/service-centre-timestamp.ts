import { CodecError } from '../../errors/codec-error';

/** A TP-SCTS / TP-DT / absolute TP-VP: seven swapped-BCD octets, the last one a signed time zone. */
export interface ServiceCentreTimestamp {
  /** ISO 8601 local time with the sender's offset, e.g. `2024-03-26T14:05:09+02:00`. */
  iso: string;
  /** The instant, milliseconds since the epoch. */
  epochMs: number;
  /** Offset from UTC in minutes (quarter hours × 15). */
  offsetMinutes: number;
}

export const TIMESTAMP_OCTETS = 7;

/** Two-digit years follow the X.509 UTCTime convention: 50–99 → 19yy, 00–49 → 20yy. */
export function fullYear(twoDigitYear: number): number {
  const yy = twoDigitYear % 100;
  return yy >= 50 ? 1900 + yy : 2000 + yy;
}

/** Swapped BCD: the low nibble is the tens digit. Invalid nibbles (A–F) count with their value, best effort. */
function swappedBcd(octet: number): number {
  return (octet & 0x0f) * 10 + (octet >> 4);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * Never fails: networks do send invalid BCD, so out-of-range fields roll over (month 13 → January
 * of the next year) instead of making the whole message unreadable.
 */
export function decodeTimestamp(octets: Uint8Array, start = 0): ServiceCentreTimestamp {
  const fields = timestampFields(octets, start);
  const localMs = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  return { iso: formatIso(fields), epochMs: localMs - fields.offsetMinutes * 60_000, offsetMinutes: fields.offsetMinutes };
}

/** Just the ISO 8601 text of a timestamp, for the decoder's hot path: valid dates skip the fields object. */
export function decodeTimestampIso(octets: Uint8Array, start = 0): string {
  const year = fullYear(swappedBcd(octets[start]!));
  const month = swappedBcd(octets[start + 1]!);
  const day = swappedBcd(octets[start + 2]!);
  const hour = swappedBcd(octets[start + 3]!);
  const minute = swappedBcd(octets[start + 4]!);
  const second = swappedBcd(octets[start + 5]!);
  if (!isValidLocalTime(year, month, day, hour, minute, second)) return formatIso(timestampFields(octets, start));
  const zone = octets[start + 6]!;
  const quarters = (zone & 0x07) * 10 + (zone >> 4);
  return isoText(year, month, day, hour, minute, second, (zone & 0x08) !== 0 ? -quarters * 15 : quarters * 15);
}

function isValidLocalTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  return (
    month >= 1 && month <= 12 && day >= 1 && hour < 24 && minute < 60 && second < 60 &&
    day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!)
  );
}

interface TimestampFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

function timestampFields(octets: Uint8Array, start: number): TimestampFields {
  const zone = octets[start + 6]!;
  // The sign is bit 3, i.e. the top bit of the tens digit.
  const quarters = (zone & 0x07) * 10 + (zone >> 4);
  const fields: TimestampFields = {
    year: fullYear(swappedBcd(octets[start]!)),
    month: swappedBcd(octets[start + 1]!),
    day: swappedBcd(octets[start + 2]!),
    hour: swappedBcd(octets[start + 3]!),
    minute: swappedBcd(octets[start + 4]!),
    second: swappedBcd(octets[start + 5]!),
    offsetMinutes: (zone & 0x08) !== 0 ? -quarters * 15 : quarters * 15,
  };
  const { year, month, day, hour, minute, second } = fields;
  if (!isValidLocalTime(year, month, day, hour, minute, second)) {
    const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    fields.year = local.getUTCFullYear();
    fields.month = local.getUTCMonth() + 1;
    fields.day = local.getUTCDate();
    fields.hour = local.getUTCHours();
    fields.minute = local.getUTCMinutes();
    fields.second = local.getUTCSeconds();
  }
  return fields;
}

function formatIso({ year, month, day, hour, minute, second, offsetMinutes }: TimestampFields): string {
  return isoText(year, month, day, hour, minute, second, offsetMinutes);
}

const ZERO = 0x30;
const DASH = 0x2d;
const COLON = 0x3a;
const PLUS = 0x2b;
const LETTER_T = 0x54;

/** `yyyy-mm-ddThh:mm:ss±hh:mm` built as one string from its character codes: no intermediate strings. */
function isoText(year: number, month: number, day: number, hour: number, minute: number, second: number, offsetMinutes: number): string {
  const offset = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
  const offsetHours = Math.floor(offset / 60);
  const offsetRest = offset % 60;
  return String.fromCharCode(
    ZERO + (Math.floor(year / 1000) % 10), ZERO + (Math.floor(year / 100) % 10), ZERO + (Math.floor(year / 10) % 10), ZERO + (year % 10), DASH,
    ZERO + Math.floor(month / 10), ZERO + (month % 10), DASH,
    ZERO + Math.floor(day / 10), ZERO + (day % 10), LETTER_T,
    ZERO + Math.floor(hour / 10), ZERO + (hour % 10), COLON,
    ZERO + Math.floor(minute / 10), ZERO + (minute % 10), COLON,
    ZERO + Math.floor(second / 10), ZERO + (second % 10),
    offsetMinutes < 0 ? DASH : PLUS,
    ZERO + Math.floor(offsetHours / 10), ZERO + (offsetHours % 10), COLON,
    ZERO + Math.floor(offsetRest / 10), ZERO + (offsetRest % 10),
  );
}

function swappedBcdOctet(value: number): number {
  return Math.floor(value / 10) | ((value % 10) << 4);
}

/** `date` as seven timestamp octets in the zone `offsetMinutes` from UTC (rounded to quarter hours). */
export function encodeTimestamp(date: Date, offsetMinutes = 0): Uint8Array {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(time)) throw new CodecError('SMSB_CODEC_BAD_OPTION', 'timestamp is not a valid Date');
  const quarters = Math.round(offsetMinutes / 15);
  if (!Number.isFinite(quarters) || Math.abs(quarters) > 79) {
    throw new CodecError('SMSB_CODEC_BAD_OPTION', `time zone offset ${offsetMinutes} minutes cannot be coded`);
  }
  const local = new Date(time + quarters * 15 * 60_000);
  const year = local.getUTCFullYear();
  if (year < 1950 || year > 2049) {
    throw new CodecError('SMSB_CODEC_BAD_OPTION', `year ${year} is outside the two-digit range 1950–2049`);
  }
  const abs = Math.abs(quarters);
  return Uint8Array.of(
    swappedBcdOctet(year % 100),
    swappedBcdOctet(local.getUTCMonth() + 1),
    swappedBcdOctet(local.getUTCDate()),
    swappedBcdOctet(local.getUTCHours()),
    swappedBcdOctet(local.getUTCMinutes()),
    swappedBcdOctet(local.getUTCSeconds()),
    swappedBcdOctet(abs) | (quarters < 0 ? 0x08 : 0),
  );
}
