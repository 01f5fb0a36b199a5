import { wallTime, zonedInstant } from "./tz";

/** The history views: a calendar period in the household's time zone. */
export type PeriodKind = "day" | "week" | "month" | "year";
export const PERIOD_KINDS: readonly PeriodKind[] = ["day", "week", "month", "year"];

/** Resolutions the history views ask for (cloud and edge both serve them). */
export type HistoryResolution = "PT15M" | "PT1H" | "P1D" | "P1M";

export interface Period {
  readonly kind: PeriodKind;
  readonly timeZone: string;
  /** Start (inclusive) and end (exclusive), epoch milliseconds. */
  readonly start: number;
  readonly end: number;
}

/** The resolution each view shows: fine enough to see the shape, small enough to load fast. */
export const RESOLUTION_OF: Record<PeriodKind, HistoryResolution> = {
  day: "PT15M",
  week: "PT1H",
  month: "P1D",
  year: "P1D",
};

function startOf(kind: PeriodKind, instantMs: number, timeZone: string): number {
  const w = wallTime(instantMs, timeZone);
  switch (kind) {
    case "day":
      return zonedInstant(timeZone, w.year, w.month, w.day);
    case "week":
      // ISO weeks start on Monday.
      return zonedInstant(timeZone, w.year, w.month, w.day - (w.weekday - 1));
    case "month":
      return zonedInstant(timeZone, w.year, w.month, 1);
    case "year":
      return zonedInstant(timeZone, w.year, 1, 1);
  }
}

/** Start of the period `steps` periods after the one that starts at `start` (negative: before). */
function stepStart(kind: PeriodKind, start: number, steps: number, timeZone: string): number {
  // Step from noon of the start day so that DST never moves us across a day boundary.
  const w = wallTime(start, timeZone);
  switch (kind) {
    case "day":
      return zonedInstant(timeZone, w.year, w.month, w.day + steps);
    case "week":
      return zonedInstant(timeZone, w.year, w.month, w.day + 7 * steps);
    case "month":
      return zonedInstant(timeZone, w.year, w.month + steps, 1);
    case "year":
      return zonedInstant(timeZone, w.year + steps, 1, 1);
  }
}

/** The period of `kind` that contains `instantMs`. */
export function periodContaining(kind: PeriodKind, instantMs: number, timeZone: string): Period {
  const start = startOf(kind, instantMs, timeZone);
  return { kind, timeZone, start, end: stepStart(kind, start, 1, timeZone) };
}

/** The period `steps` away (−1: the previous one, used for comparison). */
export function shiftPeriod(p: Period, steps: number): Period {
  const start = stepStart(p.kind, p.start, steps, p.timeZone);
  return { kind: p.kind, timeZone: p.timeZone, start, end: stepStart(p.kind, start, 1, p.timeZone) };
}

/** Bucket starts of `p` at `resolution`, in the household's calendar (days/months follow DST and lengths). */
export function bucketStarts(p: Period, resolution: HistoryResolution): number[] {
  const out: number[] = [];
  if (resolution === "PT15M" || resolution === "PT1H") {
    const step = resolution === "PT15M" ? 900_000 : 3_600_000;
    for (let t = p.start; t < p.end; t += step) out.push(t);
    return out;
  }
  const w = wallTime(p.start, p.timeZone);
  for (let i = 0; i < 400; i++) {
    const t =
      resolution === "P1D"
        ? zonedInstant(p.timeZone, w.year, w.month, w.day + i)
        : zonedInstant(p.timeZone, w.year, w.month + i, 1);
    if (t >= p.end) break;
    out.push(t);
  }
  return out;
}

/** Index of the bucket containing `t` in sorted `starts`, or -1 when before the first. */
export function bucketIndex(starts: readonly number[], t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A readable label of the period, e.g. "Tue 3 Mar 2026", "Week of 2 Mar 2026", "March 2026", "2026". */
export function periodLabel(p: Period, locale?: string): string {
  const d = new Date(p.start);
  const tz = p.timeZone;
  switch (p.kind) {
    case "day":
      return d.toLocaleDateString(locale, {
        timeZone: tz,
        weekday: "short",
        day: "numeric",
        month: "short",
        year: "numeric",
      });
    case "week":
      return `Week of ${d.toLocaleDateString(locale, { timeZone: tz, day: "numeric", month: "short", year: "numeric" })}`;
    case "month":
      return d.toLocaleDateString(locale, { timeZone: tz, month: "long", year: "numeric" });
    case "year":
      return d.toLocaleDateString(locale, { timeZone: tz, year: "numeric" });
  }
}
