/**
 * Calendar arithmetic in a meter's IANA time zone (days and months are local: a household's "day" is
 * its local midnight to midnight, 23 or 25 hours long on DST days). Offsets come from Intl through the
 * shared helpers of `@omdp/model` (time.ts), with a cache of constant-offset spans in front.
 */
import { localMidnight, offsetMs as uncachedOffsetMs } from "@omdp/model";

export { isTimeZone as isValidTimeZone } from "@omdp/model";

const QUARTER_HOUR = 900_000;

/** UTC offset of `tz` at `ms` from Intl (slow: a formatToParts call). */
export const intlOffsetMs: (ms: number, tz: string) => number = uncachedOffsetMs;

/** Spans of constant offset learned per zone (newest last, at most 32 per zone). */
const SPANS = new Map<string, { from: number; to: number; off: number }[]>();
const SPAN_MS = 6 * 3_600_000;

/**
 * UTC offset of `tz` at instant `ms`, in milliseconds (local = utc + offset). Zone transitions happen
 * on quarter-hour boundaries and never twice within 6 hours (tzdb), so when the offset at the start of
 * a quarter hour equals the offset just before start + 6 h, it is constant over that span: the span is
 * remembered and later instants in it cost a comparison instead of an Intl call.
 */
export function offsetMs(ms: number, tz: string): number {
  if (tz === "UTC" || tz === "Etc/UTC") return 0;
  let spans = SPANS.get(tz);
  if (!spans) {
    spans = [];
    SPANS.set(tz, spans);
  }
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i]!;
    if (ms >= s.from && ms < s.to) return s.off;
  }
  const from = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
  const off = intlOffsetMs(from, tz);
  const constant = intlOffsetMs(from + SPAN_MS - 1000, tz) === off;
  spans.push({ from, to: from + (constant ? SPAN_MS : QUARTER_HOUR), off });
  if (spans.length > 32) spans.shift();
  return off;
}

/** The instant of a local wall-clock time (the earlier one when the time is ambiguous). */
export function zonedToUtc(year: number, month0: number, day: number, tz: string): number {
  return localMidnight(year, month0 + 1, day, tz, offsetMs);
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
