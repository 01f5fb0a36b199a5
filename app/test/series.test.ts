import { describe, expect, it } from "vitest";
import { type Api, listIntervals } from "../src/api";
import { periodContaining, shiftPeriod } from "../src/lib/period";
import { normaliseIntervals, pageContinuation, pageItems } from "../src/lib/records";
import { buildSeries, seriesCsv, visibleRange, windowStats } from "../src/lib/series";

const TZ = "Europe/Vienna";
const day = periodContaining("day", Date.parse("2026-03-03T12:00:00Z"), TZ);
const prevDay = shiftPeriod(day, -1);

function rec(start: number, minutes: number, imp: number, exp = 0, extra: Record<string, unknown> = {}) {
  return {
    id: `m|PT15M|${new Date(start).toISOString()}`,
    intervalStart: new Date(start).toISOString(),
    intervalEnd: new Date(start + minutes * 60_000).toISOString(),
    energyImportedWh: imp,
    energyExportedWh: exp,
    powerMinW: null,
    powerAvgW: null,
    powerMaxW: null,
    quality: "complete",
    ...extra,
  };
}

describe("records", () => {
  it("reads pages in the shapes the APIs use", () => {
    expect(pageItems([1, 2])).toEqual([1, 2]);
    expect(pageItems({ items: [1], continuationToken: "c" })).toEqual([1]);
    expect(pageItems({ events: [3] })).toEqual([3]);
    // the former interval envelope names are no longer guessed
    expect(pageItems({ intervals: [3] })).toEqual([]);
    expect(pageItems({ records: [3] })).toEqual([]);
    expect(pageItems(null)).toEqual([]);
    expect(pageContinuation({ items: [], continuationToken: "abc" })).toBe("abc");
    expect(pageContinuation({ items: [], continuationToken: null })).toBeNull();
  });
  it("drops records without a start, sorts, and counts a redelivered interval once", () => {
    const a = rec(day.start + 900_000, 15, 10);
    const b = rec(day.start, 15, 20);
    const out = normaliseIntervals([a, b, { ...a }, { nonsense: true }, { ...a, energyImportedWh: "7" }]);
    expect(out.map((r) => r.importWh)).toEqual([20, 10]);
  });

  it("listIntervals follows the continuation tokens of the one intervals page", async () => {
    const asked: string[] = [];
    const pages: Record<string, unknown> = {
      "": { meterId: "m", resolution: "PT15M", items: [rec(day.start, 15, 1)], continuationToken: "t1" },
      t1: { meterId: "m", resolution: "PT15M", items: [rec(day.start + 900_000, 15, 2)] },
    };
    const api = {
      baseUrl: "",
      token: () => "",
      url: () => "",
      send: async () => undefined,
      get: async (path: string, q?: Record<string, string | number | undefined>) => {
        asked.push(`${path} ${q?.resolution} ${q?.continuationToken ?? ""}`);
        return pages[String(q?.continuationToken ?? "")];
      },
    } as unknown as Api;
    const out = await listIntervals(api, "m 1", { from: "a", to: "b", resolution: "PT15M" });
    expect(out.map((r) => r.importWh)).toEqual([1, 2]);
    expect(asked).toEqual(["/api/meters/m%201/intervals PT15M ", "/api/meters/m%201/intervals PT15M t1"]);
  });
});

describe("history series", () => {
  const cur = normaliseIntervals([
    rec(day.start, 15, 100, 0),
    rec(day.start + 15 * 60_000, 15, 250, 5),
    rec(day.start + 60 * 60_000, 15, 50, 40),
  ]);
  const prev = normaliseIntervals([
    rec(prevDay.start, 15, 80, 0),
    rec(prevDay.start + 15 * 60_000, 15, 20, 0),
  ]);
  const s = buildSeries(day, prevDay, "PT15M", cur, prev);

  it("puts energy in its buckets, with gaps as null and the previous period aligned", () => {
    expect(s.starts).toHaveLength(96);
    expect(s.importWh.slice(0, 5)).toEqual([100, 250, null, null, 50]);
    expect(s.exportWh.slice(0, 5)).toEqual([0, 5, null, null, 40]);
    expect(s.prevImportWh.slice(0, 3)).toEqual([80, 20, null]);
  });
  it("sums finer records into coarser buckets", () => {
    const hourly = buildSeries(day, prevDay, "PT1H", cur, prev);
    expect(hourly.starts).toHaveLength(24);
    expect(hourly.importWh.slice(0, 2)).toEqual([350, 50]);
  });
  it("totals, comparison, peak demand and base load over the whole period", () => {
    const w = windowStats(s, day.start, day.end);
    expect(w.importWh).toBe(400);
    expect(w.exportWh).toBe(45);
    expect(w.prevImportWh).toBe(100);
    expect(w.peakDemandW).toBe(1000); // 250 Wh in 15 min
    expect(w.baseLoadW).toBe(200); // 50 Wh in 15 min
    expect(w.bucketsWithData).toBe(3);
  });
  it("leaves partial intervals out of the base load when complete ones exist", () => {
    const recs = normaliseIntervals([
      { ...rec(day.start, 15, 5), quality: "partial" },
      { ...rec(day.start + 900_000, 15, 100), quality: "complete" },
    ]);
    const w = windowStats(buildSeries(day, prevDay, "PT15M", recs, []), day.start, day.end);
    expect(w.baseLoadW).toBe(400);
    const onlyPartial = normaliseIntervals([{ ...rec(day.start, 15, 5), quality: "partial" }]);
    expect(
      windowStats(buildSeries(day, prevDay, "PT15M", onlyPartial, []), day.start, day.end).baseLoadW,
    ).toBe(20);
  });
  it("restricts everything to a zoomed window", () => {
    const w = windowStats(s, day.start + 15 * 60_000, day.start + 30 * 60_000);
    expect(w.importWh).toBe(250);
    expect(w.prevImportWh).toBe(20);
    expect(w.buckets).toBe(1);
    expect(visibleRange(s.starts, day.start, day.start + 3_600_000)).toEqual([0, 4]);
  });
  it("uses rollup maxima and minima for coarse records", () => {
    const month = periodContaining("month", day.start, TZ);
    const daily = normaliseIntervals([
      { ...rec(month.start, 1440, 24_000), powerMaxW: 5200, powerMinW: 180 },
      { ...rec(month.start + 86_400_000, 1440, 12_000), powerMaxW: 3100, powerMinW: 150 },
    ]);
    const m = buildSeries(month, shiftPeriod(month, -1), "P1D", daily, []);
    const w = windowStats(m, month.start, month.end);
    expect(w.peakDemandW).toBe(5200);
    expect(w.baseLoadW).toBe(150);
    expect(w.importWh).toBe(36_000);
  });
  it("writes the shown rows as CSV in local time, to the Wh", () => {
    const csv = seriesCsv(s, day.start, day.start + 30 * 60_000, "meter-1");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "meter,start,end,imported_kWh,exported_kWh,previous_period_imported_kWh,previous_period_exported_kWh",
    );
    expect(lines[1]).toBe(
      "meter-1,2026-03-03T00:00:00+01:00,2026-03-03T00:15:00+01:00,0.100,0.000,0.080,0.000",
    );
    expect(lines[2]).toBe(
      "meter-1,2026-03-03T00:15:00+01:00,2026-03-03T00:30:00+01:00,0.250,0.005,0.020,0.000",
    );
    expect(lines).toHaveLength(3);
  });
});
