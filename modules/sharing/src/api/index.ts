export type { ApiDeps, Caller, ControlMessage } from "./deps";
export { ApiError } from "./errors";
export { type ExportLine, exportPages } from "./export";
export { LiveFeed, sseFrame } from "./live";
export { MAX_INTERVALS } from "./routes";
export { RULES_KEY, RulesBody } from "./rules";
export { type ApiServer, createApiHandler, startApiServer } from "./server";
export { MAX_REPLAY } from "./stream";
