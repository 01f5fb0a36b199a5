import type { ModuleHost } from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import { type DesiredConfig, householdOf, timeZoneOf } from "./config";
import { CLOUD, type Inbound, rollupTargets, select } from "./consent";
import type { SharingStore } from "./store";

export const UPSTREAM_OUTPUT = "upstream";

/**
 * Sends on `upstream` what the cloud's consent permits, read from the store for every message (a
 * consent change applies to the next message). Detached (no cloud configured): sends nothing.
 * An interval record that completes a coarser consented bucket (e.g. the last quarter of an hour)
 * also sends that bucket's roll-up from the store.
 */
export class UpstreamSelector {
  sent = 0;
  failed = 0;

  constructor(
    private readonly host: Pick<ModuleHost, "send">,
    private readonly store: SharingStore,
    private readonly config: () => DesiredConfig,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {}

  /** The messages (already projected) that leave for one inbound message; no I/O. */
  plan(msg: Inbound): Inbound[] {
    const cfg = this.config();
    if (!cfg.cloud.enabled) return [];
    const now = this.now();
    const consents = this.store.consents.all();
    const out = new Map<string, Inbound>();
    const direct = select(msg, consents, CLOUD, now);
    if (direct) out.set(keyOf(direct), direct);
    if (msg.kind === "interval") {
      const tz = timeZoneOf(cfg, msg.body.meterId);
      for (const t of rollupTargets(msg.body, consents, CLOUD, now, tz)) {
        const rolled = this.store.intervals.get(msg.body.meterId, t.resolution, t.start);
        const permitted = rolled
          ? select({ kind: "interval", body: rolled }, consents, CLOUD, now)
          : undefined;
        if (permitted) out.set(keyOf(permitted), permitted);
      }
    }
    return [...out.values()];
  }

  async handle(msg: Inbound): Promise<void> {
    const cfg = this.config();
    for (const m of this.plan(msg)) {
      const meterId = m.body.meterId;
      try {
        await this.host.send(UPSTREAM_OUTPUT, m.body, {
          kind: m.kind,
          meterId,
          householdId: householdOf(cfg, meterId),
        });
        this.sent++;
      } catch (err) {
        this.failed++;
        this.log.warn("upstream send failed", { kind: m.kind, meterId, error: err });
      }
    }
  }
}

function keyOf(m: Inbound): string {
  switch (m.kind) {
    case "reading":
      return `reading|${m.body.meterId}|${m.body.readingTime}`;
    case "interval":
      return `interval|${m.body.id}`;
    case "event":
      return `event|${m.body.id}`;
  }
}
