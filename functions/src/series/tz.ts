/**
 * The cloud's calendar buckets: the wall-clock alignment of @omdp/series (bucketOf) under the unit
 * names the stores and aggregates use.
 */
import { type Bucket, bucketOf, type RollupResolution } from "@omdp/series";

export { isTimeZone as isValidTimeZone } from "@omdp/model";
export { offsetMs } from "@omdp/series";

export type CalendarUnit = "hour" | "day" | "month";
const LEVEL: Record<CalendarUnit, RollupResolution> = { hour: "PT1H", day: "P1D", month: "P1M" };

/** Start and end (exclusive) of the local hour, day or month that contains `ms`. */
export function calendarBucket(ms: number, tz: string, unit: CalendarUnit): Bucket {
  return bucketOf(ms, LEVEL[unit], tz);
}
