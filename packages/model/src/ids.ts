import type { Resolution } from "./schemas";

/**
 * The deterministic id of an interval record, `meterId|resolution|intervalStart` with the start
 * normalised to UTC (`toISOString`), so the same interval written with another offset has one id and
 * every write of it is idempotent. `seriesId` of @omdp/series is the entry point (it adds P1M).
 */
export function intervalId(meterId: string, resolution: Resolution | "P1M", intervalStart: string): string {
  const ms = Date.parse(intervalStart);
  if (Number.isNaN(ms))
    throw new RangeError(`intervalId: intervalStart is not a date-time: ${intervalStart}`);
  return `${meterId}|${resolution}|${new Date(ms).toISOString()}`;
}

/**
 * The deterministic id of a meter reading: `meterId|readingTime` with the time normalised to UTC
 * (`toISOString`, millisecond precision), so the same instant written with different offsets
 * (`+01:00`, `Z`) gives one id and a reading sent twice (outbox redelivery) can be de-duplicated.
 */
export function readingId(meterId: string, readingTime: string): string {
  const ms = Date.parse(readingTime);
  if (Number.isNaN(ms)) throw new RangeError(`readingId: readingTime is not a date-time: ${readingTime}`);
  return `${meterId}|${new Date(ms).toISOString()}`;
}

const RESOLUTION_MS: Record<Resolution, number> = {
  PT1M: 60_000,
  PT5M: 300_000,
  PT15M: 900_000,
  PT30M: 1_800_000,
  PT1H: 3_600_000,
  P1D: 86_400_000,
};

/** Nominal length of a resolution in milliseconds (P1D is 24 h; DST days are handled by the caller). */
export function resolutionMs(resolution: Resolution): number {
  return RESOLUTION_MS[resolution];
}
