export { type ClientPort, devicePort, modulePort } from "./client-port";
export {
  type ConnectOptions,
  connectLeafDevice,
  connectModule,
  EdgeConfigError,
  type LeafOptions,
  parseConnectionString,
} from "./connect";
export { type DesiredIssue, type DesiredOutcome, DesiredState } from "./desired";
export type { InboundMessage, MessageProperties, MethodResult, ModuleHost } from "./host";
export { type JsonObject, mergePatch, stripTwinMetadata } from "./merge-patch";
export { fromSdkMessage, InboundBodyError, JSON_CONTENT_TYPE, toSdkMessage, UTF8 } from "./message";
export { dispatchMethod, METHOD_STATUS, type MethodEntry } from "./methods";
export {
  DEFAULT_OUTBOX_LIMITS,
  DurableOutbox,
  type OutboxEntry,
  type OutboxLimits,
  type OutboxMessage,
  OutboxSender,
  OutboxSettings,
  type OutboxStats,
  type RetryOptions,
  type SenderOptions,
  type SendFn,
  SendRetry,
  sendWindowed,
  slowStart,
  type WindowOptions,
} from "./outbox";
export { EXIT_WITH_PARENT_ENV, watchParent } from "./parent-watch";
export {
  type ModuleSetup,
  type RunningModule,
  runModule,
  type StartOptions,
  startModule,
} from "./run-module";
export { SdkModuleHost } from "./sdk-host";
export {
  catchingUp,
  catchUpEndWall,
  clockFromEnv,
  encodeSimEpoch,
  epochFromEnv,
  epochSource,
  goAt,
  parseSimEpoch,
  SIM_CLOCK_ENV,
  SimClockError,
  type SimEpoch,
  simNow,
  speedAt,
  wallAt,
} from "./sim-clock";
