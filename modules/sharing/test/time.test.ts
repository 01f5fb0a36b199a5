import { describe, expect, it } from "vitest";
import { bucketOf, bucketsBetween, DesiredConfig, formatInstant, rollup, type StoredInterval } from "../src";
import { normalise } from "../src/rollup";
import { interval } from "./support/fixtures";

const H = 3_600_000;

describe("buckets in the household time zone", () => {
  it("gives the 23-hour and 25-hour days of the DST changes in Vienna", () => {
    const spring = bucketOf(Date.parse("2026-03-29T12:00:00Z"), "P1D", "Europe/Vienna");
    expect([formatInstant(spring.start, "Europe/Vienna"), (spring.end - spring.start) / H]).toEqual([
      "2026-03-29T00:00:00+01:00",
      23,
    ]);
    const autumn = bucketOf(Date.parse("2026-10-25T12:00:00Z"), "P1D", "Europe/Vienna");
    expect([formatInstant(autumn.start, "Europe/Vienna"), (autumn.end - autumn.start) / H]).toEqual([
      "2026-10-25T00:00:00+02:00",
      25,
    ]);
  });

  it("starts months at local midnight of the first", () => {
    const m = bucketOf(Date.parse("2026-02-28T23:30:00Z"), "P1M", "Europe/Vienna");
    expect(formatInstant(m.start, "Europe/Vienna")).toBe("2026-03-01T00:00:00+01:00");
    expect(formatInstant(m.end, "Europe/Vienna")).toBe("2026-04-01T00:00:00+02:00");
  });

  it("aligns hours to the local clock in a half-hour zone", () => {
    const b = bucketOf(Date.parse("2026-06-15T10:10:00Z"), "PT1H", "Asia/Kolkata");
    expect(new Date(b.start).toISOString()).toBe("2026-06-15T09:30:00.000Z");
    expect(formatInstant(b.start, "Asia/Kolkata")).toBe("2026-06-15T15:00:00+05:30");
  });

  it("lists the buckets of a range, the repeated autumn hour included", () => {
    const from = Date.parse("2026-10-24T22:00:00Z");
    const hours = bucketsBetween(from, from + 25 * H, "PT1H", "Europe/Vienna");
    expect(hours).toHaveLength(25);
    expect(hours.map((b) => formatInstant(b.start, "Europe/Vienna")).slice(2, 4)).toEqual([
      "2026-10-25T02:00:00+02:00",
      "2026-10-25T02:00:00+01:00",
    ]);
  });

  it("rejects an unknown time zone in the twin", () => {
    expect(DesiredConfig.safeParse({ households: { h: { timeZone: "Mars/Olympus" } } }).success).toBe(false);
    expect(DesiredConfig.parse({ households: { h: {} } }).households.h!.timeZone).toBe("Europe/Vienna");
  });
});

describe("rollup (the series package's, in the edge's shape)", () => {
  const q = (i: number, over: Partial<StoredInterval> = {}): StoredInterval => ({
    ...normalise(interval("m1", Date.parse("2026-06-15T10:00:00Z") + i * 900_000, 15, 10 * (i + 1))),
    ...over,
  });
  const start = Date.parse("2026-06-15T10:00:00Z");

  it("sums energy, takes power extremes, weights the average, keeps the last registers", () => {
    const r = rollup(
      [q(0, { powerAvgW: 100, powerMaxW: 2000 }), q(1), q(2, { powerMinW: 5 }), q(3)],
      "PT1H",
      start,
      start + H,
    )!;
    expect(r).toMatchObject({
      id: "m1|PT1H|2026-06-15T10:00:00.000Z",
      intervalStart: "2026-06-15T10:00:00.000Z",
      intervalEnd: "2026-06-15T11:00:00.000Z",
      energyImportedWh: 100,
      powerMinW: 5,
      powerMaxW: 2000,
      // the fixture's average is energy * 60 / 15 min: 80, 120, 160 W for quarters 1..3
      powerAvgW: (100 + 80 + 120 + 160) / 4,
      registers: { "1-0:1.8.0": 50_040 },
      sampleCount: 720,
      quality: "complete",
      derived: true,
    });
  });

  it("a missing quarter adds gap; the worst quality wins (estimated over partial)", () => {
    expect(rollup([q(0), q(1), q(3)], "PT1H", start, start + H)).toMatchObject({
      quality: "partial",
      flags: ["gap"],
    });
    const r = rollup(
      [q(0), q(1, { quality: "partial" }), q(2, { quality: "estimated" }), q(3, { flags: ["reset"] })],
      "PT1H",
      start,
      start + H,
    )!;
    expect([r.quality, r.flags]).toEqual(["estimated", ["reset"]]);
    expect(rollup([], "PT1H", start, start + H)).toBeUndefined();
  });

  it("normalises a record sent with a local offset to the one id and UTC times", () => {
    const local = { ...interval("m1", start), intervalStart: "2026-06-15T12:00:00+02:00", id: "m1|x" };
    expect(normalise(local)).toMatchObject({
      id: "m1|PT15M|2026-06-15T10:00:00.000Z",
      intervalStart: "2026-06-15T10:00:00.000Z",
      derived: false,
    });
  });
});
