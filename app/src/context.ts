import { type Api, createApi } from "./api";
import type { AppConfig, Household } from "./lib/settings";
import type { LiveStream } from "./stream";

/** What every view gets: the merged settings, the chosen household and the two API clients. */
export interface AppContext {
  readonly config: AppConfig;
  readonly household: Household;
  readonly edge: Api;
  /** Null in detached mode (no cloud): history then comes from the edge. */
  readonly cloud: Api | null;
  readonly stream: LiveStream;
}

export function makeApis(config: AppConfig, cloudToken: () => string): { edge: Api; cloud: Api | null } {
  return {
    edge: createApi(config.edgeUrl, () => config.edgeToken),
    cloud: config.detached || !config.cloudUrl ? null : createApi(config.cloudUrl, cloudToken),
  };
}

/** A view mounts into its root and returns its clean-up (timers, subscriptions, charts). */
export type View = (root: HTMLElement, ctx: AppContext) => () => void;
