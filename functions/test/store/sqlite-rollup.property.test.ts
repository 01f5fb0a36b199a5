/**
 * The SQL roll-up of the SQLite store (sqlite-rows.ts rollupSqlText, kept in SQL for speed) against the
 * one roll-up of @omdp/series, on random quarter hours around DST days in several zones: missing
 * quarters, every quality, flags that keep the SQL path ([] and ["gap"]) and flags that send it to the
 * JS fallback, and several write batches (recomputes); heat-meter consumption (a volume in m3 with six
 * decimals and an energy in Wh, either or both or none) summed per register and rounded as ROUND(x, 6).
 */
import type { Quality } from "@omdp/model";
import {
  bucketOf,
  type IntervalValues,
  rollupIntervals,
  type SeriesResolution,
  seriesId,
} from "@omdp/series";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IntervalWrite } from "../../src/series/types";
import { SqliteStore } from "../../src/store/sqlite";

const Q = 900_000;
const ZONES = ["UTC", "Europe/Vienna", "Asia/Kolkata", "America/New_York", "Australia/Lord_Howe"];
// DST days (EU 2026-03-29 / 10-25, US 2026-03-08 / 11-01, Lord Howe 2026-04-05 half-hour shift) and a month end
const ANCHORS = [
  "2026-03-29T00:00:00Z",
  "2026-10-25T00:00:00Z",
  "2026-03-08T00:00:00Z",
  "2026-11-01T00:00:00Z",
  "2026-04-05T00:00:00Z",
  "2026-01-31T12:00:00Z",
].map(Date.parse);

const slot = fc.record({
  present: fc.boolean(),
  importWh: fc.nat(5000),
  exportWh: fc.nat(500),
  power: fc.option(fc.tuple(fc.double({ min: -3000, max: 20000, noNaN: true }), fc.nat(20000)), {
    nil: null,
  }),
  samples: fc.nat(900),
  quality: fc.constantFrom<Quality>("complete", "complete", "partial", "estimated"),
  flags: fc.constantFrom<string[]>([], [], [], ["gap"], ["reset"], ["dst", "gap"]),
  batch: fc.nat(2),
  volumeUl: fc.option(fc.nat(10_000_000), { nil: null }),
  heatWh: fc.option(fc.nat(5000), { nil: null }),
});

type Slot = typeof slot extends fc.Arbitrary<infer T> ? T : never;

function writeOf(meterId: string, tz: string, start: number, s: Slot): IntervalWrite {
  // + 0 turns -0 into 0: SQLite stores no negative zero (a meter never reports one)
  const [avg, spread] = (s.power ?? [0, 0]).map((x) => x + 0) as [number, number];
  return {
    id: seriesId(meterId, "PT15M", start),
    meterId,
    householdId: "hh",
    timeZone: tz,
    resolution: "PT15M",
    start,
    end: start + Q,
    importWh: s.importWh,
    exportWh: s.exportWh,
    powerMinW: s.power ? avg - spread : null,
    powerAvgW: s.power ? avg : null,
    powerMaxW: s.power ? avg + spread : null,
    registers: { "1-0:1.8.0": start / Q },
    sampleCount: s.samples,
    quality: s.quality,
    flags: s.flags,
    derived: false,
    ...consumptionOf(s),
  };
}

/** A heat meter's consumption of the slot (volume in microlitres as m3 with 6 decimals), if any. */
function consumptionOf(s: Slot): Pick<IntervalWrite, "medium" | "consumption"> {
  const c: Record<string, number> = {};
  if (s.heatWh !== null) c["6-0:1.0.0"] = s.heatWh;
  if (s.volumeUl !== null) c["6-0:2.0.0"] = s.volumeUl / 1e6;
  return Object.keys(c).length > 0 ? { medium: "heat", consumption: c } : {};
}

/** The package's roll-ups of the written quarters: hours from quarters, days from hours, months from days. */
function expected(base: readonly IntervalValues[], tz: string): Map<SeriesResolution, IntervalValues[]> {
  const out = new Map<SeriesResolution, IntervalValues[]>();
  let children = base;
  for (const r of ["PT1H", "P1D", "P1M"] as const) {
    const groups = new Map<number, { end: number; kids: IntervalValues[] }>();
    for (const c of children) {
      const b = bucketOf(c.start, r, tz);
      const g = groups.get(b.start) ?? { end: b.end, kids: [] };
      g.kids.push(c);
      groups.set(b.start, g);
    }
    const level = [...groups.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([start, g]) => rollupIntervals(base[0]!.meterId, r, { start, end: g.end }, g.kids)!);
    out.set(r, level);
    children = level;
  }
  return out;
}

const comparable = (v: IntervalValues) => ({
  id: seriesId(v.meterId, v.resolution, v.start),
  start: new Date(v.start).toISOString(),
  end: new Date(v.end).toISOString(),
  importWh: v.importWh,
  exportWh: v.exportWh,
  powerMinW: v.powerMinW,
  powerAvgW: v.powerAvgW,
  powerMaxW: v.powerMaxW,
  registers: v.registers,
  sampleCount: v.sampleCount,
  quality: v.quality,
  flags: v.flags,
  medium: v.medium,
  consumption: v.consumption,
});

describe("SQLite roll-up SQL = @omdp/series rollup (property)", () => {
  it("agrees on every hour, day and month of random quarter hours around DST days", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ANCHORS),
        fc.integer({ min: -8, max: 8 }),
        fc.array(slot, { minLength: 1, maxLength: 240 }),
        async (tz, anchor, shiftHours, slots) => {
          const store = new SqliteStore(":memory:");
          try {
            const t0 = Math.floor((anchor + shiftHours * 3_600_000) / Q) * Q;
            const all = slots
              .map((s, i) => ({ s, w: writeOf("m", tz, t0 + i * Q, s) }))
              .filter((x) => x.s.present);
            if (all.length === 0) return;
            for (let b = 0; b < 3; b++) {
              const batch = all.filter((x) => x.s.batch === b).map((x) => x.w);
              if (batch.length > 0) await store.writeIntervals(batch);
            }
            const want = expected(
              all.map((x) => x.w),
              tz,
            );
            for (const r of ["PT1H", "P1D", "P1M"] as const) {
              const page = await store.querySeries({
                meterId: "m",
                resolution: r,
                from: 0,
                to: 4e12,
                limit: 5000,
              });
              expect(page.items.map(comparable), `${r} in ${tz}`).toEqual(want.get(r)!.map(comparable));
              for (const row of page.items) expect(row.derived).toBe(true);
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
