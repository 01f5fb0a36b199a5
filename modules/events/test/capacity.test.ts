/**
 * The capacity-peak warning and the new-peak notice (Belgian rule), hand-computed. Tariff: 40.4 EUR per
 * kW-year, floor 2.5 kW, VAT 6 % (the capacity part of examples/tariffs/be-flanders.json). A warning's
 * projection is `peakWarning` of @omdp/tariffs: Wh so far + P now × minutes left / 60, × 4 for the
 * quarter's average W. The cost of a rise of Δ W in the counted peak, VAT included:
 * 40,400,000 µEUR × Δ / 12,000 (rounded half to even) + 6 % of that (rounded half to even).
 * Times are March 2026, Brussels = UTC+1, so the quarter 10:00 local starts at 09:00Z.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "@omdp/logger";
import {
  CapacityPeakSetDetails,
  CapacityPeakWarningDetails,
  type Event,
  type MeterReading,
} from "@omdp/model";
import { describe, expect, it } from "vitest";
import { DesiredConfig, Rule } from "../src/config";
import { RuleEngine } from "../src/engine";
import { EventsService, type Sender } from "../src/service";
import { SnapshotFile } from "../src/snapshot";
import { emptyState } from "../src/state";
import { quarter } from "./helpers";

const TARIFF = {
  id: "be-test",
  currency: "EUR",
  timeZone: "Europe/Brussels",
  import: { energy: { kind: "fixed", price: "0.30" } },
  vat: { rate: "0.06" },
  capacity: { rule: "be", pricePerKwYear: "40.4", floorKw: "2.5" },
};

function config(meters: string[], extra: Record<string, unknown> = {}) {
  return DesiredConfig.parse({
    rules: [{ id: "cap", kind: "capacityPeak" }],
    households: { "hh-be": { meters, tariff: TARIFF } },
    ...extra,
  });
}

function engine(meters: string[]): RuleEngine {
  const c = config(meters);
  return new RuleEngine(emptyState(), {
    rules: () => c.rules,
    timeZone: () => "Europe/Brussels",
    households: () => c.households,
  });
}

/** A reading with the A+ register (Wh) and P+ (W). */
function reading(meterId: string, iso: string, registerWh: number, powerW: number): MeterReading {
  return {
    schemaVersion: 1,
    meterId,
    readingTime: iso,
    receivedAt: iso,
    source: { protocol: "dsmr", transport: "stream", gatewayId: "gw" },
    values: [
      { property: "1-0:1.8.0", value: registerWh, unit: "Wh" },
      { property: "1-0:1.7.0", value: powerW, unit: "W" },
    ],
  };
}

type R = [meterId: string, time: string, registerWh: number, powerW: number];

interface Case {
  readonly name: string;
  readonly meters: string[];
  /** Quarters closed earlier (analytics' intervals): meter, start, Wh. */
  readonly earlier: [string, string, number][];
  readonly readings: R[];
  /** The warnings expected: the reading time each is given at, and its figures. */
  readonly warnings: { at: string; details: Record<string, unknown> }[];
}

