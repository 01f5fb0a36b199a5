/**
 * Interval arithmetic in IANA time zones on top of the shared Intl helpers of `@omdp/model` (time.ts).
 * Sub-day intervals are fixed lengths of elapsed time aligned to the local wall clock; a day runs from
 * local midnight to the next local midnight, so it lasts 23 h or 25 h on the days the clocks change.
 */
import { localMidnight, offsetMs, type Resolution, type WallTime, wallTime } from "@omdp/model";
import { bucketOf } from "@omdp/series";

export { isTimeZone, localDate, localMidnight, offsetMs } from "@omdp/model";

/** The local date and wall-clock time (`WallTime` of `@omdp/model` without the weekday). */
export type LocalParts = Omit<WallTime, "weekday">;

/** The local calendar date and wall-clock time of an instant. */
export const localParts: (ms: number, timeZone: string) => LocalParts = wallTime;

/** Start and end instants of the local day `YYYY-MM-DD`. */
export function dayBounds(date: string, timeZone: string): { startMs: number; endMs: number } {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return { startMs: localMidnight(y, m, d, timeZone), endMs: localMidnight(y, m, d + 1, timeZone) };
}

export interface Bounds {
  readonly startMs: number;
  readonly endMs: number;
}

/** The interval of `resolution` containing the instant, aligned to the zone's wall clock (@omdp/series). */
export function intervalBounds(ms: number, resolution: Resolution, timeZone: string): Bounds {
  const b = bucketOf(ms, resolution, timeZone);
  return { startMs: b.start, endMs: b.end };
}

/** True when the zone's offset differs between the two instants (a clock change lies between them). */
export function crossesOffsetChange(startMs: number, endMs: number, timeZone: string): boolean {
  return offsetMs(startMs, timeZone) !== offsetMs(endMs, timeZone);
}
