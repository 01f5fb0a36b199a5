/**
 * Wall-clock arithmetic in IANA time zones with `Intl` only (no date library).
 * Sub-day intervals are fixed lengths of elapsed time aligned to the local wall clock; a day runs from
 * local midnight to the next local midnight, so it lasts 23 h or 25 h on the days the clocks change.
 */
import { type Resolution, resolutionMs } from "@omdp/model";

export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const FORMATS = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = FORMATS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    FORMATS.set(timeZone, f);
  }
  return f;
}

/** True when `Intl` knows the zone (used to validate the twin). */
export function isTimeZone(timeZone: string): boolean {
  try {
    format(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date and wall-clock time of an instant. */
export function localParts(ms: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of format(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

/** UTC offset of the zone at an instant, in ms (Vienna: +3_600_000 in winter, +7_200_000 in summer). */
export function offsetMs(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant of local midnight starting the given local date (month 1-12; day may overflow). */
export function localMidnight(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  const first = wall - offsetMs(wall, timeZone);
  return wall - offsetMs(first, timeZone);
}

/** `YYYY-MM-DD` of the local date of an instant. */
export function localDate(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Start and end instants of the local day `YYYY-MM-DD`. */
export function dayBounds(date: string, timeZone: string): { startMs: number; endMs: number } {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return { startMs: localMidnight(y, m, d, timeZone), endMs: localMidnight(y, m, d + 1, timeZone) };
}

export interface Bounds {
  readonly startMs: number;
  readonly endMs: number;
}

/** The interval of `resolution` containing the instant, aligned to the zone's wall clock. */
export function intervalBounds(ms: number, resolution: Resolution, timeZone: string): Bounds {
  if (resolution === "P1D") {
    const p = localParts(ms, timeZone);
    return {
      startMs: localMidnight(p.year, p.month, p.day, timeZone),
      endMs: localMidnight(p.year, p.month, p.day + 1, timeZone),
    };
  }
  const len = resolutionMs(resolution);
  const local = ms + offsetMs(ms, timeZone);
  const startMs = ms - (((local % len) + len) % len);
  return { startMs, endMs: startMs + len };
}

/** True when the zone's offset differs between the two instants (a clock change lies between them). */
export function crossesOffsetChange(startMs: number, endMs: number, timeZone: string): boolean {
  return offsetMs(startMs, timeZone) !== offsetMs(endMs, timeZone);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
