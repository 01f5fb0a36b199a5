import { join } from "node:path";
import type { InboundMessage, ModuleHost, SenderOptions } from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import { Event, IntervalRecord, MeterReading, StatsMessage } from "@omdp/model";
import { z } from "zod";
import { type ApiServer, type ControlMessage, LiveFeed, startApiServer } from "./api";
import { DesiredConfig, timeZoneOf } from "./config";
import { Recipient } from "./consent";
import { normalise } from "./rollup";
import { SharingStore } from "./store";
import { UpstreamSelector } from "./upstream";
import { UpstreamOutbox } from "./upstream-outbox";

export const INPUTS = ["readings", "intervals", "alerts", "stats"] as const;
export const CONTROL_OUTPUT = "control";

export interface SharingOptions {
  /** Directory of `sharing.db` and `sharing-outbox.db` (`OMDP_DATA_DIR`, default `.data`). */
  dataDir: string;
  log: Logger;
  now?: () => number;
  /** Retry timing of the upstream outbox sender (tests). */
  sender?: SenderOptions;
}

export const CreateTokenPayload = z.object({
  name: z.string().min(1).max(64),
  /** A third-party recipient: the token may only read that recipient's export. */
  recipient: Recipient.optional(),
});
export const RevokeTokenPayload = z.object({ id: z.string().min(1) });

export interface Counters {
  readingsStored: number;
  readingsDuplicate: number;
  intervalsStored: number;
  intervalsDuplicate: number;
  eventsStored: number;
  statsStored: number;
  invalidMessages: number;
}

/** Parses a message body that the runtime may hand over as an object, a string or bytes. */
function bodyOf(msg: InboundMessage): unknown {
  const b = msg.body as unknown;
  if (typeof b === "string") return JSON.parse(b);
  if (b instanceof Uint8Array) return JSON.parse(Buffer.from(b).toString("utf8"));
  return b;
}

/**
 * The sharing module: stores what arrives, serves the local API, and selects what goes upstream.
 * Everything I/O-bound arrives through `host` (the IoT Edge runtime or a test double).
 */
export class SharingModule {
  readonly store: SharingStore;
  readonly feed = new LiveFeed();
  readonly upstream: UpstreamSelector;
  readonly upstreamOutbox: UpstreamOutbox;
  readonly counters: Counters = {
    readingsStored: 0,
    readingsDuplicate: 0,
    intervalsStored: 0,
    intervalsDuplicate: 0,
    eventsStored: 0,
    statsStored: 0,
    invalidMessages: 0,
  };
  private config: DesiredConfig = DesiredConfig.parse({});
  private api: ApiServer | undefined;
  private retentionTimer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private readonly log: Logger;
  private readonly dataDir: string;

  constructor(
    private readonly host: ModuleHost,
    opts: SharingOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.log = opts.log;
    this.dataDir = opts.dataDir;
    this.store = new SharingStore(join(opts.dataDir, "sharing.db"), this.now());
    this.upstreamOutbox = new UpstreamOutbox(opts.dataDir, host, this.log.child("upstream"), opts.sender);
    this.upstream = new UpstreamSelector(this.upstreamOutbox, this.store, () => this.config, this.now);
  }

  /** Registers inputs, twin configuration and direct methods. */
  start(): void {
    const h = this.host;
    h.onInput("readings", (m) => this.guard("readings", () => this.onReading(m)));
    h.onInput("intervals", (m) => this.guard("intervals", () => this.onInterval(m)));
    h.onInput("alerts", (m) => this.guard("alerts", () => this.onEvent(m)));
    h.onInput("stats", (m) => this.guard("stats", () => this.onStats(m)));
    h.onDesired(DesiredConfig, (cfg) => this.applyConfig(cfg));
    h.onMethod("createToken", CreateTokenPayload, (p) =>
      this.store.tokens.create(p.name, p.recipient ?? null, this.now()),
    );
    h.onMethod("revokeToken", RevokeTokenPayload, (p) => ({
      id: p.id,
      revoked: this.store.tokens.revoke(p.id, this.now()),
    }));
    h.onMethod("listTokens", z.unknown(), () => ({ tokens: this.store.tokens.list() }));
    h.onMethod("getStatus", z.unknown(), () => this.status());
    this.upstreamOutbox.start();
  }

