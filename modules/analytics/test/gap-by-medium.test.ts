/**
 * Gap limits per medium: a battery-powered wM-Bus water or heat meter sends every few minutes up to
 * 15 min (Landis+Gyr T230 / ista ultego III manuals: stationary telegram every 15 min; Engelmann
 * Waterstar M: 30 s - 240 min), so the electricity limit of 300 s would make every interval partial.
 * Readings are hand-built; expected volumes are differences of the register values written below.
 */
import type { IntervalRecord, MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { DesiredConfig, meterGapSettings } from "../src/config";
import { type EngineSettings, ingest, newTrack, tick } from "../src/engine";
import { LATER, reading, settings } from "./helpers";

const MIN = 60_000;
/** The module's defaults: electricity 300 s, every other medium 1800 s. */
const byMedium = settings({
  maxGapMs: 300_000,
  maxGapMsByMedium: {
    electricity: 300_000,
    water: 1_800_000,
    heat: 1_800_000,
    gas: 1_800_000,
    hca: 1_800_000,
  },
});

function water(at: string, m3: number): MeterReading {
  return {
    schemaVersion: 1,
    meterId: "w1",
    readingTime: at,
    receivedAt: at,
    source: { protocol: "wmbus", transport: "serial", gatewayId: "gw-test" },
    values: [{ property: "8-0:1.0.0", value: m3, unit: "m3" }],
  };
}

function run(readings: MeterReading[], s: EngineSettings): IntervalRecord[] {
  const track = newTrack(readings[0]!.meterId);
  return readings.flatMap((r) => ingest(track, r, LATER, s).closed.map((c) => c.record));
}

/** A water meter sending every 10 minutes, 09:00 .. 09:50 UTC. */
const TEN_MINUTES = [
  water("2026-01-15T09:00:00Z", 100.0),
  water("2026-01-15T09:10:00Z", 100.02),
  water("2026-01-15T09:20:00Z", 100.05),
  water("2026-01-15T09:30:00Z", 100.06),
  water("2026-01-15T09:40:00Z", 100.09),
  water("2026-01-15T09:50:00Z", 100.1),
];

describe("gap limit per medium", () => {
  it("a water meter every 10 minutes: complete quarter hours under the water limit (1800 s)", () => {
    const records = run(TEN_MINUTES, byMedium);
    // [09:00,09:15): 100.02 (09:10) - 100.00 (09:00); [09:15,09:30): 100.06 (09:30) - 100.02 (09:10);
    // [09:30,09:45): 100.09 (09:40) - 100.06 (09:30)
    expect(records.map((r) => [r.intervalStart, r.consumption, r.quality, r.flags])).toEqual([
      ["2026-01-15T09:00:00.000Z", { "8-0:1.0.0": 0.02 }, "complete", []],
      ["2026-01-15T09:15:00.000Z", { "8-0:1.0.0": 0.04 }, "complete", []],
      ["2026-01-15T09:30:00.000Z", { "8-0:1.0.0": 0.03 }, "complete", []],
    ]);
  });

  it("the same readings under the electricity limit alone (300 s): every quarter hour a gap", () => {
    const records = run(TEN_MINUTES, settings({ maxGapMs: 300_000 }));
    expect(records.map((r) => [r.quality, r.flags])).toEqual([
      ["partial", ["gap"]],
      ["partial", ["gap"]],
      ["partial", ["gap"]],
    ]);
    // the volumes do not depend on the limit
    expect(records.map((r) => r.consumption)).toEqual([
      { "8-0:1.0.0": 0.02 },
      { "8-0:1.0.0": 0.04 },
      { "8-0:1.0.0": 0.03 },
    ]);
  });

  it("a water meter silent for 45 minutes (> 1800 s): the intervals across the silence are gaps", () => {
    const records = run(
      [
        water("2026-01-15T09:00:00Z", 10.0),
        water("2026-01-15T09:10:00Z", 10.01),
        water("2026-01-15T09:55:00Z", 10.05),
        water("2026-01-15T10:05:00Z", 10.06),
        water("2026-01-15T10:15:00Z", 10.07),
      ],
      byMedium,
    );
    // 10.01 - 10.00; two quarter hours without a reading; 10.05 (09:55) - 10.01 lands in [09:45,10:00);
    // [10:00,10:15): 10.07 (10:15) - 10.05 (09:55), its readings 10 minutes apart: complete
    expect(records.map((r) => [r.intervalStart, r.consumption?.["8-0:1.0.0"], r.quality])).toEqual([
      ["2026-01-15T09:00:00.000Z", 0.01, "partial"],
      ["2026-01-15T09:15:00.000Z", 0, "partial"],
      ["2026-01-15T09:30:00.000Z", 0, "partial"],
      ["2026-01-15T09:45:00.000Z", 0.04, "partial"],
      ["2026-01-15T10:00:00.000Z", 0.02, "complete"],
    ]);
    expect(records.slice(0, 4).every((r) => r.flags.includes("gap"))).toBe(true);
  });

  it("an electricity meter every 10 minutes keeps the electricity limit: gaps", () => {
    const at = ["09:00", "09:10", "09:20"].map((hm) => `2026-01-15T${hm}:00Z`);
    const readings = at.map((t, i) => reading("e1", { at: t, imp: 1000 + 10 * i }));
    const [first] = run(readings, byMedium);
    // 1010 (09:10) - 1000 (09:00) Wh, but readings 600 s apart > 300 s
    expect(first).toMatchObject({ energyImportedWh: 10, quality: "partial", flags: ["gap"] });
  });
});

describe("the silent-meter timer waits for a water meter's gap limit", () => {
  const s = byMedium;
  function fed(readings: MeterReading[]) {
    const track = newTrack(readings[0]!.meterId);
    for (const r of readings) ingest(track, r, Date.parse(r.readingTime), s);
    return track;
  }

  it("11 minutes after its last reading the water meter is not silent; the electricity meter is", () => {
    const last = Date.parse("2026-01-15T09:07:00Z");
    const w = fed([water("2026-01-15T09:00:00Z", 5), water("2026-01-15T09:07:00Z", 5.01)]);
    const e = fed([
      reading("e1", { at: "2026-01-15T09:00:00Z", imp: 1 }),
      reading("e1", { at: "2026-01-15T09:07:00Z", imp: 2 }),
    ]);
    // [09:00,09:15) ended 3 min before 09:18, more than closeGrace (120 s) ago
    expect(tick(w, last + 11 * MIN, s)).toEqual([]);
    const byTimer = tick(e, last + 11 * MIN, s);
    expect(byTimer.map((c) => [c.record.intervalStart, c.record.flags])).toEqual([
      ["2026-01-15T09:00:00.000Z", ["gap"]],
    ]);
  });

  it("31 minutes after its last reading (> 1800 s) the timer closes the water meter's ended intervals", () => {
    const last = Date.parse("2026-01-15T09:07:00Z");
    const w = fed([water("2026-01-15T09:00:00Z", 5), water("2026-01-15T09:07:00Z", 5.01)]);
    // now 09:38: intervals ended at or before 09:36 (now - 120 s) close, flagged gap
    const closed = tick(w, last + 31 * MIN, s);
    expect(closed.map((c) => [c.record.intervalStart, c.record.consumption, c.record.quality])).toEqual([
      ["2026-01-15T09:00:00.000Z", { "8-0:1.0.0": 0.01 }, "partial"],
      ["2026-01-15T09:15:00.000Z", { "8-0:1.0.0": 0 }, "partial"],
    ]);
  });
});

describe("gap settings of the twin", () => {
  it("default: 300 s for electricity, 1800 s for water, heat, gas and HCA", () => {
    expect(meterGapSettings(DesiredConfig.parse({}), "any")).toEqual({
      maxGapMs: 300_000,
      maxGapMsByMedium: {
        electricity: 300_000,
        water: 1_800_000,
        heat: 1_800_000,
        gas: 1_800_000,
        hca: 1_800_000,
      },
    });
  });

  it("a medium's limit, and a meter's own limit over every medium", () => {
    const c = DesiredConfig.parse({
      maxGapSecondsByMedium: { heat: 3600 },
      meters: { w4h: { maxGapSeconds: 16_000 } },
    });
    expect(meterGapSettings(c, "h1").maxGapMsByMedium).toMatchObject({ heat: 3_600_000, water: 1_800_000 });
    expect(meterGapSettings(c, "w4h")).toMatchObject({
      maxGapMs: 16_000_000,
      maxGapMsByMedium: { water: 16_000_000, electricity: 16_000_000 },
    });
  });

  it("refuses a limit below 1 s", () => {
    expect(DesiredConfig.safeParse({ maxGapSecondsByMedium: { water: 0 } }).success).toBe(false);
  });
});
