import { intervalId } from "@omdp/model";
import type { SeriesResolution } from "./resolution";

/**
 * The one deterministic id of an interval of a series (received or rolled up, edge or cloud):
 * `meterId|resolution|start`, the start in UTC as `toISOString` writes it (millisecond precision,
 * `Z`), so the same interval written with another offset (`+01:00`) has the same id. The rule is
 * `intervalId` of @omdp/model (next to the IntervalRecord schema); this is the series' entry point.
 */
export function seriesId(meterId: string, resolution: SeriesResolution, start: number | string): string {
  return intervalId(meterId, resolution, utcInstant(start));
}

/** An instant (epoch ms or RFC 3339 text) as UTC `toISOString` text; a RangeError if it is no instant. */
export function utcInstant(at: number | string): string {
  const ms = typeof at === "number" ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  return new Date(ms).toISOString();
}
