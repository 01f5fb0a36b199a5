import type uPlot from "uplot";
import { describe, expect, it } from "vitest";
import { timeAxis, valueAxis } from "../src/views/axes";

// The callbacks as uPlot calls them: (self, axisIdx, scaleMin, scaleMax, ...) for splits, (self, splits)
// for values; only the chart's size is read from `self`.
type Splits = (u: uPlot, i: number, min: number, max: number, incr: number, space: number) => number[];
type Values = (u: uPlot, splits: number[], i: number, space: number, incr: number) => string[];
const chart = { width: 640, height: 200 } as uPlot;

describe("uPlot axes", () => {
  it("labels a week in Vienna with one tick per local midnight", () => {
    const a = timeAxis("Europe/Vienna");
    // Mon 30 Nov 00:00 CET .. Mon 7 Dec 00:00 CET, in seconds; 640 px / 80 px = 8 ticks at most
    const min = Date.parse("2026-11-29T23:00:00Z") / 1000;
    const max = Date.parse("2026-12-06T23:00:00Z") / 1000;
    const splits = (a.splits as Splits)(chart, 0, min, max, 0, 0);
    expect(splits).toHaveLength(8);
    expect(splits[1]! - splits[0]!).toBe(86_400);
    expect((a.values as Values)(chart, splits, 0, 0, 0)).toEqual([
      "30 Nov",
      "1 Dec",
      "2 Dec",
      "3 Dec",
      "4 Dec",
      "5 Dec",
      "6 Dec",
      "7 Dec",
    ]);
  });

  it("puts value ticks on round Wh and labels them in kWh when they reach 1000", () => {
    const a = valueAxis("Wh");
    // 200 px / 40 px = 5 ticks at most over 0..1800 Wh: step 500 (360 -> 3.6 x 100 -> 5 x 100)
    const splits = (a.splits as Splits)(chart, 1, 0, 1800, 0, 0);
    expect(splits).toEqual([0, 500, 1000, 1500]);
    expect((a.values as Values)(chart, splits, 1, 0, 0)).toEqual([
      "0.0 kWh",
      "0.5 kWh",
      "1.0 kWh",
      "1.5 kWh",
    ]);
  });
});