const CASES: Case[] = [
  {
    // Peak 750 Wh × 4 = 3 kW. At 09:03 (3 minutes in): 200 Wh, 12 left at 4 kW: 200 + 4000×12/60 =
    // 1000 Wh → 4 kW > 3 kW. Headroom 3000/4 − 200 = 550 Wh in 12 min → 2.75 kW. Rise 1000 W:
    // 40.4e6×1000/12000 = 3,366,666.67 → 3,366,667; VAT 202,000.02 → 202,000; 3.568667 EUR.
    // Once per quarter: 09:05 (334 + 4000×10/60 = 1000.67 Wh) gives no second warning.
    name: "a quarter that will exceed the month's peak",
    meters: ["m1"],
    earlier: [["m1", "2026-03-10T08:00:00Z", 750]],
    readings: [
      ["m1", "2026-03-10T09:00:00Z", 10_000, 4000],
      ["m1", "2026-03-10T09:03:00Z", 10_200, 4000],
      ["m1", "2026-03-10T09:05:00Z", 10_334, 4000],
    ],
    warnings: [
      {
        at: "2026-03-10T09:03:00.000Z",
        details: {
          householdId: "hh-be",
          month: "2026-03",
          quarterStart: "2026-03-10T09:00:00.000Z",
          projectedKw: 4,
          monthPeakKw: 3,
          floorKw: 2.5,
          minutesLeft: 12,
          quarterEnergyWh: 200,
          maxPowerKw: 2.75,
          currency: "EUR",
          costIncrease: 3.568667,
        },
      },
    ],
  },
  {
    // Peak 3 kW. 09:04: 133 + 2000×11/60 = 499.67 Wh → 1.999 kW; 09:10: 333 + 2000×5/60 = 499.67 Wh.
    name: "a quarter that will not exceed",
    meters: ["m1"],
    earlier: [["m1", "2026-03-10T08:00:00Z", 750]],
    readings: [
      ["m1", "2026-03-10T09:00:00Z", 10_000, 2000],
      ["m1", "2026-03-10T09:04:00Z", 10_133, 2000],
      ["m1", "2026-03-10T09:10:00Z", 10_333, 2000],
    ],
    warnings: [],
  },
  {
    // 1 March 00:00 Brussels = 28 Feb 23:00Z; February's 6 kW (1500 Wh at 22:00Z) does not count.
    // 23:03: 150 + 3000×12/60 = 750 Wh → 3 kW > max(0, 2.5 kW). Headroom 625 − 150 = 475 Wh in
    // 12 min → 2.375 kW. Rise 3000 − 2500 = 500 W: 1,683,333.33 → 1,683,333; VAT 100,999.98 → 101,000;
    // 1.784333 EUR.
    name: "the first quarter of the month",
    meters: ["m1"],
    earlier: [["m1", "2026-02-28T22:00:00Z", 1500]],
    readings: [
      ["m1", "2026-02-28T23:00:00Z", 5_000, 3000],
      ["m1", "2026-02-28T23:03:00Z", 5_150, 3000],
    ],
    warnings: [
      {
        at: "2026-02-28T23:03:00.000Z",
        details: {
          month: "2026-03",
          quarterStart: "2026-02-28T23:00:00.000Z",
          projectedKw: 3,
          monthPeakKw: 0,
          minutesLeft: 12,
          quarterEnergyWh: 150,
          maxPowerKw: 2.375,
          costIncrease: 1.784333,
        },
      },
    ],
  },
  {
    // Peak 450 Wh → 1.8 kW. 09:03: 110 + 2200×12/60 = 550 Wh → 2.2 kW: above the peak, under the
    // floor: nothing. 09:06: 230 + 2800×9/60 = 650 Wh → 2.6 kW > 2.5 kW. Headroom 625 − 230 = 395 Wh in
    // 9 min → 2633.3 W. Rise max(2600, 2500) − max(1800, 2500) = 100 W: 336,666.67 → 336,667;
    // VAT 20,200.02 → 20,200; 0.356867 EUR.
    name: "the 2.5 kW floor",
    meters: ["m1"],
    earlier: [["m1", "2026-03-10T08:00:00Z", 450]],
    readings: [
      ["m1", "2026-03-10T09:00:00Z", 10_000, 2200],
      ["m1", "2026-03-10T09:03:00Z", 10_110, 2200],
      ["m1", "2026-03-10T09:06:00Z", 10_230, 2800],
    ],
    warnings: [
      {
        at: "2026-03-10T09:06:00.000Z",
        details: {
          projectedKw: 2.6,
          monthPeakKw: 1.8,
          minutesLeft: 9,
          quarterEnergyWh: 230,
          maxPowerKw: 2.633,
          costIncrease: 0.356867,
        },
      },
    ],
  },
  {
    // Two meters, 2 kW each: each alone projects under the 3 kW peak, together 4 kW. At 09:00 neither
    // has imported yet (and no minute has passed). At m1's 09:04 reading: 133 Wh so far (m2 has sent
    // nothing new yet), the power now 2000 + 2000 W: 133 + 4000×11/60 = 866.33 Wh → 3.465 kW > 3 kW.
    // Headroom 750 − 133 = 617 Wh in 11 min → 3365.45 W. Rise 465.33 W → 465 W: 40.4e6×465/12000 =
    // 1,565,500; VAT 93,930; 1.65943 EUR. m2's 09:04 reading gives no second warning.
    name: "a household of two meters adds them up",
    meters: ["m1", "m2"],
    earlier: [["m1", "2026-03-10T08:00:00Z", 750]],
    readings: [
      ["m1", "2026-03-10T09:00:00Z", 10_000, 2000],
      ["m2", "2026-03-10T09:00:00Z", 20_000, 2000],
      ["m1", "2026-03-10T09:04:00Z", 10_133, 2000],
      ["m2", "2026-03-10T09:04:00Z", 20_133, 2000],
    ],
    warnings: [
      {
        at: "2026-03-10T09:04:00.000Z",
        details: {
          projectedKw: 3.465,
          monthPeakKw: 3,
          minutesLeft: 11,
          quarterEnergyWh: 133,
          maxPowerKw: 3.365,
          costIncrease: 1.65943,
        },
      },
    ],
  },
];

