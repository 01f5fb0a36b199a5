/**
 * @omdp/series - the one series contract of the platform. Interval types (zod), the deterministic id,
 * quality and flag precedence, roll-up arithmetic and time-zone alignment. Analytics, sharing, the
 * functions (both stores) and the app use this package; nothing else computes a roll-up.
 */
export { type Bucket, bucketOf, bucketsBetween, offsetMs } from "./align";
export {
  COSTS_MAX_DAYS,
  COSTS_PATH,
  DEPRECATED_CLOUD_INTERVALS_PATH,
  EDGE_ONLY_OPERATIONS,
  EdgeIntervalsQuery,
  EdgeReadingsPage,
  EdgeReadingsQuery,
  ExportQuery,
  HaExportQuery,
  INTERVALS_PATH,
  IntervalsPage,
  IntervalsQuery,
  intervalsAfter,
  intervalsToken,
  JsonlExportQuery,
  type Only,
  type Operation,
  PRICES_PATH,
  PricesPage,
  PricesQuery,
  Problem,
  pricesPage,
  StatsPage,
  StatsQuery,
} from "./api";
export { seriesId, utcInstant } from "./id";
export { fromInterval, Interval, type IntervalValues, toInterval } from "./interval";
export { GAP_FLAG, QUALITY_PRECEDENCE, worseQuality } from "./quality";
export {
  childResolutions,
  FIXED_MS,
  isSeriesResolution,
  levelsAbove,
  QUERY_RESOLUTIONS,
  QueryResolution,
  ROLLUP_RESOLUTIONS,
  type RollupResolution,
  rank,
  SERIES_RESOLUTIONS,
  SeriesResolution,
  SUB_HOUR,
} from "./resolution";
export { type RollupChild, rollup, rollupIntervals, round3, round6 } from "./rollup";
export {
  BATCH_PROPERTY_ALLOWANCE,
  INTERVAL_BATCH_KIND,
  IntervalBatch,
  IOT_HUB_BLOCK_BYTES,
  packIntervals,
} from "./upstream";
export { mediaOf } from "./values";
