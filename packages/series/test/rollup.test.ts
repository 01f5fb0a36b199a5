import { describe, expect, it } from "vitest";
import { seriesId } from "../src/id";
import { fromInterval, Interval, toInterval } from "../src/interval";
import { worseQuality } from "../src/quality";
import { type RollupChild, rollup, round3 } from "../src/rollup";

const Q = 900_000;
const H = 3_600_000;
const child = (i: number, over: Partial<RollupChild> = {}): RollupChild => ({
  start: i * Q,
  end: (i + 1) * Q,
  importWh: 100 * (i + 1),
  exportWh: i,
  powerMinW: 100 * (i + 1),
  powerAvgW: 400 * (i + 1),
  powerMaxW: 1000 * (i + 1),
  sampleCount: 15,
  quality: "complete",
  flags: [],
  ...over,
});
const hour = { start: 0, end: H };

describe("rollup", () => {
  it("sums energy, takes extremes and the time-weighted mean of four quarter hours", () => {
    const r = rollup(
      "m1",
      "PT1H",
      hour,
      [0, 1, 2, 3].map((i) => child(i)),
      { "1-0:1.8.0": 7 },
    )!;
    // by hand: 100+200+300+400 = 1000 Wh; 0+1+2+3 = 6 Wh; mean of 400..1600 = 1000 W
    expect(r).toMatchObject({
      importWh: 1000,
      exportWh: 6,
      powerMinW: 100,
      powerMaxW: 4000,
      powerAvgW: 1000,
    });
    expect(r).toMatchObject({ sampleCount: 60, quality: "complete", flags: [], derived: true });
    expect(r.registers).toEqual({ "1-0:1.8.0": 7 });
  });

  it("weights the mean by duration (a 45-minute child counts three times a 15-minute one)", () => {
    const a = child(0, { end: 3 * Q, powerAvgW: 100 });
    const b = child(3, { powerAvgW: 500 });
    // (100 * 3 + 500 * 1) / 4 = 200
    expect(rollup("m1", "PT1H", hour, [a, b])!.powerAvgW).toBe(200);
  });

  it("the worst quality wins: estimated over partial over complete", () => {
    const kids = [child(0, { quality: "partial" }), child(1, { quality: "estimated" }), child(2), child(3)];
    expect(rollup("m1", "PT1H", hour, kids)!.quality).toBe("estimated");
    expect(
      rollup("m1", "PT1H", hour, [child(0, { quality: "partial" }), child(1), child(2), child(3)])!.quality,
    ).toBe("partial");
  });

  it("a missing child makes it partial with the gap flag; flags are the sorted union", () => {
    const r = rollup("m1", "PT1H", hour, [
      child(0, { flags: ["reset"] }),
      child(1, { flags: ["dst"] }),
      child(3),
    ])!;
    expect(r.quality).toBe("partial");
    expect(r.flags).toEqual(["dst", "gap", "reset"]);
    const e = rollup("m1", "PT1H", hour, [child(0, { quality: "estimated" })])!;
    expect(e.quality).toBe("estimated");
    expect(e.flags).toEqual(["gap"]);
  });

  it("no children: no interval; no power: null power", () => {
    expect(rollup("m1", "PT1H", hour, [])).toBeUndefined();
    const r = rollup("m1", "PT1H", hour, [child(0, { powerMinW: null, powerAvgW: null, powerMaxW: null })])!;
    expect([r.powerMinW, r.powerAvgW, r.powerMaxW]).toEqual([null, null, null]);
  });

  // 0.0625 is exact in binary: a true half, away from zero; 1.0005 is 1.000499999... in binary, so 1.
  it("round3 rounds the exact decimal value, halves away from zero, no negative zero", () => {
    expect([
      round3(1.2345678),
      round3(-1.2345678),
      round3(0.0625),
      round3(-0.0625),
      round3(1.0005),
      round3(-1e-9),
    ]).toEqual([1.235, -1.235, 0.063, -0.063, 1, 0]);
  });
});

describe("quality and ids", () => {
  it("worseQuality is symmetric", () => {
    expect(worseQuality("complete", "partial")).toBe("partial");
    expect(worseQuality("estimated", "partial")).toBe("estimated");
    expect(worseQuality("partial", "estimated")).toBe("estimated");
  });

  it("one id for the same instant in any offset", () => {
    expect(seriesId("m1", "P1D", "2026-03-29T00:00:00+01:00")).toBe("m1|P1D|2026-03-28T23:00:00.000Z");
    expect(seriesId("m1", "P1D", Date.parse("2026-03-28T23:00:00Z"))).toBe("m1|P1D|2026-03-28T23:00:00.000Z");
    expect(() => seriesId("m1", "P1D", "yesterday")).toThrow(RangeError);
  });

  it("toInterval and fromInterval round-trip and the result parses", () => {
    const v = rollup(
      "m1",
      "PT1H",
      hour,
      [0, 1, 2, 3].map((i) => child(i)),
    )!;
    const api = toInterval(v);
    expect(Interval.parse(api)).toEqual(api);
    expect(api.id).toBe("m1|PT1H|1970-01-01T00:00:00.000Z");
    expect(api.intervalEnd).toBe("1970-01-01T01:00:00.000Z");
    expect(fromInterval(api)).toEqual(v);
  });
});