describe("capacity peak warning (Belgian rule)", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const e = engine(c.meters);
      for (const [m, start, wh] of c.earlier) e.interval(quarter(m, Date.parse(start), wh));
      const warnings = c.readings
        .flatMap(([m, t, reg, w]) => e.reading(reading(m, t, reg, w)))
        .filter((ev) => ev.type === "capacity.peak.warning");
      expect(warnings.map((w) => w.at)).toEqual(c.warnings.map((w) => w.at));
      c.warnings.forEach((want, i) => {
        const got = warnings[i]!;
        expect(got.meterId).toBe(c.meters[0]);
        expect(got.severity).toBe("warning");
        expect(got.details).toMatchObject({ ruleId: "cap", ...want.details });
        expect(CapacityPeakWarningDetails.safeParse(got.details).success).toBe(true);
      });
    });
  }

  it("the warning is an active alert until its quarter ends", () => {
    const e = engine(["m1"]);
    e.interval(quarter("m1", Date.parse("2026-03-10T08:00:00Z"), 750));
    e.reading(reading("m1", "2026-03-10T09:00:00Z", 10_000, 4000));
    e.reading(reading("m1", "2026-03-10T09:03:00Z", 10_200, 4000));
    expect(Object.keys(e.state.active)).toEqual(["cap|hh-be"]);
    e.reading(reading("m1", "2026-03-10T09:15:00Z", 11_000, 500));
    expect(e.state.active).toEqual({});
  });

  it("projects from the quarter's average when the meter sends no power", () => {
    // 09:05: 400 Wh in 5 min = 4.8 kW average; 400 + 4800×10/60 = 1200 Wh → 4.8 kW > 3 kW.
    const e = engine(["m1"]);
    e.interval(quarter("m1", Date.parse("2026-03-10T08:00:00Z"), 750));
    const energyOnly = (t: string, wh: number): MeterReading => ({
      ...reading("m1", t, wh, 0),
      values: [{ property: "1-0:1.8.0", value: wh, unit: "Wh" }],
    });
    e.reading(energyOnly("2026-03-10T09:00:00Z", 10_000));
    const made = e.reading(energyOnly("2026-03-10T09:05:00Z", 10_400));
    expect(made.map((m) => [m.type, m.details.projectedKw])).toEqual([["capacity.peak.warning", 4.8]]);
  });

  it("splits a reading's energy at the quarter's start", () => {
    // 08:58 → 09:02 imports 240 Wh evenly: 120 Wh before 09:00, 120 Wh in the new quarter.
    // At 09:03 (reg +60): 180 Wh; 12 min at 1.2 kW: 180 + 240 = 420 Wh → 1.68 kW: no warning (peak 3 kW);
    // the quarter's energy is what the state holds.
    const e = engine(["m1"]);
    e.interval(quarter("m1", Date.parse("2026-03-10T08:00:00Z"), 750));
    e.reading(reading("m1", "2026-03-10T08:58:00Z", 10_000, 3600));
    e.reading(reading("m1", "2026-03-10T09:02:00Z", 10_240, 1200));
    expect(e.reading(reading("m1", "2026-03-10T09:03:00Z", 10_300, 1200))).toEqual([]);
    expect(e.state.capacity["hh-be"]!.current).toEqual({
      start: Date.parse("2026-03-10T09:00:00Z"),
      wh: 180,
    });
  });

  it("ignores households without a Belgian capacity rule, and other meters", () => {
    const c = DesiredConfig.parse({
      rules: [{ id: "cap", kind: "capacityPeak" }],
      households: { plain: { meters: ["m1"], tariff: { ...TARIFF, capacity: undefined } } },
    });
    const e = new RuleEngine(emptyState(), {
      rules: () => c.rules,
      timeZone: () => "Europe/Brussels",
      households: () => c.households,
    });
    e.reading(reading("m1", "2026-03-10T09:00:00Z", 10_000, 9000));
    expect(e.reading(reading("m1", "2026-03-10T09:05:00Z", 10_750, 9000))).toEqual([]);
    expect(e.reading(reading("other", "2026-03-10T09:05:00Z", 10_750, 9000))).toEqual([]);
  });
});

