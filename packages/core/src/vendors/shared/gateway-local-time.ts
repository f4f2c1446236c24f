/**
 * Datetime strings of LAN gateways (`2024-03-26 14:05:09`: the box's local time, no zone), used
 * by spangw and dinstar. spangw's seed writes the format as PHP `YY-MM-DD H:i:s`; four-digit
 * years are sent because a two-digit year is ambiguous.
 */

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Formats an instant as the gateway's local wall time, `utcOffsetMinutes` east of UTC. */
export function formatGatewayLocalTime(instant: Date | number, utcOffsetMinutes: number): string {
  const shifted = new Date((typeof instant === 'number' ? instant : instant.getTime()) + utcOffsetMinutes * 60_000);
  return (
    `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ` +
    `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`
  );
}

/**
 * Reads `YYYY-MM-DD HH:MM:SS` (also `T` as separator, two-digit years as 20YY, missing seconds)
 * as epoch milliseconds; undefined when the text is no such date.
 */
export function parseGatewayLocalTime(text: string | undefined, utcOffsetMinutes: number): number | undefined {
  if (!text) return undefined;
  const match = /^\s*(\d{2}|\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(text);
  if (!match) return undefined;
  const year = match[1].length === 2 ? 2000 + Number(match[1]) : Number(match[1]);
  const [month, day, hour, minute, second] = [match[2], match[3], match[4], match[5], match[6]].map((part) => Number(part ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second) - utcOffsetMinutes * 60_000;
}

/** The same wall time as ISO 8601 with the gateway's offset, e.g. `2024-03-26T14:05:09+02:00`. */
export function gatewayLocalTimeToIso(text: string | undefined, utcOffsetMinutes: number): string | undefined {
  const epoch = parseGatewayLocalTime(text, utcOffsetMinutes);
  if (epoch === undefined) return undefined;
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(utcOffsetMinutes);
  return `${formatGatewayLocalTime(epoch, utcOffsetMinutes).replace(' ', 'T')}${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
}
