import { describe, expect, it } from "vitest";
import {
  decimalsFor,
  niceStep,
  niceTicks,
  scaleUnit,
  tickBudget,
  timeLabels,
  timeStep,
  timeTicks,
  valueLabels,
} from "../src/lib/axis";

const TZ = "Europe/Vienna";
const iso = (ms: number) => new Date(ms).toISOString();

describe("value ticks", () => {
  it.each([
    // range / count = rough; rough = r x 10^k with r rounded up to 1, 2, 5 or 10
    [2.3, 5, 0.5], // 0.46 -> 4.6 x 0.1 -> 5 x 0.1
    [10, 5, 2], // 2 -> 2 x 1
    [1700, 4, 500], // 425 -> 4.25 x 100 -> 5 x 100
    [0.0023, 4, 0.001], // 0.000575 -> 5.75 x 0.0001 -> 10 x 0.0001
    [7, 1, 10], // 7 -> 10
  ])("niceStep(%d, %d) = %d", (range, count, step) => {
    expect(niceStep(range, count)).toBe(step);
  });

  it("puts ticks on multiples of the step inside the range, without binary noise", () => {
    expect(niceTicks(0, 2.3, 5)).toEqual([0, 0.5, 1, 1.5, 2]);
    // range 2.9 / 6 = 0.483 -> step 0.5; first multiple >= -0.7 is -0.5
    expect(niceTicks(-0.7, 2.2, 6)).toEqual([-0.5, 0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(5, 5, 4)).toEqual([5]);
    expect(niceTicks(Number.NaN, 1, 4)).toEqual([]);
  });

  it("scales the unit to the largest magnitude", () => {
    expect(scaleUnit(999, "Wh")).toEqual({ unit: "Wh", factor: 1 });
    expect(scaleUnit(1500, "Wh")).toEqual({ unit: "kWh", factor: 1000 });
    expect(scaleUnit(-2_500_000, "Wh")).toEqual({ unit: "MWh", factor: 1e6 });
    expect(scaleUnit(0.3, "W")).toEqual({ unit: "W", factor: 1 });
  });

  it("shows as many decimals as the step needs", () => {
    expect(decimalsFor(0.5)).toBe(1);
    expect(decimalsFor(0.02)).toBe(2);
    expect(decimalsFor(0.001)).toBe(3);
    expect(decimalsFor(1)).toBe(0);
    expect(decimalsFor(20)).toBe(0);
  });

  it("labels ticks in one scaled unit with distinct round numbers", () => {
    expect(valueLabels([0, 500, 1000, 1500], "Wh")).toEqual(["0.0 kWh", "0.5 kWh", "1.0 kWh", "1.5 kWh"]);
    expect(valueLabels([-2000, 0, 2000, 4000], "W")).toEqual(["-2 kW", "0 kW", "2 kW", "4 kW"]);
    expect(valueLabels([0, 200_000, 400_000], "Wh")).toEqual(["0 kWh", "200 kWh", "400 kWh"]);
    expect(valueLabels([1_000_000, 1_500_000], "Wh")).toEqual(["1.0 MWh", "1.5 MWh"]);
    expect(valueLabels([], "Wh")).toEqual([]);
  });

  it("keeps the small week of a fresh start readable (was 0.002 0.002 0.002 0.001 kWh)", () => {
    // bars of 0.4 .. 2.3 Wh: step 0.5 Wh, shown in Wh
    const labels = valueLabels(niceTicks(0, 2.3, 5), "Wh");
    expect(labels).toEqual(["0.0 Wh", "0.5 Wh", "1.0 Wh", "1.5 Wh", "2.0 Wh"]);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe("time ticks", () => {
  it("chooses the smallest step that fits the budget", () => {
    // 24 h / 8: 1 h gives 24 ticks, 2 h 12, 3 h 8
    expect(timeStep(0, 86_400_000, 8)).toEqual({ unit: "hour", n: 3 });
    // 7 days / 8: 1 day gives 7
    expect(timeStep(0, 7 * 86_400_000, 8)).toEqual({ unit: "day", n: 1 });
    // 10 min / 6: 1 min gives 10, 2 min 5
    expect(timeStep(0, 600_000, 6)).toEqual({ unit: "ms", ms: 120_000 });
    // 365 days / 12: about 12 months
    expect(timeStep(0, 365 * 86_400_000, 12)).toEqual({ unit: "month", n: 1 });
  });

  it("puts a day's ticks on local hours, the midnights labelled with the date", () => {
    // Mon 30 Nov 2026 in Vienna (UTC+1): 2026-11-29T23:00Z .. 2026-11-30T23:00Z
    const from = Date.parse("2026-11-29T23:00:00Z");
    const to = Date.parse("2026-11-30T23:00:00Z");
    const step = { unit: "hour", n: 3 } as const;
    const ticks = timeTicks(from, to, TZ, step);
    expect(ticks.map(iso)).toEqual([
      "2026-11-29T23:00:00.000Z",
      "2026-11-30T02:00:00.000Z",
      "2026-11-30T05:00:00.000Z",
      "2026-11-30T08:00:00.000Z",
      "2026-11-30T11:00:00.000Z",
      "2026-11-30T14:00:00.000Z",
      "2026-11-30T17:00:00.000Z",
      "2026-11-30T20:00:00.000Z",
      "2026-11-30T23:00:00.000Z",
    ]);
    expect(timeLabels(ticks, step, TZ)).toEqual([
      "30 Nov",
      "03:00",
      "06:00",
      "09:00",
      "12:00",
      "15:00",
      "18:00",
      "21:00",
      "1 Dec",
    ]);
  });

  it("keeps local hours across the spring clock change (a 23-hour day)", () => {
    // 29 Mar 2026, Vienna: 00:00 CET = 28T23:00Z; 02:00 -> 03:00 CEST; 03:00 CEST = 01:00Z
    const from = Date.parse("2026-03-28T23:00:00Z");
    const to = Date.parse("2026-03-29T22:00:00Z");
    const ticks = timeTicks(from, to, TZ, { unit: "hour", n: 3 });
    expect(ticks.map(iso)).toEqual([
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T04:00:00.000Z",
      "2026-03-29T07:00:00.000Z",
      "2026-03-29T10:00:00.000Z",
      "2026-03-29T13:00:00.000Z",
      "2026-03-29T16:00:00.000Z",
      "2026-03-29T19:00:00.000Z",
      "2026-03-29T22:00:00.000Z",
    ]);
    expect(timeLabels(ticks, { unit: "hour", n: 3 }, TZ)[1]).toBe("03:00");
  });

  it("labels a week's local midnights once each (was 30 Nov 30 Nov 1 Dec 1 Dec)", () => {
    const from = Date.parse("2026-11-29T23:00:00Z");
    const to = Date.parse("2026-12-06T23:00:00Z");
    const step = timeStep(from, to, 8);
    const labels = timeLabels(timeTicks(from, to, TZ, step), step, TZ);
    expect(labels).toEqual(["30 Nov", "1 Dec", "2 Dec", "3 Dec", "4 Dec", "5 Dec", "6 Dec", "7 Dec"]);
  });

  it("starts weekly steps on Mondays and monthly steps on the 1st", () => {
    // from Wed 2 Dec 2026 10:00Z; the next Monday is 7 Dec (local midnight 6 Dec 23:00Z)
    const weeks = timeTicks(Date.parse("2026-12-02T10:00:00Z"), Date.parse("2026-12-20T00:00:00Z"), TZ, {
      unit: "day",
      n: 7,
    });
    expect(weeks.map(iso)).toEqual(["2026-12-06T23:00:00.000Z", "2026-12-13T23:00:00.000Z"]);
    // 2026 in Vienna: 1 Jan = 2025-12-31T23:00Z; quarters; 1 Apr and 1 Jul are in summer time (22:00Z)
    const from = Date.parse("2025-12-31T23:00:00Z");
    const to = Date.parse("2026-12-31T23:00:00Z");
    const q = { unit: "month", n: 3 } as const;
    const quarters = timeTicks(from, to, TZ, q);
    expect(quarters.map(iso)).toEqual([
      "2025-12-31T23:00:00.000Z",
      "2026-03-31T22:00:00.000Z",
      "2026-06-30T22:00:00.000Z",
      "2026-09-30T22:00:00.000Z",
      "2026-12-31T23:00:00.000Z",
    ]);
    expect(timeLabels(quarters, q, TZ)).toEqual(["Jan 2026", "Apr 2026", "Jul 2026", "Oct 2026", "Jan 2027"]);
  });

  it("aligns minute steps with the zone's offset, seconds shown below a minute", () => {
    // Kolkata is UTC+5:30: 14:01:10 local = 08:31:10Z; 2-minute ticks at 14:02, 14:04 local
    const from = Date.parse("2026-12-02T08:31:10Z");
    const to = Date.parse("2026-12-02T08:35:00Z");
    const step = { unit: "ms", ms: 120_000 } as const;
    const ticks = timeTicks(from, to, "Asia/Kolkata", step);
    expect(ticks.map(iso)).toEqual(["2026-12-02T08:32:00.000Z", "2026-12-02T08:34:00.000Z"]);
    expect(timeLabels(ticks, step, "Asia/Kolkata")).toEqual(["14:02", "14:04"]);
    const s = { unit: "ms", ms: 30_000 } as const;
    expect(timeLabels([Date.parse("2026-12-02T08:31:30Z")], s, "Asia/Kolkata")).toEqual(["14:01:30"]);
  });

  it("budgets ticks by width", () => {
    expect(tickBudget(800, 80)).toBe(10);
    expect(tickBudget(100, 80)).toBe(2);
  });
});