describe("capacity peak set", () => {
  it("tells once when a quarter's intervals take it above the month's peak and the floor", () => {
    // Peak 3 kW (750 Wh). 09:00Z: 1000 Wh → 4 kW: rise 1000 W → 3.568667 EUR (as above).
    // The replayed interval changes nothing; 900 Wh (3.6 kW) at 09:15Z is under the new 4 kW peak.
    const e = engine(["m1"]);
    expect(e.interval(quarter("m1", Date.parse("2026-03-10T08:00:00Z"), 750))).toHaveLength(1); // over 2.5 kW
    const set = e.interval(quarter("m1", Date.parse("2026-03-10T09:00:00Z"), 1000));
    expect(set).toHaveLength(1);
    expect(set[0]!.type).toBe("capacity.peak.set");
    expect(set[0]!.details).toMatchObject({
      ruleId: "cap",
      householdId: "hh-be",
      month: "2026-03",
      quarterStart: "2026-03-10T09:00:00.000Z",
      peakKw: 4,
      quarterEnergyWh: 1000,
      monthPeakKw: 3,
      costIncrease: 3.568667,
    });
    expect(CapacityPeakSetDetails.safeParse(set[0]!.details).success).toBe(true);
    expect(e.state.active).toEqual({}); // news, not an alert
    expect(e.interval(quarter("m1", Date.parse("2026-03-10T09:00:00Z"), 1000))).toEqual([]);
    expect(e.interval(quarter("m1", Date.parse("2026-03-10T09:15:00Z"), 900))).toEqual([]);
  });

  it("sums a household's meters, and a peak under the floor is no news", () => {
    // 600 Wh → 2.4 kW: under the 2.5 kW floor. m2's 300 Wh: 900 Wh → 3.6 kW; rise 3600 − 2500 = 1100 W:
    // 40.4e6×1100/12000 = 3,703,333.33 → 3,703,333; VAT 222,199.98 → 222,200; 3.925533 EUR.
    const e = engine(["m1", "m2"]);
    expect(e.interval(quarter("m1", Date.parse("2026-03-10T09:00:00Z"), 600))).toEqual([]);
    const set = e.interval(quarter("m2", Date.parse("2026-03-10T09:00:00Z"), 300));
    expect(set.map((s) => [s.details.peakKw, s.details.monthPeakKw, s.details.costIncrease])).toEqual([
      [3.6, 0, 3.925533],
    ]);
  });

  it("keeps the month's peak past the quarters it keeps, and starts afresh in a new month", () => {
    const e = engine(["m1"]);
    e.interval(quarter("m1", Date.parse("2026-03-10T08:00:00Z"), 1200)); // 4.8 kW
    const q0 = Date.parse("2026-03-10T09:00:00Z");
    for (let i = 0; i < 20; i++) e.interval(quarter("m1", q0 + i * 900_000, 1000)); // 4 kW each: no news
    expect(e.state.capacity["hh-be"]!.peakW).toBe(4800);
    expect(Object.keys(e.state.capacity["hh-be"]!.quarters)).toHaveLength(8);
    // 1 April 00:00 Brussels (CEST) = 31 March 22:00Z: 4 kW is the new month's first peak.
    const april = e.interval(quarter("m1", Date.parse("2026-03-31T22:00:00Z"), 1000));
    expect(april.map((a) => [a.details.month, a.details.monthPeakKw, a.details.peakKw])).toEqual([
      ["2026-04", 0, 4],
    ]);
    // A late March interval no longer counts.
    expect(e.interval(quarter("m1", Date.parse("2026-03-31T21:45:00Z"), 3000))).toEqual([]);
  });
});

