import { IntervalRecord } from "@omdp/model";
import { describe, expect, it } from "vitest";
import { fromInterval, Interval, toInterval } from "../src/interval";
import { type RollupChild, rollup, round6 } from "../src/rollup";

const Q = 900_000;
const H = 3_600_000;
const water = (i: number, m3: number): RollupChild => ({
  start: i * Q,
  end: (i + 1) * Q,
  importWh: 0,
  exportWh: 0,
  powerMinW: null,
  powerAvgW: null,
  powerMaxW: null,
  sampleCount: 1,
  quality: "complete",
  flags: [],
  medium: "water",
  consumption: { "8-0:1.0.0": m3 },
});

describe("rollup of consumption (water, heat, HCA)", () => {
  it("sums each register's consumption and keeps the medium", () => {
    // 0.1 + 0.2 + 0.3 = 0.6000000000000001 in plain doubles; the compensated sum rounded to 1e-6 is 0.6
    const kids = [water(0, 0.1), water(1, 0.2), water(2, 0.3), water(3, 0)];
    const r = rollup("w1", "PT1H", { start: 0, end: H }, kids)!;
    expect(r.medium).toBe("water");
    expect(r.consumption).toEqual({ "8-0:1.0.0": 0.6 });
    expect(r.importWh).toBe(0);
  });

  it("the keys are the union of the children's (a heat meter's energy and volume)", () => {
    const a = { ...water(0, 0), medium: "heat" as const, consumption: { "6-0:1.0.0": 1250 } };
    const b = {
      ...water(1, 0),
      medium: "heat" as const,
      consumption: { "6-0:1.0.0": 750, "6-0:2.0.0": 0.031 },
    };
    const r = rollup("h1", "PT1H", { start: 0, end: 2 * Q }, [a, b])!;
    // by hand: 1250 + 750 = 2000 Wh; the volume only in the second child
    expect(r.consumption).toEqual({ "6-0:1.0.0": 2000, "6-0:2.0.0": 0.031 });
    expect(r.medium).toBe("heat");
  });

  it("electricity children give no media fields (the interval is unchanged)", () => {
    const { medium: _m, consumption: _c, ...elec } = water(0, 0);
    const r = rollup("e1", "PT1H", { start: 0, end: Q }, [elec])!;
    expect("medium" in r).toBe(false);
    expect("consumption" in r).toBe(false);
    expect(Object.keys(toInterval(r))).not.toContain("consumption");
  });

  it("round6 rounds as ROUND(x, 6): to the millilitre, no negative zero", () => {
    expect(round6(0.1 + 0.2)).toBe(0.3);
    expect(round6(1.0000004)).toBe(1);
    expect(Object.is(round6(-0.0000001), -0)).toBe(false);
  });

  it("the media fields round-trip through toInterval/fromInterval and parse as Interval and IntervalRecord", () => {
    const v = rollup("w1", "PT1H", { start: 0, end: H }, [water(0, 0.042)])!;
    const api = toInterval(v);
    expect(Interval.parse(api)).toEqual(api);
    expect(api).toMatchObject({ medium: "water", consumption: { "8-0:1.0.0": 0.042 } });
    expect(fromInterval(api)).toEqual(v);
    const { derived: _d, ...record } = api;
    expect(IntervalRecord.parse(record)).toMatchObject({
      medium: "water",
      consumption: { "8-0:1.0.0": 0.042 },
    });
    expect(() => IntervalRecord.parse({ ...record, consumption: { "8-0:1.0.0": -1 } })).toThrow();
    expect(() => IntervalRecord.parse({ ...record, medium: "steam" })).toThrow();
  });
});
