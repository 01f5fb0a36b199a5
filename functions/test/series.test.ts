import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { releaseHour } from "../src/http/aggregate";
import { affectedRollups, summarize } from "../src/series/rollup";
import { writes } from "./fixtures";

describe("rollups", () => {
  it("touches each hour, day and month once per batch, finest first", () => {
    const keys = affectedRollups(writes("m", "h", "UTC", Date.parse("2026-01-31T23:00:00Z"), 8));
    expect(keys.map((k) => `${k.resolution} ${new Date(k.start).toISOString()}`)).toEqual([
      "PT1H 2026-01-31T23:00:00.000Z",
      "PT1H 2026-02-01T00:00:00.000Z",
      "P1D 2026-01-31T00:00:00.000Z",
      "P1D 2026-02-01T00:00:00.000Z",
      "P1M 2026-01-01T00:00:00.000Z",
      "P1M 2026-02-01T00:00:00.000Z",
    ]);
  });

  it("sums energy, weights average power by duration and marks gaps", () => {
    const key = {
      meterId: "m",
      householdId: "h",
      timeZone: "UTC",
      resolution: "PT1H" as const,
      start: 0,
      end: 3_600_000,
    };
    const c = (
      start: number,
      minutes: number,
      avg: number,
      quality: "complete" | "estimated" = "complete",
    ) => ({
      start,
      end: start + minutes * 60_000,
      importWh: 10,
      exportWh: 1,
      powerMinW: avg - 1,
      powerAvgW: avg,
      powerMaxW: avg + 1,
      sampleCount: 5,
      quality,
      flags: [],
    });
    const full = summarize(key, [c(0, 30, 100), c(1_800_000, 15, 400), c(2_700_000, 15, 400)], { r: 1 });
    expect(full).toMatchObject({
      importWh: 30,
      powerAvgW: 250,
      powerMinW: 99,
      powerMaxW: 401,
      quality: "complete",
      flags: [],
    });
    const gap = summarize(key, [c(0, 15, 100)], {});
    expect(gap).toMatchObject({ quality: "partial", flags: ["gap"] });
    expect(summarize(key, [c(0, 60, 1, "estimated")], {}).quality).toBe("estimated");
  });
});

describe("k-anonymous aggregate releases", () => {
  it("releases only cells of >= k households, and `all` minus the released zones is empty or >= k", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ hh: fc.integer({ min: 0, max: 12 }), v: fc.nat(1000) }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        (draws, k) => {
          // One row per household (the store sums a household's meters per hour).
          const rows = [...new Map(draws.map((d) => [d.hh, d])).values()].map((d) => ({
            householdId: `h${d.hh}`,
            start: 0,
            meters: 1,
            importWh: d.v,
            exportWh: 0,
            powerAvgW: null,
          }));
          const zone = (h: string) => `z${Number(h.slice(1)) % 3}`;
          const r = releaseHour(0, rows, zone, k, "t");
          for (const c of r.cells) expect(c.households).toBeGreaterThanOrEqual(k);
          const all = r.cells.find((c) => c.group === "all");
          if (all) {
            expect(all.households).toBe(rows.length);
            const zones = r.cells.filter((c) => c.group !== "all");
            const remainder = all.households - zones.reduce((n, c) => n + c.households, 0);
            expect(remainder === 0 || remainder >= k).toBe(true);
            const rest = rows.filter((x) => !zones.some((c) => c.group === zone(x.householdId)));
            expect(all.importWh - zones.reduce((n, c) => n + c.importWh, 0)).toBe(
              rest.reduce((n, x) => n + x.importWh, 0),
            );
          }
          for (const c of r.cells.filter((c) => c.group !== "all")) {
            const members = rows.filter((x) => zone(x.householdId) === c.group);
            expect(c.households).toBe(members.length);
            expect(c.importWh).toBe(members.reduce((n, x) => n + x.importWh, 0));
            expect(c.powerAvgW).toBeNull(); // a contributor without power data withholds the cell's power
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("withholds the smallest released zone when the rest of `all` would be 1..k-1 households", () => {
    // The case: k=2, A and B in Vienna, C in UTC. all - Vienna would be C's hour.
    const row = (h: string, v: number) => ({
      householdId: h,
      start: 0,
      meters: 1,
      importWh: v,
      exportWh: 0,
      powerAvgW: v,
    });
    const zone = (h: string) => (h === "C" ? "UTC" : "Europe/Vienna");
    const r = releaseHour(0, [row("A", 1), row("B", 2), row("C", 4)], zone, 2, "t");
    expect(r.cells).toEqual([{ group: "all", households: 3, importWh: 7, exportWh: 0, powerAvgW: 7 }]);
    expect(r.withheld).toEqual({ all: false, zones: 2 });
  });
});
