/**
 * The cloud's rows of a series: the `IntervalValues` of @omdp/series (the one interval contract) with
 * the store's id and the household copied from the registry at ingest (household deletion and
 * aggregates need no join). Every conversion to and from the API shape is the package's.
 */
import type { IntervalRecord } from "@omdp/model";
import {
  fromInterval,
  type Interval,
  type IntervalValues,
  SERIES_RESOLUTIONS,
  type SeriesResolution,
  SUB_HOUR,
  seriesId,
  toInterval,
} from "@omdp/series";

export { SERIES_RESOLUTIONS, type SeriesResolution, SUB_HOUR };

/** One row of a meter's series: a received interval (`derived: false`) or a roll-up (`derived: true`). */
export interface SeriesRow extends IntervalValues {
  readonly id: string;
  readonly householdId: string;
}

/** An interval to write, with the meter's time zone (local days and months of its roll-ups). */
export interface IntervalWrite extends SeriesRow {
  readonly timeZone: string;
}

export function rowFromInterval(rec: IntervalRecord, householdId: string): SeriesRow {
  return { ...fromInterval(rec), id: seriesId(rec.meterId, rec.resolution, rec.intervalStart), householdId };
}

/** The API shape of a series row (`Interval` of @omdp/series). */
export type ApiInterval = Interval;
export const apiInterval = (row: SeriesRow): Interval => toInterval(row);

/** Deterministic id of a roll-up row (seriesId). */
export const rollupId = (meterId: string, resolution: SeriesResolution, start: number): string =>
  seriesId(meterId, resolution, start);
