export { type Accum, closeAccum, qualityOf } from "./accumulator";
export { DesiredConfig, MeterSettings, meterTimeZone } from "./config";
export {
  type EngineSettings,
  type IngestResult,
  ingest,
  type MeterTrack,
  newTrack,
  type Outcome,
  tick,
} from "./engine";
export { type AnalyticsOptions, setupAnalytics } from "./module";
export { classifyStep, readingValues, type Step, type StepKind } from "./registers";
export {
  AnalyticsService,
  type Counters,
  GetStatsRequest,
  type Sender,
  type StatsMessage,
  type StatsResult,
} from "./service";
export {
  type DayReport,
  type DayStats,
  emptyDay,
  foldQuarter,
  type PeriodStats,
  type SelfUse,
  selfUse,
  summarize,
} from "./stats";
export { AnalyticsStore, type OutboxMessage } from "./store";
export { dayBounds, intervalBounds, localDate, localMidnight, localParts, offsetMs } from "./tz";
