import type { Logger } from "@omdp/logger";
import type { DesiredConfig } from "../config";
import type { SharingStore } from "../store";
import type { LiveFeed } from "./live";

/** `control` messages to the events module (docs/interfaces.md). */
export type ControlMessage =
  | { kind: "control"; action: "setRules"; rules: unknown[] }
  | { kind: "control"; action: "ackEvent"; eventId: string };

/** What the API handlers need; the module wiring provides it. */
export interface ApiDeps {
  store: SharingStore;
  feed: LiveFeed;
  config: () => DesiredConfig;
  now: () => number;
  /** Whether the module's link to the edge hub is up (the health check answers 503 while it is not). */
  hubConnected: () => boolean;
  sendControl: (msg: ControlMessage) => Promise<void>;
  /** Counters of the upstream outbox (pending, sent, dropped...), shown by the health check. */
  upstream?: () => Record<string, number>;
  log: Logger;
  /** The module's data directory (a tariff's `prices.url` is cached under it); default `OMDP_DATA_DIR` or `.data`. */
  dataDir?: string;
}

/** The authenticated caller: the household's token (recipient null) or a third party's. */
export interface Caller {
  tokenId: string;
  name: string;
  recipient: string | null;
}
