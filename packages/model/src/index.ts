export {
  CAPACITY_BRACKET_WARNING,
  CAPACITY_EVENT_TYPES,
  CapacityBracketWarningDetails,
  CapacityPeakSetDetails,
  CapacityPeakWarningDetails,
} from "./capacity-events";
export { CodecError, type CodecErrorDetails } from "./codec-error";
export { ReaderCounters, ReaderDiagnostics } from "./diagnostics";
export { intervalId, readingId, resolutionMs } from "./ids";
export { MEDIA, type Medium, mediumOf } from "./medium";
export {
  OBIS,
  obisFromBytes,
  PROPERTIES,
  type PropertyDefinition,
  type PropertyKind,
  propertyDefinition,
} from "./obis";
export { withPowerDirections } from "./power";
export {
  Event,
  IntervalRecord,
  MessageKind,
  MeterReading,
  PropertyValue,
  Quality,
  Resolution,
  Rfc3339,
  SCHEMA_VERSION,
  Severity,
} from "./schemas";
export { DayReport, PeriodStats, SelfUse, StatsMessage } from "./stats";
export { isDecimal, scaleDecimal, type TextUnitRule, unitRule, unscale } from "./text-units";
export {
  formatOffset,
  isTimeZone,
  localDate,
  localDateTime,
  localMidnight,
  type OffsetFn,
  offsetMs,
  type WallTime,
  wallTime,
} from "./time";
