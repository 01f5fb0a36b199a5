/**
 * Time-zone arithmetic with the platform's Intl only (no library): the shared helpers of `@omdp/model`
 * (imported by the sub-path `@omdp/model/time`, which keeps zod out of the bundle) and the instant of a
 * wall-clock time in a zone (a wall time in a DST gap resolves to an instant after the gap; one in an
 * overlap to one of its two instants).
 */
import { offsetMs, wallTime } from "@omdp/model/time";

export { isTimeZone as isValidTimeZone, offsetMs, type WallTime, wallTime } from "@omdp/model/time";

/**
 * The instant of a wall-clock time in `timeZone`. Month and day may overflow (Date.UTC normalises them),
 * which is how callers step by days and months.
 */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(first, timeZone);
  if (second === first) return first;
  // DST transition between guess and result: take the earlier valid instant that maps to the wall time,
  // or, in a gap, the instant after the gap.
  const w = wallTime(second, timeZone);
  return w.hour === hour && w.minute === minute ? second : Math.max(first, second);
}
