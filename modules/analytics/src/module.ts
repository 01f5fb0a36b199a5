/** Wiring of the analytics module to a ModuleHost (kept apart from main.ts so tests can run it). */
import { join } from "node:path";
import type { ModuleHost } from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import { z } from "zod";
import { DesiredConfig } from "./config";
import { AnalyticsService, GetStatsRequest } from "./service";
import { AnalyticsStore } from "./store";

export interface AnalyticsOptions {
  /** Directory of `analytics.db`; default `OMDP_DATA_DIR` or `.data`. */
  readonly dataDir?: string;
  /** Period of the silent-meter timer; default 30 s. */
  readonly tickMs?: number;
  readonly now?: () => number;
  /**
   * True while the simulated clock catches up (a backfill): readings of the past arrive as fast as the
   * pipeline carries them, so a meter is not judged silent then (the timer would cut its intervals).
   */
  readonly catchingUp?: () => boolean;
}

export async function setupAnalytics(
  host: ModuleHost,
  log: Logger,
  opts: AnalyticsOptions = {},
): Promise<{ stop(): Promise<void>; service: AnalyticsService }> {
  const dataDir = opts.dataDir ?? process.env.OMDP_DATA_DIR ?? ".data";
  const store = AnalyticsStore.open(join(dataDir, "analytics.db"));
  const service = new AnalyticsService(
    store,
    { send: (output, body, properties) => host.send(output, body, properties) },
    log,
    DesiredConfig.parse({}),
    opts.now,
  );
  let statsTimer: NodeJS.Timeout | undefined;
  const report = () =>
    host
      .report({ analytics: { meters: service.meters().length, counters: { ...service.counters } } })
      .catch((err) => {
        log.warn("report failed", { error: String(err) });
      });

  host.onDesired(DesiredConfig, async (config) => {
    service.setConfig(config);
    clearInterval(statsTimer);
    statsTimer = setInterval(() => {
      void service
        .emitStats()
        .then(report)
        .catch((err) => log.error("stats failed", { error: String(err) }));
    }, config.statsIntervalSeconds * 1000);
    await host.report({
      analytics: { resolution: config.resolution, defaultTimeZone: config.defaultTimeZone },
    });
    log.info("configuration applied", { resolution: config.resolution });
  });
  host.onInput("readings", async (msg) => {
    // stored (committed) before the hub gets the PUBACK; the outbox drains in the background
    await service.handleReading(msg.body, false);
  });
  host.onMethod("getStats", GetStatsRequest, (req) => service.getStats(req));
  host.onMethod("getStatus", z.unknown(), () => ({
    meters: service.meters(),
    counters: { ...service.counters },
  }));

  const tickTimer = setInterval(() => {
    if (opts.catchingUp?.()) return;
    void service.tick().catch((err) => log.error("tick failed", { error: String(err) }));
  }, opts.tickMs ?? 30_000);
  // Messages left in the outbox by the previous run go out first.
  await service.flush();

  return {
    service,
    async stop() {
      clearInterval(tickTimer);
      clearInterval(statsTimer);
      await service.flush();
      store.close();
    },
  };
}
