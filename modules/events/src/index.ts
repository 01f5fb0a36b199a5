export {
  addInterval,
  type BelgianRule,
  belgianRule,
  importBetween,
  localMonth,
  peakCostMicros,
  peakExcept,
  quarterStart,
  sampleOf,
  shareSince,
} from "./capacity";
export { onIntervalCapacity, onReadingCapacity } from "./capacity-rules";
export {
  CapacityPeakRule,
  ControlMessage,
  DEFAULT_RULES,
  DesiredConfig,
  FrostRule,
  HouseholdSettings,
  MeterStatusRule,
  MeterTamperRule,
  MqttSettings,
  meterTimeZone,
  ReaderDiagnostics,
  Rule,
  Rules,
  StatusFlag,
  WaterLeakRule,
} from "./config";
export { RuleContext } from "./context";
export { type EngineView, RuleEngine } from "./engine";
export {
  READER_EVENT_TYPES,
  RULE_EVENT_TYPES,
  RULE_NOTICE_TYPES,
  STATUS_EVENT_TYPES,
  type TypePair,
} from "./event-types";
export { type HState, initial, step, type Timing, type Transition } from "./hysteresis";
export { onReadingMedia, STATUS_PROPERTY } from "./media-rules";
export { type EventsOptions, setupEvents } from "./module";
export { MqttBridge } from "./mqtt/bridge";
export {
  alertsTopic,
  availabilityTopic,
  discoveryFor,
  eventTopic,
  SENSORS,
  statePayload,
  stateTopic,
  topicId,
} from "./mqtt/discovery";
export { type CapacityReport, type EventsReport, EventsService, type Listener, type Sender } from "./service";
export { SnapshotFile } from "./snapshot";
export {
  type ActiveAlert,
  type CapacityTrack,
  type EventsState,
  emptyState,
  type MeterSample,
} from "./state";
export { MANUFACTURER_BITS, statusByte, statusFlagSet } from "./status-byte";