class Collect implements Sender {
  readonly sent: Event[] = [];
  async send(_output: string, body: unknown): Promise<void> {
    this.sent.push(body as Event);
  }
}

describe("capacity state across a restart", () => {
  it("a restart in the middle of a quarter keeps the quarter's energy and the month's peak", async () => {
    // Before the restart: peak 3 kW; 09:00 reg 10,000, 09:02 reg 10,033 (1 kW). After it: 09:06 reg
    // 10,333 at 4.5 kW: 333 Wh since 09:00, 9 min left: 333 + 4500×9/60 = 1008 Wh → 4.032 kW > 3 kW.
    // An empty state would see 0 Wh so far: 4500×9/60 = 675 Wh → 2.7 kW, no warning.
    const dir = mkdtempSync(join(tmpdir(), "omdp-capacity-"));
    try {
      const log = createLogger("test", { write: () => {} });
      const path = join(dir, "events.json");
      const sender = new Collect();
      const a = new EventsService(new SnapshotFile(path), sender, log, config(["m1"]));
      await a.interval(quarter("m1", Date.parse("2026-03-10T08:00:00Z"), 750));
      await a.reading(reading("m1", "2026-03-10T09:00:00Z", 10_000, 1000));
      await a.reading(reading("m1", "2026-03-10T09:02:00Z", 10_033, 1000));
      a.save(); // the module's stop
      const b = new EventsService(new SnapshotFile(path), sender, log, config(["m1"]));
      await b.reading(reading("m1", "2026-03-10T09:06:00Z", 10_333, 4500));
      const warnings = sender.sent.filter((s) => s.type === "capacity.peak.warning");
      expect(warnings.map((w) => [w.details.quarterEnergyWh, w.details.projectedKw])).toEqual([[333, 4.032]]);
      // The figures are reported (twin `events.capacity`): peak 3 kW from 08:00Z, 333 Wh in 09:00Z.
      expect(b.report().capacity).toEqual({
        "hh-be": {
          month: "2026-03",
          peakKw: 3,
          peakAt: "2026-03-10T08:00:00.000Z",
          quarterStart: "2026-03-10T09:00:00.000Z",
          quarterEnergyWh: 333,
        },
      });
      // ...and a third start does not warn again for the same quarter.
      const c = new EventsService(new SnapshotFile(path), sender, log, config(["m1"]));
      await c.reading(reading("m1", "2026-03-10T09:07:00Z", 10_408, 4500));
      expect(sender.sent.filter((s) => s.type === "capacity.peak.warning")).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("capacity settings", () => {
  it("validates a household's tariff with the tariffs schema, naming the field", () => {
    const bad = DesiredConfig.safeParse({
      households: {
        h: { meters: ["m1"], tariff: { ...TARIFF, capacity: { rule: "be", pricePerKwYear: "x" } } },
      },
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["households", "h", "tariff", "capacity", "pricePerKwYear"]);
    expect(DesiredConfig.safeParse({ households: { h: { meters: [] } } }).success).toBe(false);
  });

  it("accepts the example Flanders tariff, and the rule is on by default", () => {
    const doc = JSON.parse(
      readFileSync(new URL("../../../examples/tariffs/be-flanders.json", import.meta.url), "utf8"),
    );
    const c = DesiredConfig.parse({ households: { h: { meters: ["m1"], tariff: doc } } });
    expect(c.households.h!.tariff!.capacity).toEqual({
      rule: "be",
      pricePerKwYear: 40_400_000,
      floorKw: 2500,
    });
    expect(c.rules.find((r) => r.kind === "capacityPeak")).toMatchObject({
      id: "capacity-peak",
      minElapsedMinutes: 3,
    });
    expect(Rule.safeParse({ id: "c", kind: "capacityPeak", minElapsedMinutes: 15 }).success).toBe(false);
  });
});
