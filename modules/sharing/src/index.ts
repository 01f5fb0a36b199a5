export {
  type ApiDeps,
  type ApiServer,
  type Caller,
  type ControlMessage,
  createApiHandler,
  exportPages,
  LiveFeed,
  sseFrame,
  startApiServer,
} from "./api";
export { DEFAULT_CORS_ORIGINS, DesiredConfig, defaultApiPort, householdOf, timeZoneOf } from "./config";
export {
  CLOUD,
  CONSENT_PROPERTIES,
  CONSENT_RESOLUTIONS,
  type Consent,
  type ConsentProperty,
  ConsentRequest,
  type ConsentResolution,
  groupOf,
  type Inbound,
  intervalProperties,
  isActive,
  projectInterval,
  projectReading,
  rawProperties,
  rollupTargets,
  select,
} from "./consent";
export {
  CONTROL_OUTPUT,
  CreateTokenPayload,
  INPUTS,
  RevokeTokenPayload,
  SharingModule,
  type SharingOptions,
  startSharing,
} from "./module";
export {
  bucketOf,
  bucketsBetween,
  QUERY_RESOLUTIONS,
  type QueryResolution,
  ROLLUP_RESOLUTIONS,
} from "./resolution";
export { rollup, type StoredInterval } from "./rollup";
export { DEFAULT_CLOUD_CONSENT_ID, LATEST_VERSION, MIGRATIONS, migrate, SharingStore } from "./store";
export { formatInstant, localFields, offsetMs } from "./tz";
export { UPSTREAM_OUTPUT, UpstreamSelector } from "./upstream";
