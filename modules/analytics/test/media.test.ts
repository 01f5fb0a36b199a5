import type { IntervalRecord, MeterReading } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { ingest, newTrack } from "../src/engine";
import { LATER, settings } from "./helpers";

/** Hand-made cases: a gap only where a test says so (maxGap 1 h). */
const s = settings({ maxGapMs: 3_600_000 });

type Values = Record<string, number>;
const UNIT: Record<string, string> = {
  "8-0:1.0.0": "m3",
  "6-0:1.0.0": "Wh",
  "6-0:2.0.0": "m3",
  "4-0:1.0.0": "HCA",
  "7-0:3.0.0": "m3",
  "1-0:1.8.0": "Wh",
  "8-0:2.0.0": "m3/h",
  "6-0:8.0.0": "W",
};

function wmbus(meterId: string, at: string, v: Values): MeterReading {
  return {
    schemaVersion: 1,
    meterId,
    readingTime: at,
    receivedAt: at,
    source: { protocol: "wmbus", transport: "serial", gatewayId: "gw-test" },
    values: Object.entries(v).map(([property, value]) => ({ property, value, unit: UNIT[property]! })),
  };
}

function run(meterId: string, specs: [string, Values][]): IntervalRecord[] {
  const track = newTrack(meterId);
  const out: IntervalRecord[] = [];
  for (const [at, v] of specs)
    out.push(...ingest(track, wmbus(meterId, at, v), LATER, s).closed.map((c) => c.record));
  return out;
}

