/**
 * The edge's resolutions and buckets: those of @omdp/series. The local API answers every series
 * resolution (the fine ones PT1M, PT5M, PT30M only at the edge); the store keeps PT15M, PT1H, P1D and
 * P1M rolled up.
 */
import { SERIES_RESOLUTIONS, type SeriesResolution } from "@omdp/series";

export {
  type Bucket,
  bucketOf,
  bucketsBetween,
  isSeriesResolution as isQueryResolution,
  rank,
} from "@omdp/series";

export const QUERY_RESOLUTIONS = SERIES_RESOLUTIONS;
export type QueryResolution = SeriesResolution;

/** Resolutions the store keeps rolled up whenever a finer interval arrives. */
export const ROLLUP_RESOLUTIONS: readonly QueryResolution[] = ["PT15M", "PT1H", "P1D", "P1M"];
