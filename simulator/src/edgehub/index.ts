export { type AdminActions, startAdmin } from "./admin";
export { HubBroker, type HubCounters, type MethodOutcome } from "./broker";
export { type ConditionContext, ConditionError, type Expr, matches, parseCondition } from "./condition";
export { connectRefusal, identityOfClientId } from "./connect-check";
export { Forwarder, type ForwarderOptions, httpSink, type UpstreamSink } from "./forwarder";
export { type EdgeHub, type EdgeHubOptions, REPO_ROOT, startEdgeHub } from "./hub";
export { connectionString, IdentityRegistry, resourceUri } from "./identities";
export { InputDelivery, type InputDeliveryOptions, inputEndpoint } from "./input-delivery";
export { type LocalHousehold, type LocalProfile, localDesired } from "./local-profile";
export {
  loadManifest,
  type Manifest,
  ManifestError,
  type ManifestModule,
  parseManifest,
  type RestartPolicy,
  substitute,
} from "./manifest";
export { connectionProperties } from "./message-properties";
export {
  DurableQueue,
  type EndpointLimits,
  MessageStore,
  QueueFullError,
  type QueueStats,
  type StoredEntry,
} from "./message-store";
export {
  type MessageSource,
  parseRoute,
  type Route,
  RouteError,
  Router,
  type RouteSpec,
  type Sink,
  sourceMatches,
} from "./routes";
export {
  checkSasToken,
  createSasToken,
  encodeUriStrict,
  generateKey,
  readSasToken,
  type SasCheck,
  SasError,
  verifySasToken,
} from "./sas";
export { type ChildSpec, type ChildStatus, restartDelay, Supervisor, shouldRestart } from "./supervisor";
export { type Identity, identityKey, parseClientTopic, parsePropertyBag } from "./topics";
export { TwinStore } from "./twins";
export { type UpstreamMessage, UpstreamQueue } from "./upstream-queue";
