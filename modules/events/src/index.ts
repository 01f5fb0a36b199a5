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
  HouseholdSettings,
  MqttSettings,
  meterTimeZone,
  ReaderDiagnostics,
  Rule,
  Rules,
} from "./config";
export { RuleContext } from "./context";
export { type EngineView, RuleEngine } from "./engine";
export { READER_EVENT_TYPES, RULE_EVENT_TYPES, RULE_NOTICE_TYPES, type TypePair } from "./event-types";
export { type HState, initial, step, type Timing, type Transition } from "./hysteresis";
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
