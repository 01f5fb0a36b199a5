import { DurableOutbox, type OutboxMessage } from "@omdp/edge-module";
import { intervalId } from "@omdp/model";
import { IntervalBatch } from "@omdp/series";
import { describe, expect, it } from "vitest";
import { BatchSender } from "../src/upstream-batch";
import { event, interval } from "./support/fixtures";
import { silentLog, startHarness, T0 } from "./support/harness";

const HOUR = 3_600_000;

function rec(i: number) {
  const start = new Date(Date.parse("2026-03-09T22:00:00Z") + i * 900_000).toISOString();
  return {
    schemaVersion: 1 as const,
    id: intervalId("m-1", "PT15M", start),
    meterId: "m-1",
    resolution: "PT15M" as const,
    intervalStart: start,
    intervalEnd: new Date(Date.parse(start) + 900_000).toISOString(),
    energyImportedWh: 10 + i,
    energyExportedWh: 0,
    powerMinW: 40,
    powerAvgW: 44,
    powerMaxW: 90,
    registers: { "1-0:1.8.0": 18_234_567 + i * 11 },
    sampleCount: 15,
    quality: "complete" as const,
    flags: [],
  };
}
const intervalMsg = (i: number): OutboxMessage => ({
  output: "upstream",
  body: rec(i),
  properties: { kind: "interval", meterId: "m-1", householdId: "hh-1" },
  id: `interval|${rec(i).id}`,
});
const eventMsg: OutboxMessage = {
  output: "upstream",
  body: { id: "e-1", meterId: "m-1", type: "x", severity: "info" },
  properties: { kind: "event", meterId: "m-1", householdId: "hh-1" },
};

function rig(opts: { failFirst?: number } = {}) {
  const clock = { now: 0 };
  const outbox = new DurableOutbox(":memory:", undefined, () => clock.now);
  const sent: { body: unknown; properties: Record<string, unknown> }[] = [];
  let fail = opts.failFirst ?? 0;
  const sender = new BatchSender(
    outbox,
    async (_o, body, properties) => {
      if (fail-- > 0) throw new Error("hub away");
      sent.push({ body, properties: properties as Record<string, unknown> });
    },
    silentLog,
    { retryMinMs: 1, retryMaxMs: 2, now: () => clock.now },
  );
  return { clock, outbox, sent, sender };
}

describe("upstream batching (cloud.batchSeconds)", () => {
  it("holds intervals for the period, sends events at once, then one batch of the hour", async () => {
    const { clock, outbox, sent, sender } = rig();
    sender.setPeriod(3600);
    outbox.addAll([0, 1, 2, 3].map(intervalMsg));
    outbox.add(eventMsg);
    sender.wake();
    await sender.idle();
    expect(sent.map((s) => s.properties.kind)).toEqual(["event"]);
    expect(outbox.stats().pending).toBe(4);
    clock.now = HOUR; // the oldest interval has waited the period
    sender.wake();
    await sender.idle();
    expect(sent).toHaveLength(2);
    const batch = IntervalBatch.parse(sent[1]!.body);
    expect(batch.intervals.map((r) => r.energyImportedWh)).toEqual([10, 11, 12, 13]);
    expect(sent[1]!.properties).toEqual({ kind: "intervals", meterId: "m-1", householdId: "hh-1" });
    expect(outbox.stats()).toMatchObject({ pending: 0, delivered: 5 });
    await sender.stop();
  });

  it("keeps a batch whose send failed and sends it whole again (at least once)", async () => {
    const { clock, outbox, sent, sender } = rig({ failFirst: 2 });
    sender.setPeriod(900);
    outbox.addAll([0, 1, 2].map(intervalMsg));
    clock.now = 900_000;
    sender.wake();
    for (let i = 0; i < 200 && sent.length === 0; i++) await sender.idle();
    expect(sent).toHaveLength(1);
    expect(IntervalBatch.parse(sent[0]!.body).intervals.map((r) => r.id)).toEqual(
      [0, 1, 2].map((i) => rec(i).id),
    );
    expect(sender.failedSends).toBe(2);
    expect(outbox.stats().pending).toBe(0);
    await sender.stop();
  });

  it("after an outage sends the backlog in full 4 KB messages at once, the partial one after the period", async () => {
    const { clock, outbox, sent, sender } = rig();
    sender.setPeriod(3600);
    outbox.addAll(Array.from({ length: 96 }, (_, i) => intervalMsg(i))); // a day kept while the hub was away
    sender.wake();
    await sender.idle();
    const firstRound = sent.length;
    expect(firstRound).toBeGreaterThan(5);
    for (const s of sent) {
      const bytes =
        Buffer.byteLength(JSON.stringify(s.body)) + Buffer.byteLength(JSON.stringify(s.properties));
      expect(bytes).toBeLessThanOrEqual(4096);
    }
    clock.now = HOUR;
    sender.wake();
    await sender.idle();
    const ids = sent.flatMap((s) => IntervalBatch.parse(s.body).intervals.map((r) => r.id));
    expect(ids).toEqual(Array.from({ length: 96 }, (_, i) => rec(i).id)); // every record once, in order
    expect(sent.length).toBe(firstRound + 1);
    expect(outbox.stats().pending).toBe(0);
    await sender.stop();
  });

  it("without a period sends every entry as its own message, as before", async () => {
    const { outbox, sent, sender } = rig();
    outbox.addAll([0, 1].map(intervalMsg));
    sender.wake();
    await sender.idle();
    expect(sent.map((s) => [s.properties.kind, (s.body as { id: string }).id])).toEqual([
      ["interval", rec(0).id],
      ["interval", rec(1).id],
    ]);
    await sender.stop();
  });
});

describe("upstream batching through the module (twin cloud.batchSeconds)", () => {
  it("holds the quarter hours for the period, then sends them as one batch; events at once", async () => {
    const h = await startHarness({
      cloud: { enabled: true, batchSeconds: 1 },
      households: { "hh-1": { timeZone: "UTC" } },
    });
    try {
      for (let i = 0; i < 4; i++) await h.host.deliver("intervals", interval("m1", T0 + i * 900_000));
      await h.host.deliver("alerts", event("m1", T0, "e1"));
      await h.module.upstreamOutbox.idle();
      expect(h.host.sentOn("upstream").map((s) => s.properties.kind)).toEqual(["event"]);
      // the period (1 s of wall time) ends: one batch of the four, bounded wait on the condition
      const deadline = Date.now() + 5_000;
      while (h.host.sentOn("upstream").length < 2 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const up = h.host.sentOn("upstream");
      expect(up.map((s) => s.properties.kind)).toEqual(["event", "intervals"]);
      const batch = IntervalBatch.parse(up[1]!.body);
      expect(batch.intervals.map((r) => r.intervalStart)).toEqual(
        [0, 1, 2, 3].map((i) => new Date(T0 + i * 900_000).toISOString()),
      );
      expect(h.module.status()).toMatchObject({ upstreamSent: 5, upstreamPending: 0, upstreamBatches: 1 });
    } finally {
      await h.dispose();
    }
  });
});
