import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@omdp/logger";
import type { IntervalRecord } from "@omdp/model";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DesiredConfig } from "../src/config";
import { AnalyticsService, type Sender, type StatsMessage } from "../src/service";
import { AnalyticsStore } from "../src/store";
import { reading } from "./helpers";

const log = createLogger("test", { write: () => {} });
const NOW = () => Date.parse("2030-01-01T00:00:00Z");

class Collect implements Sender {
  readonly sent: { output: string; body: unknown }[] = [];
  failing = false;
  async send(output: string, body: unknown): Promise<void> {
    if (this.failing) throw new Error("edge hub unreachable");
    this.sent.push({ output, body });
  }
  bodies<T>(output: string): T[] {
    return this.sent.filter((s) => s.output === output).map((s) => s.body as T);
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "omdp-analytics-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function open(sender: Sender, config = DesiredConfig.parse({})) {
  const store = AnalyticsStore.open(join(dir, "analytics.db"));
  return { store, service: new AnalyticsService(store, sender, log, config, NOW) };
}

const quarter = (startIso: string, q: number) => new Date(Date.parse(startIso) + q * 900_000).toISOString();

describe("AnalyticsService", () => {
  it("a restart mid-interval loses nothing: the record equals the one of an uninterrupted run", async () => {
    const specs = [
      { at: "2026-01-15T09:00:00Z", imp: 1000, pImp: 100 },
      { at: "2026-01-15T09:04:00Z", imp: 1010, pImp: 700 },
      { at: "2026-01-15T09:08:00Z", imp: 1025, pImp: 300 },
      { at: "2026-01-15T09:12:00Z", imp: 1033, pImp: 50 },
      { at: "2026-01-15T09:16:00Z", imp: 1041, pImp: 50 },
    ];
    const straight = new Collect();
    const a = open(straight);
    for (const s of specs) await a.service.handleReading(reading("m1", s));
    a.store.close();
    rmSync(join(dir, "analytics.db"));

    const sender = new Collect();
    const first = open(sender);
    for (const s of specs.slice(0, 3)) await first.service.handleReading(reading("m1", s));
    first.store.close(); // the process dies here, the interval is half-finished
    const second = open(sender);
    for (const s of specs.slice(3)) await second.service.handleReading(reading("m1", s));
    second.store.close();

    const rec = sender.bodies<IntervalRecord>("intervals");
    expect(rec).toEqual(straight.bodies<IntervalRecord>("intervals"));
    expect(rec).toHaveLength(1);
    expect(rec[0]!.energyImportedWh).toBe(33); // 1033 - 1000
    expect(rec[0]!.sampleCount).toBe(4);
    expect([rec[0]!.powerMinW, rec[0]!.powerMaxW]).toEqual([50, 700]);
  });

  it("keeps messages in the outbox while sending fails and sends them after a restart", async () => {
    const sender = new Collect();
    sender.failing = true;
    const a = open(sender);
    await a.service.handleReading(reading("m1", { at: "2026-01-15T09:00:00Z", imp: 1 }));
    await a.service.handleReading(reading("m1", { at: "2026-01-15T09:15:00Z", imp: 5 }));
    await a.service.handleReading(reading("m1", { at: "2026-01-15T09:30:00Z", imp: 9 }));
    expect(a.service.counters.sendErrors).toBeGreaterThan(0);
    expect(a.store.pending().map((m) => (m.body as IntervalRecord).intervalStart)).toEqual([
      "2026-01-15T09:00:00.000Z",
      "2026-01-15T09:15:00.000Z",
    ]);
    a.store.close();
    sender.failing = false;
    const b = open(sender);
    await b.service.flush();
    expect(sender.bodies<IntervalRecord>("intervals").map((r) => r.energyImportedWh)).toEqual([4, 4]);
    expect(b.store.pending()).toEqual([]);
    b.store.close();
  });

  it("a day's figures: totals, peak demand, base load, and the final stats message at day end", async () => {
    // 2026-01-15 in Vienna (UTC+1): 96 quarter hours from 2026-01-14T23:00Z.
    // Night 00:00-05:00 local at 200 W (50 Wh/quarter), 18:00-18:15 at 3 kW (750 Wh), else 400 W (100 Wh).
    const sender = new Collect();
    const { service, store } = open(sender, DesiredConfig.parse({ maxGapSeconds: 900 }));
    const dayStart = "2026-01-14T23:00:00Z";
    let reg = 100_000;
    for (let q = 0; q <= 96; q++) {
      await service.handleReading(reading("m1", { at: quarter(dayStart, q), imp: reg, pImp: 0 }));
      const localHour = Math.floor(q / 4);
      reg += localHour < 5 ? 50 : q === 72 ? 750 : 100;
    }
    const stats = sender.bodies<StatsMessage>("stats");
    expect(stats).toHaveLength(1);
    const day = stats[0]!.day;
    expect(stats[0]!.final).toBe(true);
    expect(day.date).toBe("2026-01-15");
    expect(day.importedWh).toBe(20 * 50 + 750 + 75 * 100); // 9250
    expect(day.expectedIntervals).toBe(96);
    expect(day.completeIntervals).toBe(96);
    expect(day.peakDemandW).toBe(3000);
    expect(day.peakDemandAt).toBe("2026-01-15T17:00:00.000Z"); // 18:00 local
    expect(day.baseLoadW).toBe(200);
    expect(day.selfUse).toBeUndefined();
    expect(stats[0]!.month.importedWh).toBe(9250);

    const got = service.getStats({
      meterId: "m1",
      from: "2026-01-15T00:00:00+01:00",
      to: "2026-01-16T00:00:00+01:00",
    });
    expect(got.days.map((d) => d.date)).toEqual(["2026-01-15"]);
    expect(got.total.importedWh).toBe(9250);
    expect(got.total.baseLoadW).toBe(200);
    expect(got.months.map((m) => m.period)).toEqual(["2026-01"]);
    store.close();
  });

  it("the 23 h day of 2026-03-29 expects 92 quarter hours", async () => {
    const sender = new Collect();
    const { service, store } = open(sender, DesiredConfig.parse({ maxGapSeconds: 900 }));
    const start = "2026-03-28T23:00:00Z";
    for (let q = 0; q <= 92; q++)
      await service.handleReading(reading("m1", { at: quarter(start, q), imp: 1000 + q * 25 }));
    const day = sender.bodies<StatsMessage>("stats")[0]!.day;
    expect([day.date, day.expectedIntervals, day.completeIntervals, day.importedWh]).toEqual([
      "2026-03-29",
      92,
      92,
      2300,
    ]);
    store.close();
  });

  it("self-consumption and self-sufficiency with a PV generation meter", async () => {
    const config = DesiredConfig.parse({
      meters: { grid: { pvMeterId: "pv" }, pv: { productionDirection: "export" } },
    });
    const sender = new Collect();
    const { service, store } = open(sender, config);
    // 12:00-13:00 local on 2026-06-10 (UTC+2): four quarters.
    const start = "2026-06-10T10:00:00Z";
    for (let q = 0; q <= 4; q++) {
      // grid: imports 100 Wh and exports 500 Wh per quarter; PV produces 1250 Wh per quarter.
      await service.handleReading(
        reading("grid", { at: quarter(start, q), imp: 10_000 + 100 * q, exp: 3_000 + 500 * q }),
      );
      await service.handleReading(reading("pv", { at: quarter(start, q), imp: 0, exp: 50_000 + 1250 * q }));
    }
    const got = service.getStats({
      meterId: "grid",
      from: "2026-06-10T00:00:00+02:00",
      to: "2026-06-11T00:00:00+02:00",
    });
    // production 5000, export 2000 -> self-consumed 3000; import 400 -> consumption 3400.
    expect(got.total.selfUse).toEqual({
      productionWh: 5000,
      selfConsumedWh: 3000,
      selfConsumptionRate: 0.6,
      selfSufficiencyRate: 0.8824,
    });
    expect(got.days[0]!.selfUse!.selfConsumedWh).toBe(3000);
    store.close();
  });

  it("counts invalid, duplicate and future readings", async () => {
    const { service, store } = open(new Collect());
    expect(await service.handleReading({ meterId: "x" })).toBe("invalid");
    await service.handleReading(reading("m1", { at: "2026-01-15T09:00:00Z", imp: 1 }));
    expect(await service.handleReading(reading("m1", { at: "2026-01-15T09:00:00Z", imp: 1 }))).toBe(
      "duplicate",
    );
    expect(await service.handleReading(reading("m1", { at: "2031-01-01T00:00:00Z", imp: 1 }))).toBe("future");
    expect(service.counters).toMatchObject({ invalid: 1, duplicate: 1, future: 1, accepted: 1 });
    store.close();
  });
});
