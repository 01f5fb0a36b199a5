import "./functions/index";

export {
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  type LocalKey,
  loadOrCreateLocalKey,
  signLocalToken,
  type TokenRequest,
} from "./auth/local-keys";
export { type Principal, principalFromClaims, ROLES, type Role } from "./auth/principal";
export { AuthError, type Authenticator, bearerToken, createAuthenticator } from "./auth/verify";
export { createExportTarget, type ExportTarget } from "./export/blob";
export { buildOpenApi } from "./http/openapi";
export { ProblemError, problemResponse } from "./http/problem";
export { type AnyRoute, ROUTE_TABLE, type RouteDef, runRoute } from "./http/route";
export { type EventHubMessage, SYSTEM_PROPERTY } from "./ingest/message";
export { type IngestResult, ingestBatch } from "./ingest/process";
export { MeterRegistry } from "./ingest/registry";
export { apiInterval, type SeriesRow } from "./series/types";
export type { Services } from "./services";
export { readSettings, SETTINGS, type Settings } from "./settings";
export { COSMOS_CONTAINERS, type ContainerSpec } from "./store/cosmos-containers";
export { createStore } from "./store/factory";
export type { DeadLetter, DeletionReport, LatestValues, MeterRecord, Page, Store } from "./store/port";
export { SqliteStore } from "./store/sqlite";
