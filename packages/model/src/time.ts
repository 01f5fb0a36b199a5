/**
 * Wall-clock arithmetic in IANA time zones with `Intl` only: no date library and no Node API, so the
 * browser app imports this file too (by the sub-path `@omdp/model/time`, which keeps zod out of its
 * bundle). A local day runs from local midnight to the next one, 23 h or 25 h on the days the clocks
 * change. Offsets are learned at whole seconds (`Math.floor(ms / 1000) * 1000`), as Intl reports them.
 */

/** The wall clock of an instant in a zone. */
export interface WallTime {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
  /** 0-23 */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** ISO weekday, 1 = Monday ... 7 = Sunday */
  readonly weekday: number;
}

/** Offset of a zone at an instant, in ms; lets a caller put a cache in front of `offsetMs`. */
export type OffsetFn = (ms: number, timeZone: string) => number;

const FORMATS = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = FORMATS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    FORMATS.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** True when `Intl` of this runtime knows the IANA zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    format(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date, wall-clock time and weekday of an instant in `timeZone`. */
export function wallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of format(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    // "24" at midnight where a runtime ignores hourCycle h23
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? "Mon"] ?? 1,
  };
}

/** UTC offset of the zone at an instant, in ms, east positive (Vienna: +3_600_000 in winter, +7_200_000 in summer). */
export function offsetMs(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of local midnight starting the given local date (month 1-12; month and day may overflow,
 * `Date.UTC` normalises them, which is how callers step by days and months). Two passes: the offset at
 * the guess, then at the corrected instant. `offset` may be a cached `offsetMs`.
 */
export function localMidnight(
  year: number,
  month: number,
  day: number,
  timeZone: string,
  offset: OffsetFn = offsetMs,
): number {
  const wall = Date.UTC(year, month - 1, day);
  const first = wall - offset(wall, timeZone);
  return wall - offset(first, timeZone);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `YYYY-MM-DD` of the local date of an instant. */
export function localDate(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `YYYY-MM-DDTHH:MM:SS` as a clock in `timeZone` shows the instant (no offset). */
export function localDateTime(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/**
 * An RFC 3339 offset from minutes east of UTC: `+01:00`, `-03:30`, and for 0 `zero` (`"Z"` by default;
 * pass `"+00:00"` where a signed offset is always wanted).
 */
export function formatOffset(minutes: number, zero: "Z" | "+00:00" = "Z"): string {
  if (minutes === 0) return zero;
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}
