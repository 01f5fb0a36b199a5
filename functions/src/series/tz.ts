/**
 * Calendar arithmetic in a meter's IANA time zone (days and months are local: a household's "day" is
 * its local midnight to midnight, 23 or 25 hours long on DST days). Offsets come from Intl.
 */
const FORMATS = new Map<string, Intl.DateTimeFormat>();
const OFFSETS = new Map<string, number>();
const QUARTER_HOUR = 900_000;

function format(tz: string): Intl.DateTimeFormat {
  let f = FORMATS.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    FORMATS.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    format(tz);
    return true;
  } catch {
    return false;
  }
}

/** UTC offset of `tz` at instant `ms`, in milliseconds (local = utc + offset). */
export function offsetMs(ms: number, tz: string): number {
  if (tz === "UTC" || tz === "Etc/UTC") return 0;
  // Zone transitions happen on quarter-hour boundaries, so the offset is constant within one.
  const key = `${tz}|${Math.floor(ms / QUARTER_HOUR)}`;
  const cached = OFFSETS.get(key);
  if (cached !== undefined) return cached;
  const p: Record<string, number> = {};
  for (const part of format(tz).formatToParts(new Date(ms))) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const off = asUtc - Math.floor(ms / 1000) * 1000;
  if (OFFSETS.size > 200_000) OFFSETS.clear();
  OFFSETS.set(key, off);
  return off;
}

/** The instant of a local wall-clock time (the earlier one when the time is ambiguous). */
export function zonedToUtc(year: number, month0: number, day: number, tz: string): number {
  const guess = Date.UTC(year, month0, day);
  const first = guess - offsetMs(guess, tz);
  return guess - offsetMs(first, tz);
}

export type CalendarUnit = "hour" | "day" | "month";

/** Start and end (exclusive) of the local hour, day or month that contains `ms`. */
export function calendarBucket(ms: number, tz: string, unit: CalendarUnit): { start: number; end: number } {
  const off = offsetMs(ms, tz);
  const local = new Date(ms + off);
  if (unit === "hour") {
    const start = Math.floor((ms + off) / 3_600_000) * 3_600_000 - off;
    return { start, end: start + 3_600_000 };
  }
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  if (unit === "day") {
    const d = local.getUTCDate();
    return { start: zonedToUtc(y, m, d, tz), end: zonedToUtc(y, m, d + 1, tz) };
  }
  return { start: zonedToUtc(y, m, 1, tz), end: zonedToUtc(y, m + 1, 1, tz) };
}
