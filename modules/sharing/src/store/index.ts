export { type AuditEntry, ConsentsRepo } from "./consents";
export { EventsRepo, SettingsRepo, StatsRepo, type StoredEvent } from "./events";
export { IntervalsRepo } from "./intervals";
export { MeterIds } from "./meters";
export {
  DEFAULT_CLOUD_CONSENT_ID,
  LATEST_VERSION,
  MIGRATIONS,
  type Migration,
  migrate,
  SchemaTooNewError,
  schemaVersion,
} from "./migrations";
export { ReadingsRepo, type StoredReading } from "./readings";
export { type RetentionDays, type RetentionResult, SharingStore } from "./store";
export { hashToken, type TokenInfo, TokensRepo } from "./tokens";