  status(): Record<string, unknown> {
    return {
      detached: !this.config.cloud.enabled,
      apiPort: this.api?.port ?? null,
      apiHost: this.api?.host ?? null,
      liveClients: this.feed.clientCount,
      ...this.upstreamOutbox.counters(),
      ...this.counters,
    };
  }

  /** The API's address once configured (undefined before the first desired properties). */
  get apiAddress(): { host: string; port: number } | undefined {
    return this.api ? { host: this.api.host, port: this.api.port } : undefined;
  }

  async applyConfig(cfg: DesiredConfig): Promise<void> {
    const prev = this.config;
    this.config = cfg;
    this.upstreamOutbox.setLimits(cfg.outbox);
    this.upstreamOutbox.setBatchSeconds(cfg.cloud.batchSeconds);
    const moved = !this.api || prev.api.port !== cfg.api.port || prev.api.host !== cfg.api.host;
    if (moved) {
      await this.api?.close();
      this.api = await startApiServer(
        {
          store: this.store,
          feed: this.feed,
          config: () => this.config,
          now: this.now,
          hubConnected: () => this.host.isConnected(),
          upstream: () => this.upstreamOutbox.counters(),
          sendControl: (msg) => this.sendControl(msg),
          log: this.log.child("api"),
          dataDir: this.dataDir,
        },
        cfg.api.host,
        cfg.api.port,
      );
      this.log.info("local API listening", { host: this.api.host, port: this.api.port });
    }
    this.runRetention();
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.retentionTimer = setInterval(() => this.runRetention(), cfg.retentionSweepMinutes * 60_000);
    this.retentionTimer.unref();
    await this.host
      .report({ detached: !cfg.cloud.enabled, api: { host: cfg.api.host, port: this.api!.port } })
      .catch((err) => this.log.warn("report failed", { error: err }));
  }

  runRetention(): void {
    const deleted = this.store.applyRetention(this.config.retention, this.now());
    if (deleted.readings + deleted.intervals + deleted.events + deleted.stats > 0)
      this.log.info("retention applied", { ...deleted });
  }

  async sendControl(msg: ControlMessage): Promise<void> {
    await this.host.send(CONTROL_OUTPUT, msg, { kind: "control" });
  }

  private async guard(input: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.counters.invalidMessages++;
      this.log.warn("message dropped", { input, error: err });
    }
  }

  private async onReading(m: InboundMessage): Promise<void> {
    const reading = MeterReading.parse(bodyOf(m));
    const [stored] = this.store.readings.insert([reading]);
    if (stored) {
      this.counters.readingsStored++;
      this.feed.publish(stored);
    } else this.counters.readingsDuplicate++;
    // A redelivery is still offered upstream: the first delivery may have been stored but not sent
    // (a crash in between); the cloud's writes are idempotent by meter and reading time.
    this.upstream.handle({ kind: "reading", body: reading });
  }

  private async onInterval(m: InboundMessage): Promise<void> {
    const rec = IntervalRecord.parse(bodyOf(m));
    const changed = this.store.intervals.insert([rec], (id) => timeZoneOf(this.config, id));
    if (changed > 0) this.counters.intervalsStored++;
    else this.counters.intervalsDuplicate++;
    // As for readings: offered upstream again (deterministic id, idempotent in the cloud).
    this.upstream.handle({ kind: "interval", body: normalise(rec) });
  }

  private async onEvent(m: InboundMessage): Promise<void> {
    const event = Event.parse(bodyOf(m));
    if (!this.store.events.insert(event)) return;
    this.counters.eventsStored++;
    this.upstream.handle({ kind: "event", body: event });
  }

  /** Analytics' `StatsMessage` (@omdp/model), kept by meter and local day (a resend replaces it). */
  private async onStats(m: InboundMessage): Promise<void> {
    const stats = StatsMessage.parse(bodyOf(m));
    const key = `${stats.meterId}|${stats.day.date}`;
    this.store.stats.insert(stats.meterId, Date.parse(stats.day.start), stats, key);
    this.counters.statsStored++;
  }

  async stop(): Promise<void> {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.retentionTimer = undefined;
    await this.api?.close();
    this.api = undefined;
    await this.upstreamOutbox.stop();
    this.store.close();
  }
}

/** Creates and starts the module on a host (the wiring in main.ts, and tests with a test double). */
export function startSharing(host: ModuleHost, opts: SharingOptions): SharingModule {
  const m = new SharingModule(host, opts);
  m.start();
  return m;
}
