/**
 * Time-zone alignment of series buckets. Sub-daily buckets are fixed lengths of elapsed time aligned to
 * the household's wall clock (in +05:30 an hour starts at :30 UTC); days and months start at local
 * midnight, so a DST day lasts 23 h or 25 h. Offsets come from Intl (`@omdp/model` time.ts) behind a
 * cache of constant-offset spans.
 */
import { offsetMs as intlOffsetMs, localMidnight, wallTime } from "@omdp/model";
import { FIXED_MS, type SeriesResolution } from "./resolution";

const QUARTER_HOUR = 900_000;
const SPAN_MS = 6 * 3_600_000;
/** Spans of constant offset learned per zone (newest last, at most 32 per zone). */
const SPANS = new Map<string, { from: number; to: number; off: number }[]>();

/**
 * UTC offset of `timeZone` at `ms` in ms (local = utc + offset). Zone transitions fall on quarter-hour
 * boundaries and never twice within 6 h (tzdb), so when the offset at the start of a quarter hour equals
 * the offset just before start + 6 h it is constant over that span, and the span is remembered.
 */
export function offsetMs(ms: number, timeZone: string): number {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return 0;
  let spans = SPANS.get(timeZone);
  if (!spans) {
    spans = [];
    SPANS.set(timeZone, spans);
  }
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i]!;
    if (ms >= s.from && ms < s.to) return s.off;
  }
  const from = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
  const off = intlOffsetMs(from, timeZone);
  const constant = intlOffsetMs(from + SPAN_MS - 1000, timeZone) === off;
  spans.push({ from, to: from + (constant ? SPAN_MS : QUARTER_HOUR), off });
  if (spans.length > 32) spans.shift();
  return off;
}

/** A bucket [start, end) in epoch milliseconds. */
export interface Bucket {
  readonly start: number;
  readonly end: number;
}

/** The bucket of resolution `r` that contains instant `ms`, aligned to the wall clock of `timeZone`. */
export function bucketOf(ms: number, r: SeriesResolution, timeZone: string): Bucket {
  const fixed = FIXED_MS[r];
  if (fixed !== undefined) {
    const local = ms + offsetMs(ms, timeZone);
    const start = ms - (((local % fixed) + fixed) % fixed);
    return { start, end: start + fixed };
  }
  const w = wallTime(ms, timeZone);
  if (r === "P1D") {
    return {
      start: localMidnight(w.year, w.month, w.day, timeZone, offsetMs),
      end: localMidnight(w.year, w.month, w.day + 1, timeZone, offsetMs),
    };
  }
  return {
    start: localMidnight(w.year, w.month, 1, timeZone, offsetMs),
    end: localMidnight(w.year, w.month + 1, 1, timeZone, offsetMs),
  };
}

/** Every bucket of `r` overlapping [from, to), in order; at most `max` of them. */
export function bucketsBetween(
  from: number,
  to: number,
  r: SeriesResolution,
  timeZone: string,
  max = 100_000,
): Bucket[] {
  const out: Bucket[] = [];
  let t = from;
  while (t < to && out.length < max) {
    const b = bucketOf(t, r, timeZone);
    out.push(b);
    t = b.end;
  }
  return out;
}