describe("consumption of water, heat and HCA registers (hand-computed)", () => {
  it("a cold-water meter: the volume delta of each quarter hour, medium water, no energy", () => {
    const records = run("w1", [
      ["2026-01-15T09:00:00Z", { "8-0:1.0.0": 123.456 }],
      ["2026-01-15T09:07:30Z", { "8-0:1.0.0": 123.498 }],
      ["2026-01-15T09:15:00Z", { "8-0:1.0.0": 123.512 }],
      ["2026-01-15T09:30:00Z", { "8-0:1.0.0": 123.512 }],
    ]);
    expect(records).toHaveLength(2);
    // 123.512 - 123.456 = 0.056 m3 (56 litres); the next quarter hour nothing ran
    expect(records[0]).toMatchObject({
      id: "w1|PT15M|2026-01-15T09:00:00.000Z",
      medium: "water",
      consumption: { "8-0:1.0.0": 0.056 },
      energyImportedWh: 0,
      energyExportedWh: 0,
      registers: { "8-0:1.0.0": 123.512 },
      quality: "complete",
    });
    expect(records[1]).toMatchObject({ medium: "water", consumption: { "8-0:1.0.0": 0 } });
  });

  it("a heat meter: heat energy and volume in consumption only; no electricity energy or power", () => {
    const records = run("h1", [
      ["2026-01-15T09:00:00Z", { "6-0:1.0.0": 5_000_000, "6-0:2.0.0": 80.25, "6-0:8.0.0": 4800 }],
      ["2026-01-15T09:15:00Z", { "6-0:1.0.0": 5_001_250, "6-0:2.0.0": 80.281, "6-0:8.0.0": 5200 }],
    ]);
    // 5,001,250 - 5,000,000 = 1250 Wh; 80.281 - 80.25 = 0.031 m3; heat power 4.8 kW is not electricity
    expect(records[0]).toMatchObject({
      medium: "heat",
      consumption: { "6-0:1.0.0": 1250, "6-0:2.0.0": 0.031 },
      energyImportedWh: 0,
      energyExportedWh: 0,
      powerMinW: null,
      powerAvgW: null,
      powerMaxW: null,
      sampleCount: 1,
      quality: "complete",
    });
  });

  it("a heat cost allocator reset at its annual cut-off: reset flag, the new count counts, estimated", () => {
    const records = run("a1", [
      ["2026-01-15T09:00:00Z", { "4-0:1.0.0": 1830 }],
      ["2026-01-15T09:05:00Z", { "4-0:1.0.0": 1832 }],
      ["2026-01-15T09:10:00Z", { "4-0:1.0.0": 1 }],
      ["2026-01-15T09:15:00Z", { "4-0:1.0.0": 2 }],
    ]);
    // 1830 -> 1832: 2 units; the fall to 1 is a reset (1 counts); 1 -> 2: 1 unit. Total 4.
    expect(records[0]).toMatchObject({ medium: "hca", consumption: { "4-0:1.0.0": 4 } });
    expect(records[0]!.flags).toContain("reset");
    expect(records[0]!.quality).toBe("estimated");
  });

  it("a replaced water meter: the jump does not count, the new value is the baseline", () => {
    const records = run("w2", [
      ["2026-01-15T09:00:00Z", { "8-0:1.0.0": 10 }],
      ["2026-01-15T09:05:00Z", { "8-0:1.0.0": 10.02 }],
      // 500 m3 in 5 minutes is 6000 m3/h, far above 50 m3/h: another meter
      ["2026-01-15T09:10:00Z", { "8-0:1.0.0": 510.02 }],
      ["2026-01-15T09:15:00Z", { "8-0:1.0.0": 510.05 }],
    ]);
    // 0.02 + 0 + 0.03 = 0.05 m3
    expect(records[0]).toMatchObject({ consumption: { "8-0:1.0.0": 0.05 }, quality: "estimated" });
    expect(records[0]!.flags).toContain("meterReplaced");
  });

  it("an electricity meter with a gas channel (DSMR) stays electricity; its gas is in consumption", () => {
    const records = run("e1", [
      ["2026-01-15T09:00:00Z", { "1-0:1.8.0": 1000, "7-0:3.0.0": 4321.5 }],
      ["2026-01-15T09:15:00Z", { "1-0:1.8.0": 1040, "7-0:3.0.0": 4321.62 }],
    ]);
    expect(records[0]).toMatchObject({ energyImportedWh: 40, consumption: { "7-0:3.0.0": 0.12 } });
    expect("medium" in records[0]!).toBe(false);
  });

  it("a register first seen after the meter's first reading: noBaseline (partial), exact from then on", () => {
    const records = run("w4", [
      ["2026-01-15T09:00:00Z", { "8-0:2.0.0": 0.4 }], // a short telegram: flow only
      ["2026-01-15T09:05:00Z", { "8-0:1.0.0": 50.1 }],
      ["2026-01-15T09:15:00Z", { "8-0:1.0.0": 50.13 }],
      ["2026-01-15T09:30:00Z", { "8-0:1.0.0": 50.15 }],
    ]);
    // what ran from 09:00 to 09:05 is unknown: 50.13 - 50.1 = 0.03 m3 counted, partial
    expect(records[0]).toMatchObject({ consumption: { "8-0:1.0.0": 0.03 }, quality: "partial" });
    expect(records[0]!.flags).toContain("noBaseline");
    // 50.15 - 50.13 = 0.02 m3, complete
    expect(records[1]).toMatchObject({ consumption: { "8-0:1.0.0": 0.02 }, quality: "complete", flags: [] });
  });

  it("an electricity meter's record has no media fields at all", () => {
    const records = run("e2", [
      ["2026-01-15T09:00:00Z", { "1-0:1.8.0": 1000 }],
      ["2026-01-15T09:15:00Z", { "1-0:1.8.0": 1040 }],
    ]);
    expect(Object.keys(records[0]!)).not.toContain("consumption");
    expect(Object.keys(records[0]!)).not.toContain("medium");
  });

  it("consumption telescopes: the quarter hours of a day add up to the register's delta", () => {
    const specs: [string, Values][] = [];
    // a reading every 5 minutes for 4 hours, 0.0037 m3 each (3.7 litres), from 100 m3
    for (let i = 0; i <= 48; i++) {
      const at = new Date(Date.parse("2026-01-15T08:00:00Z") + i * 300_000).toISOString();
      specs.push([at, { "8-0:1.0.0": Number((100 + i * 0.0037).toFixed(4)) }]);
    }
    const records = run("w3", specs);
    expect(records).toHaveLength(16);
    const total = records.reduce((sum, r) => sum + r.consumption!["8-0:1.0.0"]!, 0);
    // 48 steps x 0.0037 = 0.1776 m3
    expect(Number(total.toFixed(6))).toBe(0.1776);
  });
});
