/** How to read ambiguous `a/b/yyyy` locale dates without AM/PM. */
export type DiafaanDateOrder = 'dmy' | 'mdy';

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function offsetSuffix(offsetMinutes: number | undefined): string {
  if (offsetMinutes === undefined) return '';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

function format(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMinutes: number | undefined): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${offsetSuffix(offsetMinutes)}`;
}

/**
 * Reads a date as Diafaan writes it — `yyyyMMddHHmmss`, ISO 8601, or the server's locale
 * (`2/19/2010 8:08:55 PM`, `19-2-2010 20:08:55`, `19.02.2010 20:08:55`) — into ISO 8601.
 * The server's local time carries no zone: `offsetMinutes` adds one when the user knows it.
 * Returns undefined for anything else (the raw value stays in `raw`).
 */
export function parseDiafaanDate(value: string | undefined, options: { offsetMinutes?: number; order?: DiafaanDateOrder } = {}): string | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (compact) {
    const [y, mo, d, h, mi, s] = compact.slice(1).map(Number) as [number, number, number, number, number, number];
    return format(y, mo, d, h, mi, s, options.offsetMinutes);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (iso) {
    const [y, mo, d, h, mi] = iso.slice(1, 6).map(Number) as [number, number, number, number, number];
    const base = format(y, mo, d, h, mi, Number(iso[6] ?? 0), undefined);
    if (!base) return undefined;
    const zone = iso[7];
    if (zone === 'Z') return `${base}Z`;
    if (zone) return `${base}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
    return `${base}${offsetSuffix(options.offsetMinutes)}`;
  }
  const locale = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?$/.exec(text);
  if (!locale) return undefined;
  const [a, b, c] = [Number(locale[1]), Number(locale[2]), Number(locale[3])];
  let hour = Number(locale[4]);
  const minute = Number(locale[5]);
  const second = Number(locale[6] ?? 0);
  const meridiem = locale[7]?.replace(/\./g, '').toUpperCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  let year: number;
  let month: number;
  let day: number;
  if (locale[1]!.length === 4) {
    [year, month, day] = [a, b, c];
  } else {
    year = c < 100 ? 2000 + c : c;
    const separator = text[locale[1]!.length];
    // US servers write m/d/yyyy with AM/PM; dots and dashes are day-first locales.
    let monthFirst = meridiem !== undefined ? true : separator === '/' ? options.order === 'mdy' : false;
    if (a > 12) monthFirst = false;
    else if (b > 12) monthFirst = true;
    [month, day] = monthFirst ? [a, b] : [b, a];
  }
  return format(year, month, day, hour, minute, second, options.offsetMinutes);
}

/** Writes a clock time as `yyyyMMddHHmmss` (UTC), the form the simulator emits by default. */
export function formatDiafaanCompactDate(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

/** Writes a clock time the way an en-US Windows server does: `2/19/2010 8:08:55 PM` (UTC). */
export function formatDiafaanUsDate(epochMs: number): string {
  const date = new Date(epochMs);
  const hours = date.getUTCHours();
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${twelve}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}
