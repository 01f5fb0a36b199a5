/**
 * Wall-clock arithmetic in an IANA time zone: the shared Intl helpers of `@omdp/model` (time.ts) under
 * this module's names, and RFC 3339 text of an instant with the zone's offset.
 */
import { formatOffset, offsetMs, type WallTime, wallTime } from "@omdp/model";

export { isTimeZone as isValidTimeZone, localMidnight, offsetMs } from "@omdp/model";

/** The local date and wall-clock time (`WallTime` of `@omdp/model` without the weekday). */
export type LocalFields = Omit<WallTime, "weekday">;

/** The wall-clock fields of an instant in a zone. */
export const localFields: (ms: number, timeZone: string) => LocalFields = wallTime;

/** RFC 3339 with the zone's offset at that instant, e.g. `2026-03-29T00:00:00+01:00` (`Z` at offset 0). */
export function formatInstant(ms: number, timeZone: string): string {
  const off = offsetMs(ms, timeZone);
  const local = new Date(ms + off).toISOString().slice(0, 19);
  return `${local}${formatOffset(off / 60_000)}`;
}
