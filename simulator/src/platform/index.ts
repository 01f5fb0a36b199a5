export { type AppServer, type AppServerOptions, startAppServer } from "./appServer";
export { type BackfillSpan, backfillLine, backfillQuarter } from "./backfillProgress";
export { appNeedsBuild, ensureAppBuilt } from "./build";
export { groupAlive, groupMembers } from "./child";
export {
  type Component,
  ConfigError,
  DEFAULT_HOUSEHOLDS,
  DEFAULT_PORTS,
  type HouseholdConfig,
  type MeterConfig,
  meterRegistry,
  type Overrides,
  type PlatformConfig,
  PORT_ENV,
  type Ports,
  resolveConfig,
} from "./config";
export { loadConfigFile } from "./file";
export { lineSplitter, prettyLine } from "./logs";
export {
  type ComponentState,
  type ComponentStatus,
  type PlatformHandle,
  REPO_ROOT,
  type StartOptions,
  startPlatform,
} from "./platform";
export { PortInUseError, probePort, resolvePorts } from "./ports";
