import { describe, expect, it } from "vitest";
import type { LiveSnapshot } from "../src/lib/live";
import type { MeterInfo } from "../src/lib/settings";
import {
  hasPhasePower,
  householdTotals,
  householdTrend,
  meterToday,
  trendRange,
} from "../src/views/live-model";

const snap = (meterId: string, at: number, o: Partial<LiveSnapshot> = {}): LiveSnapshot => ({
  meterId,
  at,
  importW: null,
  exportW: null,
  importRegisterWh: null,
  exportRegisterWh: null,
  powerFactor: null,
  phases: [],
  ...o,
});
const METERS: MeterInfo[] = [{ id: "main" }, { id: "pv" }, { id: "sub", role: "sub" }];

describe("live view model", () => {
  it("adds main meters only, today's energy from the baselines", () => {
    const snaps = [
      snap("main", 100, { importW: 1500, exportW: 0, importRegisterWh: 10_500, exportRegisterWh: 200 }),
      snap("pv", 90, { importW: 0, exportW: 800, importRegisterWh: 50, exportRegisterWh: 3_000 }),
      snap("sub", 120, { importW: 400, importRegisterWh: 9_999 }),
    ];
    const base = new Map([
      ["main", snap("main", 0, { importRegisterWh: 10_000, exportRegisterWh: 200 })],
      ["pv", snap("pv", 0, { importRegisterWh: 50, exportRegisterWh: 2_400 })],
      ["sub", snap("sub", 0, { importRegisterWh: 0 })],
    ]);
    // import 1500 + 0 W, export 0 + 800 W; today: (10500-10000) + (50-50) = 500 Wh in, 0 + 600 Wh out;
    // the sub-meter (400 W, 9999 Wh) is not added; newest of the main meters: 100
    expect(householdTotals(snaps, base, METERS)).toEqual({
      meters: 2,
      importW: 1500,
      exportW: 800,
      todayImportWh: 500,
      todayExportWh: 600,
      newest: 100,
    });
  });

  it("has no today's energy without a baseline, and none below zero after a register reset", () => {
    const t = householdTotals([snap("main", 1, { importW: 5, importRegisterWh: 7 })], new Map(), METERS);
    expect(t.todayImportWh).toBeNull();
    expect(
      meterToday(snap("main", 2, { importRegisterWh: 3 }), snap("main", 1, { importRegisterWh: 900 })),
    ).toEqual({ importWh: 0, exportWh: null });
  });

  it("builds the trend from each meter's latest power at every reading time", () => {
    const readings = [
      snap("main", 10_000, { importW: 200, exportW: 0 }),
      snap("main", 0, { importW: 100, exportW: 0 }),
      snap("pv", 5_000, { importW: 50, exportW: 0 }),
      snap("pv", 10_000, { importW: 0, exportW: 30 }),
      snap("sub", 7_000, { importW: 999 }),
    ];
    // t=0: main 100; t=5 s: 100 + 50; t=10 s: main 200 + pv 0 in, pv 30 out (one point per time)
    expect(householdTrend(readings, METERS)).toEqual([
      { at: 0, importW: 100, exportW: 0 },
      { at: 5_000, importW: 150, exportW: 0 },
      { at: 10_000, importW: 200, exportW: 30 },
    ]);
    expect(householdTrend([], METERS)).toEqual([]);
  });

  it("preloads the window that ends at the newest reading", () => {
    expect(trendRange(1_000_000, 600_000)).toEqual({ from: 400_000, to: 1_001_000 });
  });

  it("shows a power column only for meters that send per-phase power", () => {
    const phase = { phase: 1 as const, voltageV: 230, currentA: 1, powerW: null };
    expect(hasPhasePower(snap("m", 0, { phases: [phase] }))).toBe(false);
    expect(hasPhasePower(snap("m", 0, { phases: [{ ...phase, powerW: 230 }] }))).toBe(true);
  });
});
