import type { OutboxMessage } from "@omdp/edge-module";
import { type DesiredConfig, householdOf, timeZoneOf } from "./config";
import { CLOUD, type Inbound, rollupTargets, select } from "./consent";
import type { SharingStore } from "./store";

export const UPSTREAM_OUTPUT = "upstream";

/** Where planned upstream messages go: written durably before `keep` returns (UpstreamOutbox). */
export interface UpstreamSink {
  keep(messages: readonly OutboxMessage[]): void;
}

/**
 * Selects for `upstream` what the cloud's consent permits, read from the store for every message (a
 * consent change applies to the next message). Detached (no cloud configured): sends nothing.
 * An interval record that completes a coarser consented bucket (e.g. the last quarter of an hour)
 * also sends that bucket's roll-up from the store. The messages go to the sink (the durable outbox)
 * synchronously, in the handling step of the inbound message.
 */
export class UpstreamSelector {
  constructor(
    private readonly sink: UpstreamSink,
    private readonly store: SharingStore,
    private readonly config: () => DesiredConfig,
    private readonly now: () => number,
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

  /** Plans the messages for one inbound message and hands them to the sink (synchronously). */
  handle(msg: Inbound): void {
    const cfg = this.config();
    this.sink.keep(
      this.plan(msg).map((m) => ({
        output: UPSTREAM_OUTPUT,
        body: m.body,
        properties: { kind: m.kind, meterId: m.body.meterId, householdId: householdOf(cfg, m.body.meterId) },
        id: keyOf(m),
      })),
    );
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
